// Lapse-risk engine speed: the CDNOW log end to end, Pareto/NBD, a million simulated customers, and
// scoreAccounts on a million orders. Figures only; `npm run bench risk` prints them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bgNbdPredictor, bgNbdPAlive, fitBgNbd, fitGammaGamma, fitParetoNbd, gammaGammaExpectedSpend, scoreAccounts, summarizeTransactions, type AccountOrder, type BgNbdParams, type CustomerSummary, type Transaction } from '../../lib/insights/risk';
import { parseCdnowLog } from '../../tests/support/cdnow';
import { cdnowDir, loadCdnowSample } from '../../tests/unit/risk/cdnowSample';
import { gammaSampler, random } from '../../tests/support/random';

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

/** Simulated BG/NBD buyers (CDNOW-like parameters), first purchase in the first 12 weeks, observed 39 weeks. */
function simulateCustomers(count: number, seed: number): Transaction[] {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const { r, alpha, a, b } = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const start = Date.UTC(2024, 0, 1);
  const dayNames = Array.from({ length: 400 }, (_, d) => new Date(start + d * DAY).toISOString().slice(0, 10));
  const transactions: Transaction[] = [];
  for (let c = 0; c < count; c++) {
    const customerId = `c${c}`;
    const lambda = gamma(r) / alpha; // purchases per week
    const x = gamma(a);
    const p = x / (x + gamma(b));
    let week = rand() * 12;
    // BG/NBD: dropout can follow any repeat purchase (the likelihood for x = 0 is e^(−λT)).
    for (let purchase = 0; week < 39; purchase++) {
      if (purchase > 1 && rand() < p) break;
      transactions.push({ customerId, date: dayNames[Math.floor(week * 7)], amount: 10 + Math.floor(rand() * 40) });
      week += -Math.log(rand() || 1e-300) / lambda;
    }
  }
  return transactions;
}

function millionFigures(): Figure[] {
  const count = 1_000_000;
  const transactions = simulateCustomers(count, 1);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const [rows, summarize] = time(() => summarizeTransactions(transactions, { observationEnd: '2024-09-30', unit: 'weeks' }));
  const [fit, fitMs] = time(() => fitBgNbd(rows));
  const [, score] = time(() => scoreEveryone(rows, fit, 13));
  const heapAfter = process.memoryUsage().heapUsed;
  return [
    { name: `1M simulated customers (${transactions.length.toLocaleString('en')} transactions): summarize`, value: summarize, unit: 'ms' },
    { name: `1M simulated customers: fit BG/NBD (r=${fit.r.toFixed(3)}, a=${fit.a.toFixed(3)}; true 0.243, 0.793)`, value: fitMs, unit: 'ms' },
    { name: '1M simulated customers: score everyone', value: score, unit: 'ms' },
    { name: '1M simulated customers: whole pipeline', value: (summarize + fitMs + score) / 1000, unit: 's', target: '≤ 5 s' },
    { name: '1M simulated customers: heap used after (input log included)', value: heapAfter / 2 ** 20, unit: 'MB' },
    { name: '1M simulated customers: heap growth during pipeline', value: (heapAfter - heapBefore) / 2 ** 20, unit: 'MB' },
    { name: '1M simulated customers: peak RSS (process, input log included)', value: process.resourceUsage().maxRSS / 1024, unit: 'MB', target: '≤ 500 MB' },
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
  // The million-customer run goes first so that its peak RSS is its own.
  const million = millionFigures();
  return [...cdnowFigures(), ...accountFigures(), ...million];
}
