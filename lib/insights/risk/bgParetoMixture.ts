// BG/NBD + Pareto/NBD latent-class mixture (issue 13): the book is a mix of two segments, a customer belonging to the
// BG/NBD one (Fader, Hardie & Lee 2005, Marketing Science 24(2)) with prior probability π and to the Pareto/NBD one
// (Schmittlein, Morrison & Colombo 1987) otherwise. One model with its own likelihood, L = π L_BG + (1 − π) L_P per
// customer (McLachlan & Peel 2000, Finite Mixture Models, ch. 1–2), so its predictions are posterior-weighted:
// q = P(BG segment | history) = π L_BG / L, and P(alive), P(active) and expected orders are q·(BG's) + (1 − q)·(P's).
// On CDNOW the two segments differ in how customers drop out: BG/NBD's "after a purchase" and Pareto/NBD's "at any
// time" each fit some buyers better than one model fits all.
// Fitted by BFGS on all 9 parameters (log r, α, a, b; log r, α, s, β; logit π) with the analytic gradient: BG/NBD's
// terms as in bgNbdMixture.ts, Pareto/NBD's by quadrature (paretoNbdTerms.ts), on the distinct (x, t_x, T) rows.
import { bgNbdLogLikelihood, bgNbdPAlive, bgNbdPredictor, fitBgNbd, type BgNbdParams, type FitOptions } from './bgNbd';
import { newTerms, scaledTimes, segmentTerms, twoSegmentObjective } from './bgNbdMixture';
import { minimizeBfgs } from './optimize';
import { bgNbdPActive, paretoNbdQuietIfAlive } from './pActive';
import { paretoNbdExpectedIfAlive, type ParetoNbdParams } from './paretoNbd';
import { paretoNbdLogParts, paretoNbdRowTerms, paretoPairs } from './paretoNbdTerms';
import { aggregatedOf, distinctValues, timeScaleFor, type FitRows } from './rows';
import { logAddExp, logGamma, sigmoid } from './special';

export interface BgParetoMixtureParams {
  /** π: prior probability of the BG/NBD segment. */
  share: number;
  bg: BgNbdParams;
  pareto: ParetoNbdParams;
}

