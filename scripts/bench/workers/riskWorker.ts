// Worker body for the risk benchmark in Chromium: the same engine code the extension runs, timed inside a Web Worker.
import { bgNbdPAlive, bgNbdPredictor, fitBgNbd, fitGammaGamma, fitParetoNbd, gammaGammaExpectedSpend, summarizeTransactions } from '../../../lib/insights/risk';
import { chooseModelByBacktest } from '../../../lib/insights/risk';
import { toDayNumber } from '../../../lib/model/days';
import { parseCdnowLog } from '../../../tests/support/cdnow';
import { simulateB2bBook } from '../../../tests/support/b2bBook';

const scope = self as unknown as { onmessage: (event: MessageEvent<string>) => void; postMessage(value: unknown): void };
scope.onmessage = (event) => {
  const runs: number[][] = [];
  let iterations = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const transactions = parseCdnowLog(event.data);
    const t1 = performance.now();
    const rows = summarizeTransactions(transactions, { observationEnd: '1998-06-30', calibrationEnd: '1997-09-30', unit: 'weeks' });
    const t2 = performance.now();
    const fit = fitBgNbd(rows);
    const t3 = performance.now();
    const spend = fitGammaGamma(rows);
    const expected = bgNbdPredictor(fit, 39);
    let total = 0;
    for (const row of rows) total += bgNbdPAlive(fit, row.frequency, row.recency, row.T) * expected(row.frequency, row.recency, row.T) * gammaGammaExpectedSpend(spend, row.frequency, row.monetaryValue);
    const t4 = performance.now();
    iterations = fit.iterations;
    runs.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0, total]);
  }
  const rows = summarizeTransactions(parseCdnowLog(event.data), { observationEnd: '1998-06-30', calibrationEnd: '1997-09-30', unit: 'weeks' });
  const p0 = performance.now();
  fitParetoNbd(rows);
  const pareto = performance.now() - p0;
  // Issue 13's target: the model choice by backtest for a 5,000-account book (the simulated B2B book of
  // scripts/bench/backtest.ts, all three candidates fitted), in Chromium's engine as the service worker runs it.
  const book = simulateB2bBook({ accounts: 5000, seed: 7, start: '2022-01-01', end: '2024-12-31', acquisitionEnd: '2024-03-31', medianGapDays: 45 });
  const end = toDayNumber('2024-12-31');
  const choices: number[] = [];
  let chosen = '';
  for (let run = 0; run < 3; run++) {
    const c0 = performance.now();
    chosen = chooseModelByBacktest(book.orders, { endDayOf: () => end }).chosen;
    choices.push(performance.now() - c0);
  }
  scope.postMessage({ runs, iterations, pareto, choice: [...choices].sort((a, b) => a - b)[1], chosen });
};
