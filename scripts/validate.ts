// `npm run validate [-- --replicates 1000]`: the lapse-risk backtest harness (issue 13). Per data set:
// split at a calibration date, fit every model on the calibration period, predict the holdout, and
// print how well each model's scores did (lib/insights/risk/backtest.ts says exactly what is scored).
// Data are read in place from ../shared (never copied into the repository).
import { parseArgs } from 'node:util';
import {
  activeProbabilities,
  auc,
  backtestBook,
  chooseModelByBacktest,
  flagQuality,
  splitBook,
  brierScore,
  pairedBootstrapAucs,
  type Backtest,
  type BookOrder,
  type ModelPredictions,
  type SubsetMetrics,
} from '../lib/insights/risk/backtest';
import { dayToIso, toDayNumber } from '../lib/model/days';
import { dataSets } from './validate/dataSets';

const { values: args } = parseArgs({ options: { replicates: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const replicates = Number(args.replicates);
const seed = Number(args.seed);

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(3));
const int = (v: number) => Math.round(v).toLocaleString('en');
const pct = (p: number) => `${(100 * p).toFixed(0)}%`;

function table(bt: Backtest): string[] {
  const header = [
    '| model | score | AUC all | Brier all | MAE all | RMSE all | Σpred/Σact all | AUC rep | Brier rep | MAE rep | RMSE rep | Σpred/Σact rep |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const lines: string[] = [];
  for (const metrics of bt.metrics) {
    const p = bt.predictions.find((q) => q.model === metrics.model) as ModelPredictions;
    const scores: { name: string; pick: (s: SubsetMetrics) => [number | undefined, number | undefined, boolean] }[] = [];
    if (p.rank) scores.push({ name: p.model === 'shipped' ? 'level (high<watch<low)' : 'recency', pick: (s) => [s.aucRank, undefined, false] });
    if (p.pAlive) scores.push({ name: 'P(alive)', pick: (s) => [s.aucPAlive, s.brierPAlive, false] });
    if (p.pActive) scores.push({ name: 'P(active)', pick: (s) => [s.aucPActive, s.brierPActive, false] });
    if (p.expected) scores.push({ name: p.model === 'recency' ? 'E: past rate' : 'E[purchases]', pick: (s) => [s.aucExpected, undefined, true] });
    scores.forEach((score, index) => {
      const cells = (s: SubsetMetrics) => {
        const [aucValue, brier, isExpectation] = score.pick(s);
        return [
          f3(aucValue),
          f3(brier),
          isExpectation ? f3(s.mae) : '',
          isExpectation ? f3(s.rmse) : '',
          isExpectation && s.predictedTotal !== undefined ? `${int(s.predictedTotal)}/${int(s.actualTotal)}` : '',
        ];
      };
      lines.push(`| ${index === 0 ? metrics.label : ''} | ${score.name} | ${cells(metrics.all).join(' | ')} | ${cells(metrics.repeat).join(' | ')} |`);
    });
  }
  return [...header, ...lines];
}

function describeFits(bt: Backtest): string[] {
  const { bgnbd, pareto, mbgcnbd } = bt.fits;
  const out: string[] = [];
  const ms = (model: string) => bt.predictions.find((p) => p.model === model)?.fitMs ?? 0;
  if (bgnbd) out.push(`BG/NBD r=${bgnbd.r.toFixed(3)} α=${bgnbd.alpha.toFixed(3)} a=${bgnbd.a.toFixed(3)} b=${bgnbd.b.toFixed(3)} LL=${bgnbd.logLikelihood.toFixed(1)} (${ms('bgnbd').toFixed(0)} ms)`);
  if (pareto) out.push(`Pareto/NBD r=${pareto.r.toFixed(3)} α=${pareto.alpha.toFixed(3)} s=${pareto.s.toFixed(3)} β=${pareto.beta.toFixed(3)} LL=${pareto.logLikelihood.toFixed(1)} (${ms('pareto').toFixed(0)} ms)`);
  if (mbgcnbd) {
    const byK = mbgcnbd.candidates.map((c) => `k=${c.k}: ${c.logLikelihood.toFixed(0)}`).join(', ');
    out.push(`MBG/CNBD-k k=${mbgcnbd.k} r=${mbgcnbd.r.toFixed(3)} α=${mbgcnbd.alpha.toFixed(3)} a=${mbgcnbd.a.toFixed(3)} b=${mbgcnbd.b.toFixed(3)} LL=${mbgcnbd.logLikelihood.toFixed(1)} (LL by k: ${byK}; ${ms('mbgcnbd').toFixed(0)} ms)`);
  }
  const shipped = bt.predictions.find((p) => p.model === 'shipped');
  if (shipped) out.push(`shipped scoreAccounts as of the calibration end: ${shipped.fitMs.toFixed(0)} ms; ${shipped.note}`);
  return out;
}

/** Paired bootstrap CIs among repeat buyers (one set of replicates for all comparisons): best textbook model vs MBG/CNBD-k and vs the shipped score. */
function bootstraps(bt: Backtest): string[] {
  const repeat: number[] = [];
  bt.split.repeat.forEach((r, i) => r && repeat.push(i));
  const labels = repeat.map((i) => bt.split.bought[i]);
  const of = (model: string) => bt.predictions.find((p) => p.model === model);
  const pick = (values: Float64Array) => Float64Array.from(repeat, (i) => values[i]);
  const comparisons: { name: string; a: Float64Array; b: Float64Array }[] = [];
  for (const score of ['pAlive', 'pActive'] as const) {
    const textbook = (['bgnbd', 'pareto'] as const)
      .map((m) => of(m))
      .filter((p): p is ModelPredictions => p?.[score] !== undefined)
      .map((p) => ({ p, auc: auc(pick(p[score] as Float64Array), labels) }))
      .sort((x, y) => y.auc - x.auc)[0];
    if (!textbook) continue;
    const rivals = [of('mbgcnbd'), score === 'pAlive' ? of('shipped') : undefined].filter((p): p is ModelPredictions => p?.[score] !== undefined);
    for (const rival of rivals) {
      comparisons.push({
        name: `AUC ${score === 'pAlive' ? 'P(alive)' : 'P(active)'}, repeat buyers: ${textbook.p.label} − ${rival.label}`,
        a: pick(textbook.p[score] as Float64Array),
        b: pick(rival[score] as Float64Array),
      });
    }
  }
  const results = pairedBootstrapAucs(comparisons, labels, { replicates, seed });
  return comparisons.map(({ name }, i) => {
    const d = results[i];
    return (
      `${name} = ${d.difference >= 0 ? '+' : ''}${d.difference.toFixed(4)} [95% CI ${d.low.toFixed(4)}, ${d.high.toFixed(4)}] ` +
      `(paired bootstrap, ${d.replicates} replicates, seed ${seed}; share of replicates ≤ 0: ${d.shareAtOrBelowZero.toFixed(3)})`
    );
  });
}

const CHOICE_HORIZON_DAYS = 90;

/**
 * The proposed shipped score: model and level thresholds chosen by a backtest on the calibration
 * period's own history (fit to its last 90 days, score them), then refitted at the calibration end and
 * checked on the 90 days after it — against the shipped levels on the same days.
 */
function modelChoice(orders: readonly BookOrder[], bt: Backtest, calibrationEnd: string): string[] {
  const choice = chooseModelByBacktest(orders, { asOf: calibrationEnd, horizonDays: CHOICE_HORIZON_DAYS });
  const horizon = CHOICE_HORIZON_DAYS / bt.split.unitDays;
  const pActive = activeProbabilities(bt.fits, choice.chosen, bt.split.rows, horizon);
  const next = splitBook(orders, calibrationEnd, dayToIso(toDayNumber(calibrationEnd) + CHOICE_HORIZON_DAYS), 'weeks');
  const boughtById = new Map(next.customerIds.map((id, i) => [id, next.bought[i]]));
  const bought = bt.split.customerIds.map((id) => boughtById.get(id) ?? false);
  const repeat: number[] = [];
  bt.split.repeat.forEach((r, i) => r && repeat.push(i));
  const high = pActive.map((p) => (p <= choice.high.atOrBelow ? 1 : 0));
  const highOrWatch = pActive.map((p) => (p <= choice.watch.atOrBelow ? 1 : 0));
  const q = (flags: ArrayLike<number>) => flagQuality(Array.from(flags, Boolean), bought);
  const shippedRank = bt.predictions.find((p) => p.model === 'shipped')?.rank;
  const describe = (name: string, quality: { precision: number; recall: number; flagged: number }) =>
    `${name}: ${int(quality.flagged)} flagged, ${pct(quality.precision)} of them placed no order in the next ${CHOICE_HORIZON_DAYS} days, caught ${pct(quality.recall)} of the accounts that placed none`;
  const label = choice.candidates.find((c) => c.model === choice.chosen)?.label ?? choice.chosen;
  const lines = [
    `inner backtest (fit to ${choice.calibrationEnd}, score the ${CHOICE_HORIZON_DAYS} days to ${calibrationEnd}): ${choice.reason} → ${label}; ` +
      `${pct(choice.baseRate)} placed no order there; "high" = P(order in ${CHOICE_HORIZON_DAYS} days) ≤ ${f3(choice.high.atOrBelow)} ` +
      `(asked precision ${pct(choice.targets.high)}: got ${pct(choice.high.precision)}, recall ${pct(choice.high.recall)}), ` +
      `"watch" = up to ${f3(choice.watch.atOrBelow)} (asked ${pct(choice.targets.watch)} for high+watch: got ${pct(choice.watch.precision)}, recall ${pct(choice.watch.recall)})`,
    `refitted to ${calibrationEnd}, checked on the next ${CHOICE_HORIZON_DAYS} days: AUC all ${f3(auc(pActive, bought))}, repeat buyers ${f3(auc(Float64Array.from(repeat, (i) => pActive[i]), repeat.map((i) => bought[i])))}, ` +
      `Brier all ${f3(brierScore(pActive, bought))}; ${describe('high', q(high))}; ${describe('high+watch', q(highOrWatch))}`,
  ];
  if (shippedRank) {
    lines.push(
      `shipped levels on the same ${CHOICE_HORIZON_DAYS} days: ${describe('high', q(shippedRank.map((r) => (r === 0 ? 1 : 0))))}; ` +
        `${describe('high+watch', q(shippedRank.map((r) => (r <= 1 ? 1 : 0))))}`,
    );
  }
  return lines;
}

/** Simulated books only: the scores against the known truth (still buying at the calibration end). */
function againstTruth(bt: Backtest, alive: (id: string) => boolean): string[] {
  const truth = bt.split.customerIds.map(alive);
  const repeat: number[] = [];
  bt.split.repeat.forEach((r, i) => r && repeat.push(i));
  const parts = bt.predictions
    .filter((p) => p.pAlive)
    .map((p) => {
      const values = Float64Array.from(repeat, (i) => (p.pAlive as Float64Array)[i]);
      const labels = repeat.map((i) => truth[i]);
      return `${p.label} AUC ${f3(auc(values, labels))}, Brier ${f3(brierScore(values, labels))}`;
    });
  const aliveCount = truth.filter(Boolean).length;
  return [
    `truth: ${int(aliveCount)} of ${int(truth.length)} accounts (${pct(aliveCount / truth.length)}) still buying at the calibration end; ` +
      `P(alive) against it, repeat buyers: ${parts.join('; ')}`,
  ];
}

function main() {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  console.log('# npm run validate: lapse-risk models backtested on held-out purchases');
  console.log(
    'AUC: Mann-Whitney (ties ½) for "≥ 1 purchase in the holdout". Brier: mean (p − bought)². P(alive) = still a buyer at the calibration end ' +
      '(what the user is shown), P(active) = P(≥ 1 purchase in the holdout). E = expected holdout purchases (distinct order days); ' +
      'MAE/RMSE against actual purchases. "rep" = repeat buyers (≥ 2 order days in calibration). Times are wall-clock on this machine.',
  );
  for (const data of dataSets) {
    const setStarted = performance.now();
    const orders = data.load();
    const bt = backtestBook(orders, { calibrationEnd: data.calibrationEnd, holdoutEnd: data.holdoutEnd, clock: () => performance.now() });
    const { split } = bt;
    const n = split.rows.length;
    const repeat = split.repeat.filter(Boolean).length;
    const bought = split.bought.filter(Boolean).length;
    const boughtRepeat = split.bought.filter((b, i) => b && split.repeat[i]).length;
    const firstDay = orders.reduce((min, o) => Math.min(min, toDayNumber(o.date)), Infinity);
    console.log(`\n## ${data.name}`);
    console.log(`${data.why}.`);
    console.log(
      `${int(orders.length)} orders from ${dayToIso(firstDay)}; ${int(n)} customers in the calibration cohort, ${int(repeat)} repeat buyers (${pct(repeat / n)}); ` +
        `holdout ${split.horizon.toFixed(1)} weeks: ${int(bought)} customers bought (${pct(bought / n)}; repeat buyers ${int(boughtRepeat)}, ${pct(boughtRepeat / repeat)}).`,
    );
    for (const line of describeFits(bt)) console.log(`- ${line}`);
    console.log('');
    for (const line of table(bt)) console.log(line);
    console.log('');
    for (const line of bootstraps(bt)) console.log(`- ${line}`);
    for (const line of modelChoice(orders, bt, data.calibrationEnd)) console.log(`- ${line}`);
    if (data.aliveAtCalibrationEnd) for (const line of againstTruth(bt, data.aliveAtCalibrationEnd)) console.log(`- ${line}`);
    console.log(`- (${((performance.now() - setStarted) / 1000).toFixed(1)} s for this data set)`);
  }
  const cpu = process.cpuUsage(cpuStarted);
  console.log(
    `\nnpm run validate took ${((performance.now() - started) / 1000).toFixed(1)} s wall-clock (target ≤ 20 s), ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (the difference is time waiting for a core on a shared machine).`,
  );
}

main();