export interface BgParetoMixtureFit extends BgParetoMixtureParams {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** ln L_P of one history and ln of its P(alive) under the Pareto/NBD segment. */
function paretoSegment(p: ParetoNbdParams, x: number, tx: number, T: number): { logLikelihood: number; pAlive: number } {
  const { alive, died } = paretoNbdLogParts(p, x, tx, T);
  const base = logGamma(p.r + x) - logGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
  return { logLikelihood: base + logAddExp(alive, died), pAlive: died === -Infinity ? 1 : sigmoid(alive - died) };
}

/** Log-likelihood of one customer history: ln(π L_BG + (1 − π) L_P). */
export function bgParetoMixtureLogLikelihood({ share, bg, pareto }: BgParetoMixtureParams, x: number, tx: number, T: number): number {
  return logAddExp(Math.log(share) + bgNbdLogLikelihood(bg, x, tx, T), Math.log1p(-share) + paretoSegment(pareto, x, tx, T).logLikelihood);
}

export interface BgParetoForecast {
  /** P(the BG/NBD segment | history). */
  bgSegment: number;
  pAlive: number;
  /** P(at least one purchase in (T, T+t]). */
  pActive: number;
  /** E[purchases in (T, T+t]]. */
  expected: number;
}

/** Forecasts over one horizon t for many customers (BG/NBD's predictor built once). */
export function bgParetoMixtureForecaster(params: BgParetoMixtureParams, t: number): (x: number, tx: number, T: number) => BgParetoForecast {
  const { share, bg, pareto } = params;
  const bgExpected = bgNbdPredictor(bg, t);
  const logShare = Math.log(share);
  const logRest = Math.log1p(-share);
  return (x, tx, T) => {
    const p = paretoSegment(pareto, x, tx, T);
    const q = sigmoid(logShare + bgNbdLogLikelihood(bg, x, tx, T) - logRest - p.logLikelihood);
    const pActiveP = t > 0 ? p.pAlive * (1 - paretoNbdQuietIfAlive(pareto, t, x, T)) : 0;
    return {
      bgSegment: q,
      pAlive: q * bgNbdPAlive(bg, x, tx, T) + (1 - q) * p.pAlive,
      pActive: q * bgNbdPActive(bg, t, x, tx, T) + (1 - q) * pActiveP,
      expected: q * bgExpected(x, tx, T) + (1 - q) * p.pAlive * paretoNbdExpectedIfAlive(pareto, t, x, T),
    };
  };
}

const logit = (p: number) => Math.log(p / (1 - p));

/** Maximum-likelihood fit on summary rows (frequency = repeat purchases, recency, T in one unit) or aggregated rows. */
export function fitBgParetoMixture(rows: FitRows, options: FitOptions = {}): BgParetoMixtureFit {
  const { maxIterations = 500, gradientTolerance = 1e-7 } = options;
  const data = aggregatedOf(rows);
  const scale = timeScaleFor(data.maxT);
  const scaled = { size: data.size, x: data.x, ...scaledTimes(data.T.map((v) => v * scale), data.recency.map((v) => v * scale)) };
  const xs = distinctValues(data.x);
  const n = data.totalWeight;

  // Start: one fit per side of a rule-of-thumb split (recent repeat buyers lean to the BG/NBD segment), BG/NBD on one
  // side and Pareto/NBD on the other (its BFGS from 1, 1, 1, 1 in rescaled time, as fitParetoNbd).
  const lean = Float64Array.from({ length: data.size }, (_, i) => (data.x[i] > 0 && data.recency[i] > data.T[i] / 2 ? 0.7 : 0.3));
  const one = fitBgNbd(Array.from({ length: data.size }, (_, i) => ({ frequency: data.x[i], recency: scaled.recency[i], T: scaled.T[i], weight: data.weight[i] * lean[i] })));
  const pairs = paretoPairs(scaled, xs);
  const second = newTerms(data.size);
  const rest = Float64Array.from(lean, (l, i) => data.weight[i] * (1 - l));
  let restTotal = 0;
  for (let i = 0; i < data.size; i++) restTotal += rest[i];
  const two = minimizeBfgs(
    (theta, gradient) => {
      if (!paretoNbdRowTerms(theta, 0, scaled, xs, pairs, second)) return NaN;
      let ll = 0;
      gradient.fill(0);
      for (let i = 0; i < data.size; i++) {
        ll += rest[i] * second.ll[i];
        gradient[0] -= rest[i] * second.gr[i];
        gradient[1] -= rest[i] * second.gAlpha[i];
        gradient[2] -= rest[i] * second.ga[i];
        gradient[3] -= rest[i] * second.gb[i];
      }
      for (let j = 0; j < 4; j++) gradient[j] /= restTotal;
      return Number.isFinite(ll) ? -ll / restTotal : NaN;
    },
    [0, 0, 0, 0],
    { maxIterations, gradientTolerance: 1e-6 },
  );
  const start = [...[one.r, one.alpha, one.a, one.b].map(Math.log), ...two.x, logit(1 - restTotal / n)];

  const first = newTerms(data.size);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    if (!segmentTerms(theta, 0, data, scaled, xs, first) || !paretoNbdRowTerms(theta, 4, scaled, xs, pairs, second)) return NaN;
    return twoSegmentObjective(theta[8], data.weight, n, first, second, gradient);
  };
  const result = minimizeBfgs(objective, start, { maxIterations, gradientTolerance, valueTolerance: 1e-10 });
  const p = Array.from(result.x, Math.exp);
  return {
    share: sigmoid(result.x[8]),
    bg: { r: p[0], alpha: p[1] / scale, a: p[2], b: p[3] },
    pareto: { r: p[4], alpha: p[5] / scale, s: p[6], beta: p[7] / scale },
    // Rescaling time by c multiplies the density of x purchase times by c^x: undo it for the reported LL.
    logLikelihood: -result.value * n + data.totalPurchases * Math.log(scale),
    iterations: result.iterations,
    evaluations: result.evaluations + one.evaluations + two.evaluations,
    converged: result.converged,
  };
}
