// `node --import tsx scripts/validate/bayesSeeds.ts [seeds…]` (default 7 1 2 3 4 5): is the "+ 0.01 where purchasing is
// regular" goal of issue 13 reachable on the simulated B2B book? Per seed of the simulator (the book of `npm run
// validate` is seed 7): AUC among repeat buyers of P(active) under BG/NBD, Pareto/NBD, MBG/CNBD-k and the Bayes-optimal
// score (scripts/validate/bayesCeiling.ts), and paired bootstrap CIs of Bayes − MBG/CNBD-k and Bayes − Pareto/NBD; and,
// to see what per-account regularity is worth, the Bayes score that assumes one gap shape κ = 4 for every account.
// The holdout is the 90 days after the calibration end, as in `npm run validate`; KA_HOLDOUT_END=2024-12-31 gives the
// 6-month one. Every book is simulated to 2024-12-31 whatever the holdout, so seed 7 is the book of `npm run validate`.
// Measurement only (research for the issue), never shipped.
import { B2B_DEFAULTS, simulateB2bBook } from '../../tests/support/b2bBook';
import { auc } from '../../lib/insights/risk/metrics';
import { toDayNumber } from '../../lib/model/days';
import { bayesB2bScores } from './bayesCeiling';
import { pairedBootstrapAuc } from './bootstrap';
import { backtestBook } from './harness';

const seeds = process.argv.slice(2).map(Number);
const calibrationEnd = '2024-06-30';
const holdoutEnd = process.env.KA_HOLDOUT_END ?? '2024-09-28';
const medianGapDays = 45;
for (const seed of seeds.length ? seeds : [7, 1, 2, 3, 4, 5]) {
  const book = simulateB2bBook({ accounts: 5000, seed, start: '2022-01-01', end: '2024-12-31', acquisitionEnd: '2024-03-31', medianGapDays });
  const bt = backtestBook(book.orders, { calibrationEnd, holdoutEnd, models: ['bgnbd', 'pareto', 'mbgcnbd'] });
  const daysOf = new Map<string, number[]>();
  for (const order of book.orders) daysOf.set(order.customerId, [...(daysOf.get(order.customerId) ?? []), toDayNumber(order.date)]);
  const histories = bt.split.customerIds.map((id) => daysOf.get(id) ?? []);
  const bayesWith = (shapeRange: readonly [number, number]) =>
    bayesB2bScores(histories, toDayNumber(calibrationEnd), toDayNumber(holdoutEnd), { ...B2B_DEFAULTS, medianGapDays, shapeRange }).pActive;
  const bayes = bayesWith(B2B_DEFAULTS.shapeRange);
  const oneShape = bayesWith([3.999, 4.001]);
  const repeat: number[] = [];
  bt.split.repeat.forEach((r, i) => r && repeat.push(i));
  const labels = repeat.map((i) => bt.split.bought[i]);
  const pick = (values: Float64Array) => Float64Array.from(repeat, (i) => values[i]);
  const of = (model: string) => bt.predictions.find((p) => p.model === model)?.pActive ?? new Float64Array(bt.split.rows.length).fill(NaN);
  const f4 = (v: number) => v.toFixed(4);
  const ci = (a: Float64Array, b: Float64Array) => {
    const d = pairedBootstrapAuc(pick(a), pick(b), labels, { replicates: 1000, seed: 1 });
    return `${d.difference >= 0 ? '+' : ''}${f4(d.difference)} [${f4(d.low)}, ${f4(d.high)}]`;
  };
  const aucOf = (values: Float64Array) => f4(auc(pick(values), labels));
  console.log(
    `seed ${seed}: AUC rep P(active): BG/NBD ${aucOf(of('bgnbd'))}, Pareto/NBD ${aucOf(of('pareto'))}, MBG/CNBD-k (k=${bt.fits.mbgcnbd?.k}) ${aucOf(of('mbgcnbd'))}, ` +
      `Bayes ${aucOf(bayes)} (κ = 4 for all: ${aucOf(oneShape)}); Bayes − MBG/CNBD-k ${ci(bayes, of('mbgcnbd'))}; Bayes − Pareto/NBD ${ci(bayes, of('pareto'))}`,
  );
}
