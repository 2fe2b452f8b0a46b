// MBG/CNBD-k and the backtest harness: fit speed on the full CDNOW log against BG/NBD, prediction
// speed, and a backtest of a 5,000-account book (the work a per-book model choice would do).
// Figures only; `npm run bench backtest` prints them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseModelByBacktest, splitBook } from '../../lib/insights/risk';
import { backtestBook } from '../validate/harness';
import { fitBgNbd, fitMbgCnbd, mbgCnbdPredictor } from '../../lib/insights/risk';
import { fitBgParetoMixture } from '../../lib/insights/risk/bgParetoMixture';
import { toDayNumber } from '../../lib/model/days';
import { parseCdnowLog } from '../../tests/support/cdnow';
import { cdnowDir } from '../../tests/unit/risk/cdnowSample';
import { simulateB2bBook } from '../../tests/support/b2bBook';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const median = (values: number[]) => [...values].sort((p, q) => p - q)[values.length >> 1];
const wall = (work: () => unknown) => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
/** CPU time of this process (user + system): steadier than wall time on cores shared with other work. */
const cpu = (work: () => unknown) => {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};

export async function bench(): Promise<Figure[]> {
  const transactions = parseCdnowLog(readFileSync(resolve(cdnowDir, 'CDNOW_master.txt'), 'utf8'));
  const { rows } = splitBook(transactions, '1997-09-30', '1998-06-30', 'weeks');
  const runs = 9;
  // Warm up the JIT once, as the service worker would have after its first book.
  const fit = fitMbgCnbd(rows);
  fitBgNbd(rows);
  const mbgWall = median(Array.from({ length: runs }, () => wall(() => fitMbgCnbd(rows))));
  const mbgCpu = median(Array.from({ length: runs }, () => cpu(() => fitMbgCnbd(rows))));
  const k1Cpu = median(Array.from({ length: runs }, () => cpu(() => fitMbgCnbd(rows, { k: 1 }))));
  const bgWall = median(Array.from({ length: runs }, () => wall(() => fitBgNbd(rows))));
  const bgCpu = median(Array.from({ length: runs }, () => cpu(() => fitBgNbd(rows))));
  const predictCpu = median(
    Array.from({ length: 5 }, () =>
      cpu(() => {
        const predictor = mbgCnbdPredictor(fit, 39);
        for (const row of rows) predictor.expected(row.frequency, row.recency, row.T) + predictor.pActive(row.frequency, row.recency, row.T);
      }),
    ),
  );
  const tried = fit.candidates.map((c) => c.k).join(',');
  fitBgParetoMixture(rows);
  const mixtureCpu = median(Array.from({ length: 3 }, () => cpu(() => fitBgParetoMixture(rows))));
  const cdnowDay = toDayNumber('1997-09-30');
  const cdnowCalibration = transactions.filter((t) => toDayNumber(t.date) <= cdnowDay);
  const cdnowChoice = chooseModelByBacktest(cdnowCalibration, { endDayOf: () => cdnowDay });
  const cdnowChoiceCpu = median(Array.from({ length: 3 }, () => cpu(() => chooseModelByBacktest(cdnowCalibration, { endDayOf: () => cdnowDay }))));

  const book = simulateB2bBook({ accounts: 5000, seed: 7, start: '2022-01-01', end: '2024-12-31', acquisitionEnd: '2024-03-31', medianGapDays: 45 });
  const { rows: bookRows } = splitBook(book.orders, '2024-06-30', '2024-12-31', 'weeks');
  fitMbgCnbd(bookRows);
  const bookFit = fitMbgCnbd(bookRows);
  const bookMbgCpu = median(Array.from({ length: 5 }, () => cpu(() => fitMbgCnbd(bookRows))));
  const bookMixtureCpu = median(Array.from({ length: 3 }, () => cpu(() => fitBgParetoMixture(bookRows))));
  const options = { calibrationEnd: '2024-06-30', holdoutEnd: '2024-12-31' } as const;
  const textbook = median(Array.from({ length: 3 }, () => cpu(() => backtestBook(book.orders, { ...options, models: ['bgnbd', 'mbgcnbd', 'recency'] }))));
  const withPareto = cpu(() => backtestBook(book.orders, { ...options, models: ['pareto'] }));
  const withShipped = cpu(() => backtestBook(book.orders, { ...options, models: ['shipped'] }));
  const choice = chooseModelByBacktest(book.orders, { endDayOf: () => toDayNumber('2024-12-31') });
  const choiceCpu = median(Array.from({ length: 3 }, () => cpu(() => chooseModelByBacktest(book.orders, { endDayOf: () => toDayNumber('2024-12-31') }))));

  return [
    { name: `CDNOW log (23,570): fit MBG/CNBD-k, k chosen (k=${fit.k}; tried ${tried}), median of ${runs}`, value: mbgWall, unit: 'ms', target: '≤ 100 ms' },
    { name: 'CDNOW log: fit MBG/CNBD-k, k chosen, CPU time', value: mbgCpu, unit: 'ms', target: '≤ 100 ms' },
    { name: 'CDNOW log: fit MBG/CNBD-1 alone, CPU time', value: k1Cpu, unit: 'ms' },
    { name: 'CDNOW log: fit BG/NBD (same rows), median', value: bgWall, unit: 'ms', target: '≤ 30 ms' },
    { name: 'CDNOW log: fit BG/NBD, CPU time', value: bgCpu, unit: 'ms', target: '≤ 30 ms' },
    { name: 'CDNOW log: MBG/CNBD-k E[39 wk] and P(active) for everyone, CPU time', value: predictCpu, unit: 'ms' },
    { name: 'CDNOW log: fit the BG/NBD + Pareto/NBD mixture, CPU time, median of 3', value: mixtureCpu, unit: 'ms' },
    { name: `CDNOW log: chooseModelByBacktest at 1997-09-30 (3 candidates; chose ${cdnowChoice.chosen}), CPU`, value: cdnowChoiceCpu, unit: 'ms' },
    { name: `5,000-account B2B book: fit MBG/CNBD-k (k=${bookFit.k}; tried ${bookFit.candidates.length} values), CPU time`, value: bookMbgCpu, unit: 'ms' },
    { name: '5,000-account B2B book: fit the BG/NBD + Pareto/NBD mixture, CPU time', value: bookMixtureCpu, unit: 'ms' },
    { name: '5,000-account book: backtest BG/NBD + MBG/CNBD-k + recency (split, fits, metrics), CPU', value: textbook, unit: 'ms', target: '≤ 1500 ms (model choice)' },
    { name: `5,000-account book: chooseModelByBacktest (BG/NBD, MBG/CNBD-k, BG/NBD + Pareto/NBD mixture, last 90 days; chose ${choice.chosen}), CPU`, value: choiceCpu, unit: 'ms', target: '≤ 1500 ms' },
    { name: '5,000-account book: backtest Pareto/NBD alone, CPU time', value: withPareto, unit: 'ms' },
    { name: '5,000-account book: backtest the shipped scoreAccounts alone, CPU time', value: withShipped, unit: 'ms' },
  ];
}
