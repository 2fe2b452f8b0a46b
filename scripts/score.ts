// `npm run score -- <file> [--format cdnow|generic] [--observation-end YYYY-MM-DD] [--calibration-end YYYY-MM-DD]
//  [--unit days|weeks] [--model auto|bgnbd|pareto] [--penalizer 0.001] [--out scores.csv]`
// (--penalizer: L2 penalty like lifetimes' penalizer_coef, useful on small logs where the MLE runs off.)
// Fits a buy-till-you-die model to an order log and writes one lapse-risk row per customer.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bgNbdExpectedPurchases, chooseModel, bgNbdPAlive, dayToIso, fitBgNbd, fitGammaGamma, fitParetoNbd, gammaGammaExpectedSpend, lapseLevel, paretoNbdExpectedPurchases, paretoNbdPAlive, summarizeTransactions, toDayNumber, type CustomerSummary, type GammaGammaParams, type TimeUnit } from '../lib/insights/risk';
import { parseCdnowLog, parseGenericLog } from './lib/orderLog';
import { objectsToCsv } from '../lib/import/csvOut';

const USAGE =
  'usage: npm run score -- <file> [--format cdnow|generic] [--observation-end YYYY-MM-DD] [--calibration-end YYYY-MM-DD] [--unit days|weeks] [--model auto|bgnbd|pareto] [--penalizer 0.001] [--out scores.csv]';

class UsageError extends Error {}

function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'observation-end': { type: 'string' },
      'calibration-end': { type: 'string' },
      unit: { type: 'string', default: 'weeks' },
      model: { type: 'string', default: 'auto' },
      penalizer: { type: 'string', default: '0' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('no input file');
  const format = values.format ?? (file.endsWith('.txt') ? 'cdnow' : 'generic');
  if (format !== 'cdnow' && format !== 'generic') throw new UsageError(`unknown --format "${format}"`);
  const unit = values.unit as TimeUnit;
  if (unit !== 'days' && unit !== 'weeks') throw new UsageError(`unknown --unit "${values.unit}"`);
  const requested = values.model;
  if (requested !== 'auto' && requested !== 'bgnbd' && requested !== 'pareto') throw new UsageError(`unknown --model "${requested}"`);

  const penalizer = Number(values.penalizer);
  if (!(penalizer >= 0)) throw new UsageError(`--penalizer must be a number ≥ 0 (got "${values.penalizer}")`);

  const text = readFileSync(file, 'utf8');
  const transactions = format === 'cdnow' ? parseCdnowLog(text) : parseGenericLog(text);
  const lastDay = transactions.reduce((max, t) => Math.max(max, toDayNumber(t.date)), -Infinity);
  const observationEnd = values['observation-end'] ?? dayToIso(lastDay);
  const calibrationEnd = values['calibration-end'];
  const rows = summarizeTransactions(transactions, { observationEnd, calibrationEnd, unit });
  const unitDays = unit === 'weeks' ? 7 : 1;
  const endDay = toDayNumber(calibrationEnd ?? observationEnd);
  // "Next period": the hold-out period when there is one, else a year.
  const horizon = calibrationEnd ? (toDayNumber(observationEnd) - endDay) / unitDays : 365 / unitDays;
  const year = 365 / unitDays;

  const started = performance.now();
  // --model auto (the default): fit both, report which fits better (log-likelihood, BIC), keep BG/NBD unless
  // Pareto/NBD is much better (chooseModel).
  const choice = requested === 'auto' ? chooseModel(rows, { penalizer }) : undefined;
  const model = choice?.chosen ?? (requested as 'bgnbd' | 'pareto');
  const fit = choice ? choice[model] : model === 'bgnbd' ? fitBgNbd(rows, { penalizer }) : fitParetoNbd(rows, { penalizer });
  const params = model === 'bgnbd' ? `r=${f(fit.r)} alpha=${f(fit.alpha)} a=${f((fit as { a: number }).a)} b=${f((fit as { b: number }).b)}` : `r=${f(fit.r)} alpha=${f(fit.alpha)} s=${f((fit as { s: number }).s)} beta=${f((fit as { beta: number }).beta)}`;
  const pAlive = (row: CustomerSummary) =>
    'a' in fit ? bgNbdPAlive(fit, row.frequency, row.recency, row.T) : paretoNbdPAlive(fit, row.frequency, row.recency, row.T);
  const expected = (row: CustomerSummary, t: number) =>
    'a' in fit ? bgNbdExpectedPurchases(fit, t, row.frequency, row.recency, row.T) : paretoNbdExpectedPurchases(fit, t, row.frequency, row.recency, row.T);
  let spend: GammaGammaParams | undefined;
  try {
    const gg = fitGammaGamma(rows);
    if (gg.q > 1) spend = gg;
  } catch {
    spend = undefined; // no amounts or no repeat buyers: spend columns stay empty
  }
  const elapsed = performance.now() - started;

  console.log(`${rows.length} customers, ${transactions.length} transactions; period ends ${calibrationEnd ?? observationEnd}; unit ${unit}`);
  console.log(`${model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'}: ${params} log-likelihood=${fit.logLikelihood.toFixed(2)} iterations=${fit.iterations} converged=${fit.converged}`);
  if (choice) {
    console.log(
      `model choice: BG/NBD log-likelihood=${choice.bgnbd.logLikelihood.toFixed(2)} BIC=${choice.bgnbd.bic.toFixed(1)}; Pareto/NBD log-likelihood=${choice.pareto.logLikelihood.toFixed(2)} BIC=${choice.pareto.bic.toFixed(1)} → ${choice.reason}`,
    );
  }
  if (spend) console.log(`Gamma-Gamma: p=${f(spend.p)} q=${f(spend.q)} v=${f(spend.v)}`);
  console.log(`fitted in ${elapsed.toFixed(0)} ms; next period = ${f(horizon)} ${unit}`);

  const output = rows.map((row) => {
    const p = pAlive(row);
    const nextPeriod = expected(row, horizon);
    const nextYear = expected(row, year);
    const orderValue = spend ? gammaGammaExpectedSpend(spend, row.frequency, row.monetaryValue) : undefined;
    const meanGap = row.frequency > 0 ? row.recency / row.frequency : undefined;
    const silence = row.T - row.recency;
    const level = meanGap === undefined ? 'unknown' : lapseLevel(p, silence / Math.max(meanGap, 1 / unitDays));
    const explanation =
      meanGap === undefined
        ? `no repeat purchase yet; first purchase ${f(row.T)} ${unit} ago`
        : `${Math.round(p * 100)}% chance still active; ${row.frequency} repeat purchases, about every ${f(meanGap)} ${unit}; nothing for ${f(silence)} ${unit}`;
    return {
      customer_id: row.customerId,
      frequency: row.frequency,
      recency: round(row.recency),
      T: round(row.T),
      p_alive: round(p),
      expected_purchases_next_period: round(nextPeriod),
      expected_spend: orderValue === undefined ? '' : round(orderValue),
      value_at_risk: orderValue === undefined || p <= 0 ? '' : round(orderValue * (nextYear / p - nextYear)),
      risk_level: level,
      explanation,
    };
  });
  const csv = objectsToCsv(output, { bom: false, finalNewline: false });
  if (values.out) {
    writeFileSync(values.out, csv + '\n');
    console.log(`wrote ${output.length} rows to ${values.out}`);
  } else console.log(`\n${csv}`);
}

const f = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4));
const round = (value: number) => Math.round(value * 1e4) / 1e4;

try {
  main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`score: ${message}`);
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(USAGE);
  process.exitCode = 1;
}
