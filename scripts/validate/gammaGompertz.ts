// `node --import tsx scripts/validate/gammaGompertz.ts [data set index, default 0 = CDNOW]`: the Gamma-Gompertz/NBD
// (Bemmaor & Glady 2012, "Modeling Purchasing Behavior with Sudden 'Death': A Flexible Customer Lifetime Model",
// Management Science 58(5)) fitted by maximum likelihood and scored on the holdout of `npm run validate`. Research for
// issue 13, never shipped. The model: Poisson purchases at rate λ ~ Gamma(r, α) while alive; lifetime τ with
// P(τ > t | η) = exp(−η(e^{bt} − 1)), η ~ Gamma(s, β), so the population survival is S(t) = (β / (β − 1 + e^{bt}))^s
// and the density f(t) = s b e^{bt} β^s (β − 1 + e^{bt})^−(s+1). Likelihood of (x, t_x, T), as in the model's
// BTYDplus implementation (R/gg-nbd.R, removed in 2016; github.com/mplatzer/BTYDplus):
//   L = Γ(r+x)/Γ(r) α^r [ (α+T)^−(r+x) S(T) + ∫_{t_x}^{T} (α+y)^−(r+x) f(y) dy ].
// Given alive at T, λ ~ Gamma(r+x, α+T) and the residual lifetime has survival S(T+u)/S(T), so
//   P(active in (T, T+t]) = P(alive) · [1 − ((α+T)/(α+T+t))^(r+x) S(T+t)/S(T) − ∫_0^t ((α+T)/(α+T+u))^(r+x) f(T+u)/S(T) du].
// b → 0 with β/b fixed is Pareto/NBD.
import { minimizeBfgs, withNumericGradient } from '../../lib/insights/risk/optimize';
import { auc, brierScore } from '../../lib/insights/risk/metrics';
import { aggregateRows, timeScaleFor, type RfmRow } from '../../lib/insights/risk/rows';
import { splitBook } from '../../lib/insights/risk/split';
import { logAddExp, logGamma } from '../../lib/insights/risk/special';
import { dataSets } from './dataSets';

interface GgParams {
  r: number;
  alpha: number;
  b: number;
  s: number;
  beta: number;
}

// 8-point Gauss-Legendre on [−1, 1] (Abramowitz & Stegun, Table 25.4), on pieces growing threefold from the start.
const NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
function integrate(f: (v: number) => number, lo: number, hi: number, firstPiece: number): number {
  let total = 0;
  for (let a = lo, width = Math.min(firstPiece, hi - lo); a < hi; a += width, width *= 3) {
    const b = Math.min(hi, a + width);
    const mid = (a + b) / 2;
    const half = (b - a) / 2;
    for (let i = 0; i < 4; i++) total += half * WEIGHTS[i] * (f(mid - half * NODES[i]) + f(mid + half * NODES[i]));
  }
  return total;
}

const logSurvival = (p: GgParams, t: number) => p.s * (Math.log(p.beta) - Math.log(p.beta + Math.expm1(p.b * t)));
const logDensity = (p: GgParams, t: number) => Math.log(p.s * p.b) + p.b * t + p.s * Math.log(p.beta) - (p.s + 1) * Math.log(p.beta + Math.expm1(p.b * t));

/** ln L and ln of its "alive at T" term. */
function logLikelihoodTerms(p: GgParams, x: number, tx: number, T: number): { all: number; alive: number } {
  const R = p.r + x;
  const a0 = p.alpha + tx;
  const head = logGamma(R) - logGamma(p.r) + p.r * Math.log(p.alpha) - R * Math.log(a0);
  const alive = head - R * Math.log((p.alpha + T) / a0) + logSurvival(p, T);
  if (T <= tx) return { all: alive, alive };
  const integrand = (y: number) => Math.exp(-R * Math.log((p.alpha + y) / a0) + logDensity(p, y));
  const integral = integrate(integrand, tx, T, 1 / (R / a0 + p.b * (p.s + 1)));
  return { all: logAddExp(alive, head + Math.log(integral)), alive };
}

function pActive(p: GgParams, t: number, x: number, tx: number, T: number): number {
  const R = p.r + x;
  const a1 = p.alpha + T;
  const atT = logSurvival(p, T);
  const survive = Math.exp(-R * Math.log1p(t / a1) + logSurvival(p, T + t) - atT);
  const dies = integrate((u) => Math.exp(-R * Math.log1p(u / a1) + logDensity(p, T + u) - atT), 0, t, 1 / (R / a1 + p.b * (p.s + 1)));
  const { all, alive } = logLikelihoodTerms(p, x, tx, T);
  return Math.exp(alive - all) * (1 - Math.min(1, survive + dies));
}

function fitGammaGompertzNbd(rows: readonly RfmRow[]) {
  const data = aggregateRows(rows);
  const scale = timeScaleFor(data.maxT);
  const objective = (theta: Float64Array) => {
    const [r, alpha, b, s, beta] = Array.from(theta, Math.exp);
    let ll = 0;
    for (let i = 0; i < data.size; i++) ll += data.weight[i] * logLikelihoodTerms({ r, alpha, b, s, beta }, data.x[i], data.recency[i] * scale, data.T[i] * scale).all;
    return -ll / data.totalWeight;
  };
  const result = minimizeBfgs(withNumericGradient(objective), [0, 0, Math.log(0.1), 0, 0], { maxIterations: 300, gradientTolerance: 1e-7 });
  const [r, alpha, b, s, beta] = Array.from(result.x, Math.exp);
  return {
    params: { r, alpha: alpha / scale, b: b * scale, s, beta },
    logLikelihood: -result.value * data.totalWeight + data.totalPurchases * Math.log(scale),
    converged: result.converged,
  };
}

const data = dataSets[Number(process.argv[2] ?? 0)];
const split = splitBook(data.load(), data.calibrationEnd, data.holdoutEnd);
const started = performance.now();
const fit = fitGammaGompertzNbd(split.rows);
const seconds = (performance.now() - started) / 1000;
const p = Float64Array.from(split.rows, (row) => pActive(fit.params, split.horizon, row.frequency, row.recency, row.T));
const repeat: number[] = [];
split.repeat.forEach((r, i) => r && repeat.push(i));
const shown = Object.entries(fit.params).map(([k, v]) => `${k}=${v.toPrecision(4)}`).join(' ');
console.log(`## ${data.name}: Gamma-Gompertz/NBD ${shown} LL=${fit.logLikelihood.toFixed(1)} converged=${fit.converged} (${seconds.toFixed(0)} s)`);
console.log(
  `holdout: AUC rep ${auc(Float64Array.from(repeat, (i) => p[i]), repeat.map((i) => split.bought[i])).toFixed(5)}, ` +
    `AUC all ${auc(p, split.bought).toFixed(5)}, Brier all ${brierScore(p, split.bought).toFixed(6)}`,
);
