// Pareto/NBD model (Schmittlein, Morrison & Colombo 1987). Likelihood in the numerically stable form of
// Fader, Hardie & Lee, "A Note on Implementing the Pareto/NBD Model in MATLAB" / derivations note
// (http://brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf, eqs. 18-20: the 2F1 is
// taken with the larger of alpha, beta in the denominator so its argument stays in [0, 1)); P(alive)
// eq. (37), conditional expectation eq. (41). Cross-checked against lifetimes' ParetoNBDFitter
// (https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/fitters/pareto_nbd_fitter.py).
import type { FitOptions } from './bgNbd';
import { minimizeBfgs, withNumericGradient } from './optimize';
import { aggregateRows, distinctValues, timeScaleFor, type RfmRow } from './rows';
import { logAddExp, logGamma, logHyp2f1, sigmoid } from './special';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoNbdFit extends ParetoNbdParams {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/**
 * ln A0 of the likelihood: ln[ 2F1(r+s+x, t; r+s+x+1; |α−β|/(m+t_x)) / (m+t_x)^(r+s+x)
 *                            − 2F1(r+s+x, t; r+s+x+1; |α−β|/(m+T)) / (m+T)^(r+s+x) ],
 * m = max(α, β), t = r+x if α < β else s+1. −Infinity when t_x = T (the two terms cancel).
 */
function logA0({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  const [low, high, t] = alpha < beta ? [alpha, beta, r + x] : [beta, alpha, s + 1];
  const gap = high - low;
  const rsx = r + s + x;
  const first = logHyp2f1(rsx, t, rsx + 1, gap / (high + tx)) - rsx * Math.log(high + tx);
  const second = logHyp2f1(rsx, t, rsx + 1, gap / (high + T)) - rsx * Math.log(high + T);
  const diff = second - first;
  return diff >= 0 ? -Infinity : first + Math.log(-Math.expm1(diff));
}

/** Log-likelihood of one customer history. */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const stillAlive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  return a1 + logAddExp(stillAlive, Math.log(s) + logA0(params, x, tx, T) - Math.log(r + s + x));
}

/** Maximum-likelihood Pareto/NBD fit (BFGS on log-parameters, central-difference gradient). */
export function fitParetoNbd(rows: readonly RfmRow[], options: FitOptions = {}): ParetoNbdFit {
  const { penalizer = 0, maxIterations = 300, gradientTolerance = 1e-7 } = options;
  const data = aggregateRows(rows);
  const scale = timeScaleFor(data.maxT);
  const n = data.totalWeight;
  const recency = data.recency.map((v) => v * scale);
  const T = data.T.map((v) => v * scale);
  // Terms that depend only on x, or only on (x, T), are computed once per distinct value per
  // evaluation: CDNOW's 23,570 customers have a few dozen x and 84 T values, so the second 2F1 of
  // ln A0 (the one at T) is evaluated a few hundred times instead of once per row.
  const xs = distinctValues(data.x);
  const ts = distinctValues(T);
  const rs = distinctValues(recency);
  const nx = xs.values.length;
  const nt = ts.values.length;
  const nr = rs.values.length;
  // The first 2F1 (at t_x) likewise per distinct (x, t_x): the rows differ mostly in T.
  const pairs = nx * nt <= 4_000_000 ? new Float64Array(nx * nt) : undefined;
  const recencyPairs = nx * nr <= 4_000_000 ? new Float64Array(nx * nr) : undefined;
  const lgRX = new Float64Array(nx);
  const logRSX = new Float64Array(nx);
  const logAlphaT = new Float64Array(nt);
  const logBetaT = new Float64Array(nt);
  const negativeMeanLogLikelihood = (theta: Float64Array): number => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const s = Math.exp(theta[2]);
    const beta = Math.exp(theta[3]);
    const [low, high] = alpha < beta ? [alpha, beta] : [beta, alpha];
    const gap = high - low;
    const common = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
    for (let k = 0; k < nx; k++) {
      lgRX[k] = logGamma(r + xs.values[k]);
      logRSX[k] = Math.log(r + s + xs.values[k]);
    }
    for (let k = 0; k < nt; k++) {
      logAlphaT[k] = Math.log(alpha + ts.values[k]);
      logBetaT[k] = Math.log(beta + ts.values[k]);
    }
    const logS = Math.log(s);
    pairs?.fill(NaN);
    recencyPairs?.fill(NaN);
    // ln[2F1(r+s+x, t; r+s+x+1; |α−β|/(m+u)) / (m+u)^(r+s+x)], m = max(α, β), t = r+x if α < β else s+1 (see logA0).
    const term = (x: number, u: number) => {
      const rsx = r + s + x;
      return logHyp2f1(rsx, alpha < beta ? r + x : s + 1, rsx + 1, gap / (high + u)) - rsx * Math.log(high + u);
    };
    let ll = 0;
    for (let i = 0; i < data.size; i++) {
      const x = data.x[i];
      const kx = xs.indexOf[i];
      const kt = ts.indexOf[i];
      const at = kx * nt + kt;
      let second = pairs ? pairs[at] : NaN;
      if (Number.isNaN(second)) {
        second = term(x, T[i]);
        if (pairs) pairs[at] = second;
      }
      const atR = kx * nr + rs.indexOf[i];
      let first = recencyPairs ? recencyPairs[atR] : NaN;
      if (Number.isNaN(first)) {
        first = term(x, recency[i]);
        if (recencyPairs) recencyPairs[atR] = first;
      }
      const diff = second - first;
      const logA0 = diff >= 0 ? -Infinity : first + Math.log(-Math.expm1(diff));
      const stillAlive = -(r + x) * logAlphaT[kt] - s * logBetaT[kt];
      ll += data.weight[i] * (lgRX[kx] + common + logAddExp(stillAlive, logS + logA0 - logRSX[kx]));
    }
    return -ll / n + penalizer * (r * r + alpha * alpha + s * s + beta * beta);
  };
  const result = minimizeBfgs(withNumericGradient(negativeMeanLogLikelihood), [0, 0, 0, 0], { maxIterations, gradientTolerance });
  const [r, alphaScaled, s, betaScaled] = Array.from(result.x, Math.exp);
  const penalty = penalizer * (r * r + alphaScaled * alphaScaled + s * s + betaScaled * betaScaled);
  return {
    r,
    alpha: alphaScaled / scale,
    s,
    beta: betaScaled / scale,
    logLikelihood: -(result.value - penalty) * n + data.totalPurchases * Math.log(scale),
    iterations: result.iterations,
    evaluations: result.evaluations * 9,
    converged: result.converged,
  };
}

/** P(alive | x, t_x, T) under Pareto/NBD. */
export function paretoNbdPAlive(params: ParetoNbdParams, frequency: number, recency: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const logOdds =
    Math.log(s) - Math.log(r + s + frequency) + (r + frequency) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(params, frequency, recency, T);
  return sigmoid(-logOdds);
}

/** E[Y(t) | x, t_x, T] under Pareto/NBD: P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]. */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  return paretoNbdPAlive(params, frequency, recency, T) * paretoNbdExpectedIfAlive(params, t, frequency, T);
}

/** E[Y(t) | alive at T, x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] (note 009 eq. 41 without P(alive)). */
export function paretoNbdExpectedIfAlive({ r, alpha, s, beta }: ParetoNbdParams, t: number, frequency: number, T: number): number {
  if (t <= 0) return 0;
  const logRatio = Math.log((beta + T) / (beta + T + t));
  // [1 − e^((s−1)·logRatio)]/(s−1), whose limit at s = 1 is −logRatio.
  const horizon = Math.abs(s - 1) < 1e-9 ? -logRatio : -Math.expm1((s - 1) * logRatio) / (s - 1);
  return ((r + frequency) * (beta + T) * horizon) / (alpha + T);
}
