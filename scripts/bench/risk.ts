// Lapse-risk engine speed: the CDNOW log end to end, Pareto/NBD, scoreAccounts on a million orders, and a million
// simulated customers streamed through the shipped pipeline (scripts/bench/workers/riskMillion.ts, a process of its
// own). Figures only; `npm run bench risk` prints them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bgNbdPredictor, bgNbdPAlive, fitBgNbd, fitGammaGamma, fitParetoNbd, gammaGammaExpectedSpend, scoreAccounts, summarizeTransactions, type AccountOrder, type BgNbdParams, type CustomerSummary } from '../../lib/insights/risk';
import { parseCdnowLog } from '../../tests/support/cdnow';
import { cdnowDir, loadCdnowSample } from '../../tests/unit/risk/cdnowSample';
import { random } from '../../tests/support/random';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const shared = cdnowDir;
const DAY = 86_400_000;

const time = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};
/** CPU time of this process (user + system): steadier than wall time on cores shared with other work. */
const cpuTime = <T>(work: () => T): [T, number] => {
  const started = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(started);
  return [result, (used.user + used.system) / 1000];
};
const median = (values: number[]) => [...values].sort((p, q) => p - q)[values.length >> 1];

/** P(alive), expected purchases over `horizon` and expected spend for every customer. */
function scoreEveryone(rows: CustomerSummary[], params: BgNbdParams, horizon: number) {
  const spend = fitGammaGamma(rows);
  const expected = bgNbdPredictor(params, horizon);
  let total = 0;
  for (const row of rows) {
    const p = bgNbdPAlive(params, row.frequency, row.recency, row.T);
    total += p * expected(row.frequency, row.recency, row.T) * gammaGammaExpectedSpend(spend, row.frequency, row.monetaryValue);
  }
  return total;
}

function cdnowFigures(): Figure[] {
  const text = readFileSync(resolve(shared, 'CDNOW_master.txt'), 'utf8');
  const runs: { parse: number; summarize: number; fit: number; score: number; iterations: number; evaluations: number }[] = [];
  for (let run = 0; run < 7; run++) {
    const [transactions, parse] = time(() => parseCdnowLog(text));
    const [rows, summarize] = time(() => summarizeTransactions(transactions, { observationEnd: '1998-06-30', calibrationEnd: '1997-09-30', unit: 'weeks' }));
    const [fit, fitMs] = time(() => fitBgNbd(rows));
    const [, score] = time(() => scoreEveryone(rows, fit, 39));
    runs.push({ parse, summarize, fit: fitMs, score, iterations: fit.iterations, evaluations: fit.evaluations });
  }
  const total = runs.map((r) => r.parse + r.summarize + r.fit + r.score);
  const sample = loadCdnowSample();
  const sampleBg = median(Array.from({ length: 5 }, () => time(() => fitBgNbd(sample))[1]));
  const [paretoSample, paretoSampleMs] = time(() => fitParetoNbd(sample));
  const fullRows = summarizeTransactions(parseCdnowLog(text), { observationEnd: '1998-06-30', calibrationEnd: '1997-09-30', unit: 'weeks' });
  const [paretoFull, paretoFullMs] = time(() => fitParetoNbd(fullRows));
  const paretoFullCpu = median(Array.from({ length: 3 }, () => cpuTime(() => fitParetoNbd(fullRows))[1]));
  return [
    { name: 'CDNOW log: parse (69,659 transactions), median of 7', value: median(runs.map((r) => r.parse)), unit: 'ms' },
    { name: 'CDNOW log: summarize to 1997-09-30 (23,570 customers)', value: median(runs.map((r) => r.summarize)), unit: 'ms' },
    { name: 'CDNOW log: fit BG/NBD', value: median(runs.map((r) => r.fit)), unit: 'ms', target: '≤ 30 ms' },
    { name: 'CDNOW log: BG/NBD iterations', value: runs[0].iterations, unit: '' },
    { name: 'CDNOW log: BG/NBD likelihood evaluations', value: runs[0].evaluations, unit: '' },
    { name: 'CDNOW log: score everyone (Gamma-Gamma fit, P(alive), E[39 wk], spend)', value: median(runs.map((r) => r.score)), unit: 'ms' },
    { name: 'CDNOW log: parse + summarize + fit + score, median', value: median(total), unit: 'ms', target: '≤ 150 ms' },
    { name: 'CDNOW log: same, first (cold) run', value: total[0], unit: 'ms' },
    { name: 'CDNOW sample (2,357): fit BG/NBD', value: sampleBg, unit: 'ms' },
    { name: `CDNOW sample (2,357): fit Pareto/NBD (${paretoSample.iterations} it, ${paretoSample.evaluations} LL evals)`, value: paretoSampleMs, unit: 'ms', target: '≤ 300 ms' },
    { name: `CDNOW log (23,570): fit Pareto/NBD (${paretoFull.iterations} it, ${paretoFull.evaluations} LL evals)`, value: paretoFullMs, unit: 'ms', target: '≤ 300 ms' },
    { name: 'CDNOW log (23,570): fit Pareto/NBD, CPU time, median of 3', value: paretoFullCpu, unit: 'ms', target: '≤ 300 ms' },
  ];
}

