// `node --import tsx scripts/validate/mixtureEm.ts [data set index, default 0 = CDNOW] [bg+pareto | bg+bg] [max EM
// steps, default 400] [holdout | inner | both]`: a
// latent-class mixture of two buy-till-you-die segments fitted by EM (Dempster, Laird & Rubin 1977; McLachlan & Peel
// 2000, Finite Mixture Models, ch. 2): the E-step gives each customer its posterior segment weights from the segments'
// own likelihoods, the M-step refits each segment's model on the customers weighted so. The model has its own
// likelihood, π L₁ + (1 − π) L₂, and predicts P(active) as the posterior mix of the segments'. Printed: the fit and,
// on the outer holdout and on the chooser's inner backtest (last 90 days of the calibration period), AUC among repeat
// buyers and the Brier score of P(active). Research for issue 13 (slow: a Pareto/NBD refit per EM step); never shipped.
import { bgNbdLogLikelihood, fitBgNbd, type BgNbdParams } from '../../lib/insights/risk/bgNbd';
import { auc, brierScore } from '../../lib/insights/risk/metrics';
import { bgNbdPActive, paretoNbdPActive } from '../../lib/insights/risk/pActive';
import { fitParetoNbd, paretoNbdLogLikelihood, type ParetoNbdParams } from '../../lib/insights/risk/paretoNbd';
import { aggregateRows, type RfmRow } from '../../lib/insights/risk/rows';
import { splitBook, splitBookPerCustomer, type BacktestSplit } from '../../lib/insights/risk/split';
import { logAddExp, sigmoid } from '../../lib/insights/risk/special';
import { toDayNumber } from '../../lib/model/days';
import { dataSets } from './dataSets';

type Kind = 'bg' | 'pareto';
type Params = BgNbdParams | ParetoNbdParams;
const fitOf = (kind: Kind, rows: readonly RfmRow[]): Params => (kind === 'bg' ? fitBgNbd(rows) : fitParetoNbd(rows));
const logLikOf = (kind: Kind, p: Params, x: number, tx: number, T: number) =>
  kind === 'bg' ? bgNbdLogLikelihood(p as BgNbdParams, x, tx, T) : paretoNbdLogLikelihood(p as ParetoNbdParams, x, tx, T);
const pActiveOf = (kind: Kind, p: Params, t: number, x: number, tx: number, T: number) =>
  kind === 'bg' ? bgNbdPActive(p as BgNbdParams, t, x, tx, T) : paretoNbdPActive(p as ParetoNbdParams, t, x, tx, T);

function fitMixtureEm(kinds: readonly [Kind, Kind], rows: readonly RfmRow[], maxSteps = 400, tolerance = 1e-3) {
  const data = aggregateRows(rows);
  const distinct = Array.from({ length: data.size }, (_, i) => ({ frequency: data.x[i], recency: data.recency[i], T: data.T[i], weight: data.weight[i] }));
  // Start: recent repeat buyers (last order in the second half of their history) lean to the first segment.
  let first: number[] = distinct.map((r) => (r.frequency > 0 && r.recency > r.T / 2 ? 0.7 : 0.3));
  let segments: [Params, Params] = [fitOf(kinds[0], distinct), fitOf(kinds[1], distinct)];
  let share = 0.5;
  let logLikelihood = -Infinity;
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    segments = [
      fitOf(kinds[0], distinct.map((r, i) => ({ ...r, weight: r.weight * first[i] }))),
      fitOf(kinds[1], distinct.map((r, i) => ({ ...r, weight: r.weight * (1 - first[i]) }))),
    ];
    share = distinct.reduce((sum, r, i) => sum + r.weight * first[i], 0) / data.totalWeight;
    let total = 0;
    first = distinct.map((r) => {
      const one = Math.log(share) + logLikOf(kinds[0], segments[0], r.frequency, r.recency, r.T);
      const two = Math.log1p(-share) + logLikOf(kinds[1], segments[1], r.frequency, r.recency, r.T);
      total += r.weight * logAddExp(one, two);
      return sigmoid(one - two);
    });
    const gain = total - logLikelihood;
    logLikelihood = total;
    if (gain < tolerance) break;
  }
  const pActive = (t: number, x: number, tx: number, T: number) => {
    const q = sigmoid(Math.log(share) + logLikOf(kinds[0], segments[0], x, tx, T) - Math.log1p(-share) - logLikOf(kinds[1], segments[1], x, tx, T));
    return q * pActiveOf(kinds[0], segments[0], t, x, tx, T) + (1 - q) * pActiveOf(kinds[1], segments[1], t, x, tx, T);
  };
  return { share, segments, logLikelihood, steps, pActive };
}

const data = dataSets[Number(process.argv[2] ?? 0)];
const kinds = (process.argv[3] ?? 'bg+pareto').split('+') as [Kind, Kind];
const maxSteps = Number(process.argv[4] ?? 400);
const which = process.argv[5] ?? 'both';
const orders = data.load();
const calibrationDay = toDayNumber(data.calibrationEnd);
const splits: [string, BacktestSplit][] = [
  ['holdout', splitBook(orders, data.calibrationEnd, data.holdoutEnd)],
  ['inner backtest', splitBookPerCustomer(orders.filter((o) => toDayNumber(o.date) <= calibrationDay), { endDayOf: () => calibrationDay, horizonDays: 90, unit: 'weeks' })],
];
console.log(`## ${data.name}: ${kinds.join(' + ')} mixture by EM`);
for (const [name, split] of splits) {
  if (which !== 'both' && !name.startsWith(which)) continue;
  const started = performance.now();
  const fit = fitMixtureEm(kinds, split.rows, maxSteps);
  const seconds = (performance.now() - started) / 1000;
  const p = Float64Array.from(split.rows, (row) => fit.pActive(split.horizon, row.frequency, row.recency, row.T));
  const bg = fitBgNbd(split.rows);
  const pBg = Float64Array.from(split.rows, (row) => bgNbdPActive(bg, split.horizon, row.frequency, row.recency, row.T));
  const repeat: number[] = [];
  split.repeat.forEach((r, i) => r && repeat.push(i));
  const aucRep = (v: Float64Array) => auc(Float64Array.from(repeat, (i) => v[i]), repeat.map((i) => split.bought[i])).toFixed(5);
  const show = (params: Params) => Object.entries(params).filter(([k]) => ['r', 'alpha', 'a', 'b', 's', 'beta'].includes(k)).map(([k, v]) => `${k}=${(v as number).toFixed(3)}`).join(' ');
  console.log(
    `- ${name}: π=${fit.share.toFixed(3)} [${show(fit.segments[0])}] [${show(fit.segments[1])}] LL=${fit.logLikelihood.toFixed(1)} after ${fit.steps} EM steps (${seconds.toFixed(0)} s); ` +
      `AUC rep ${aucRep(p)}, Brier ${brierScore(p, split.bought).toFixed(6)} (BG/NBD: AUC rep ${aucRep(pBg)}, Brier ${brierScore(pBg, split.bought).toFixed(6)})`,
  );
}