/** The figures of one run of scripts/bench/workers/riskMillion.ts (see there). */
interface MillionRun {
  customers: number;
  orders: number;
  baselineMB: number;
  model: string;
  high?: number;
  feedMs: number;
  buildMs: number;
  scoreMs: number;
  pipelineMs: number;
  pipelineCpuMs: number;
  peakRssMB: number;
  /** scoreBook only: every account's LapseRisk made one at a time after the pipeline (as a store writes them out). */
  eachLapseRiskMs?: number;
  eachLapseRiskCpuMs?: number;
  peakRssWithEachMB?: number;
}

/**
 * A million simulated customers, each path in a node process of its own so that its peak RSS is its own: the child
 * is bundled by esbuild and run by plain node (no TypeScript loader in the process, ~40 MB at start).
 */
async function millionRuns(): Promise<Record<'scoreBook' | 'bgnbd', MillionRun>> {
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-bench-'));
  const script = join(dir, 'riskMillion.mjs');
  try {
    await build({ entryPoints: [resolve(import.meta.dirname, 'workers/riskMillion.ts')], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'warning' });
    const run = (mode: string) => JSON.parse(execFileSync(process.execPath, [script, mode], { encoding: 'utf8', maxBuffer: 1 << 20 })) as MillionRun;
    return { scoreBook: run('scoreBook'), bgnbd: run('bgnbd') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function millionFigures({ scoreBook: shipped, bgnbd }: Record<'scoreBook' | 'bgnbd', MillionRun>): Figure[] {
  const orders = shipped.orders.toLocaleString('en');
  return [
    { name: `1M simulated customers (${orders} orders): fed into PurchaseDaysBuilder in chunks`, value: shipped.feedMs, unit: 'ms' },
    { name: '1M simulated customers: build PurchaseDays (typed arrays)', value: shipped.buildMs, unit: 'ms' },
    { name: `1M: scoreBook (backtest choice, refit, every account's figures as columns; ${shipped.model}, ${shipped.high} high)`, value: shipped.scoreMs, unit: 'ms' },
    { name: '1M: whole shipped pipeline (feed + build + scoreBook), wall', value: shipped.pipelineMs / 1000, unit: 's', target: '≤ 5 s' },
    { name: '1M: whole shipped pipeline, CPU time', value: shipped.pipelineCpuMs / 1000, unit: 's', target: '≤ 5 s' },
    { name: '1M: whole shipped pipeline, peak RSS of its process', value: shipped.peakRssMB, unit: 'MB', target: '≤ 500 MB' },
    { name: '1M: same process at start (node, before any order)', value: shipped.baselineMB, unit: 'MB' },
    { name: '1M: then every LapseRisk made one at a time (RiskScores iterated), CPU', value: shipped.eachLapseRiskCpuMs ?? NaN, unit: 'ms' },
    { name: '1M: peak RSS of the process with that done too', value: shipped.peakRssWithEachMB ?? NaN, unit: 'MB' },
    { name: `1M: summarize + fit BG/NBD + score everyone (${bgnbd.model}; true 0.243, 0.793)`, value: bgnbd.scoreMs, unit: 'ms' },
    { name: '1M: whole BG/NBD pipeline (feed + build + that), wall', value: bgnbd.pipelineMs / 1000, unit: 's', target: '≤ 5 s' },
    { name: '1M: whole BG/NBD pipeline, peak RSS of its process', value: bgnbd.peakRssMB, unit: 'MB', target: '≤ 500 MB' },
  ];
}

/** 5,000 accounts with 200 orders each over two years, a fifth of them silent for the last 120 days. */
function accountOrders(): AccountOrder[] {
  const rand = random(5);
  const today = Date.UTC(2025, 5, 30);
  const orders: AccountOrder[] = [];
  for (let k = 0; k < 5000; k++) {
    const accountId = `acct-${k}`;
    const silent = k % 5 === 0 ? 120 : 0;
    for (let i = 0; i < 200; i++) {
      const ago = silent + Math.floor(rand() * (730 - silent));
      orders.push({ accountId, date: new Date(today - ago * DAY).toISOString().slice(0, 10), amount: 100 + Math.floor(rand() * 900), currency: 'EUR' });
    }
  }
  return orders;
}

function accountFigures(): Figure[] {
  const orders = accountOrders();
  const runs = Array.from({ length: 3 }, () => time(() => scoreAccounts(orders, { today: '2025-06-30' })));
  const cpu = median(Array.from({ length: 3 }, () => cpuTime(() => scoreAccounts(orders, { today: '2025-06-30' }))[1]));
  const levels = runs[0][0].reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.level]: (acc[s.level] ?? 0) + 1 }), {});
  return [
    { name: `scoreAccounts: 1,000,000 orders / 5,000 accounts (high ${levels.high ?? 0}, watch ${levels.watch ?? 0}, low ${levels.low ?? 0})`, value: median(runs.map((r) => r[1])), unit: 'ms', target: '< 1000 ms' },
    { name: 'scoreAccounts: same, first (cold) run', value: runs[0][1], unit: 'ms' },
    { name: 'scoreAccounts: same, CPU time (model choice by backtest + refit included), median of 3', value: cpu, unit: 'ms', target: '< 1000 ms' },
  ];
}

export async function bench(): Promise<Figure[]> {
  const million = millionFigures(await millionRuns());
  return [...cdnowFigures(), ...accountFigures(), ...million];
}
