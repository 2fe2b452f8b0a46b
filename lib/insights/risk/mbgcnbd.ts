// MBG/CNBD-k: BG/NBD with Erlang-k inter-purchase times. Reutterer, Platzer & Schröder (2021),
// "Leveraging purchase regularity for predicting customer behavior the easy way", International
// Journal of Research in Marketing 38(1), doi:10.1016/j.ijresmar.2020.09.002. Facts taken from the
// reference implementation, the R package BTYDplus (https://github.com/mplatzer/BTYDplus, file
// R/mbg-cnbd-k.R: `xbgcnbd.LL`, `xbgcnbd.PAlive`, `xbgcnbd.EstimateParameters`; src/slice-sampling.cpp:
// `xbgcnbd_pmf_cpp`); the TypeScript below is our own.
//
// Assumptions (BTYDplus vignette "BTYDplus-HowTo", section "BG/CNBD-k and MBG/CNBD-k"): while active,
// a customer's inter-purchase times are Erlang-k with rate λ (k exponential phases of rate λ, mean k/λ),
// λ ~ Gamma(r, α) across customers; after every purchase, the first one included, the customer drops
// out for good with probability p, p ~ Beta(a, b). (BG/CNBD-k, variant 'bg', only lets repeat purchases
// end a life; k = 1 of 'bg' is exactly BG/NBD, k = 1 of 'mbg' is MBG/NBD of Batislam et al. 2007.)
//
// Per customer: x repeat purchases, the last at t_x, observed for T, and litt = Σ ln(inter-purchase
// time) over the x gaps (same time unit). With R = r + k·x, u = T − t_x and δ = 1 for 'mbg', 0 for 'bg':
//   ln L = (k−1)·litt − x·ln((k−1)!) + ln B(a, b+x+δ) − ln B(a, b)
//          + ln Γ(R) − ln Γ(r) + r·ln α − R·ln(α+T) + ln(S1 + S2),
//   S1 = [δ = 1 or x > 0] · a/(b+x−1+δ) · ((α+T)/(α+t_x))^R       (died right after the last purchase)
//   S2 = Σ_{j<k} Π_{i<j}(R+i) · u^j / (j!·(α+T)^j)                  (alive: the current gap is longer than u)
// (BTYDplus `xbgcnbd.LL`: P1..P4, S1, S2.) P(alive at T) = S2 / (S1 + S2) (`xbgcnbd.PAlive`).
//
// litt enters only through the first, parameter-free term, so for a fixed k the fit needs the
// (x, t_x, T) histories only and identical histories are fitted as one weighted row; litt decides
// between values of k. k is chosen as BTYDplus `xbgcnbd.EstimateParameters` does: fit k = 1, 2, …, 12,
// stop once the log-likelihood has fallen twice in a row (beyond k = 2), keep the best.
// Predictions: mbgcnbdPredict.ts.
import type { FitOptions } from './bgNbd';
import { minimizeBfgs } from './optimize';
import { aggregatedOf, distinctValues, timeScaleFor, type FitRows, type RfmRow } from './rows';
import { digamma, logAddExp, logGamma, sigmoid } from './special';

export type CnbdVariant = 'mbg' | 'bg';

export interface MbgCnbdParams {
  /** Erlang order of the inter-purchase times (1 = exponential, as BG/NBD). */
  k: number;
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A summary row with the sum of log inter-purchase times (needed to compare values of k). */
export interface CnbdRow extends RfmRow {
  /** Σ ln(gap) over the customer's x inter-purchase times, in the unit of recency and T; 0 when x = 0. */
  litt?: number;
}

export interface MbgCnbdFitForK extends MbgCnbdParams {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface MbgCnbdFit extends MbgCnbdFitForK {
  variant: CnbdVariant;
  /** Every k tried, in order (one entry when k was given). */
  candidates: MbgCnbdFitForK[];
}

export interface MbgCnbdOptions extends FitOptions {
  /** Fix k instead of choosing it by likelihood. */
  k?: number;
  /** Largest k tried when choosing (BTYDplus: 12). */
  maxK?: number;
  /** 'mbg' (default): dropout possible at the first purchase too; 'bg': only after repeat purchases. */
  variant?: CnbdVariant;
}

export const MAX_K = 12;

/** Σ ln(gap) of the gaps between consecutive purchase days days[from..to), in units of `unitDays` days. */
export function sumLogGaps(days: ArrayLike<number>, from: number, to: number, unitDays: number): number {
  let litt = 0;
  for (let i = from + 1; i < to; i++) litt += Math.log((days[i] - days[i - 1]) / unitDays);
  return litt;
}

export const offsetOf = (variant: CnbdVariant): number => (variant === 'mbg' ? 1 : 0);
const logFactorial = (n: number) => logGamma(n + 1);

/** Log-likelihood of one customer history (BTYDplus `xbgcnbd.LL`). */
export function mbgCnbdLogLikelihood(params: MbgCnbdParams, x: number, tx: number, T: number, litt: number, variant: CnbdVariant = 'mbg'): number {
  const { k, r, alpha, a, b } = params;
  const d = offsetOf(variant);
  const R = r + k * x;
  const logAlphaT = Math.log(alpha + T);
  const fixed = (k - 1) * litt - x * logFactorial(k - 1);
  const beta = logGamma(b + x + d) - logGamma(a + b + x + d) - logGamma(b) + logGamma(a + b);
  const gamma = logGamma(R) - logGamma(r) + r * Math.log(alpha) - R * logAlphaT;
  const logS2 = Math.log(aliveSum(R, (T - tx) / (alpha + T), k));
  const logS1 = d === 1 || x > 0 ? Math.log(a) - Math.log(b + x - 1 + d) + R * (logAlphaT - Math.log(alpha + tx)) : -Infinity;
  return fixed + beta + gamma + logAddExp(logS1, logS2);
}

/** S2 = Σ_{j<k} Π_{i<j}(R+i) z^j / j!, z = u/(α+T). */
function aliveSum(R: number, z: number, k: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 1; j < k; j++) {
    term *= ((R + j - 1) * z) / j;
    sum += term;
  }
  return sum;
}

/** P(alive at T | x, t_x, T) (BTYDplus `xbgcnbd.PAlive`); 1 for 'bg' without a repeat purchase. */
export function mbgCnbdPAlive(params: MbgCnbdParams, frequency: number, recency: number, T: number, variant: CnbdVariant = 'mbg'): number {
  const { k, r, alpha, a, b } = params;
  const d = offsetOf(variant);
  if (d === 0 && frequency === 0) return 1;
  const R = r + k * frequency;
  const logS1 = Math.log(a) - Math.log(b + frequency - 1 + d) + R * (Math.log(alpha + T) - Math.log(alpha + recency));
  const logS2 = Math.log(aliveSum(R, (T - recency) / (alpha + T), k));
  return sigmoid(logS2 - logS1);
}

/**
 * Maximum-likelihood MBG/CNBD-k (or BG/CNBD-k) fit. Without `options.k`, k is chosen by likelihood
 * over 1..maxK as BTYDplus does (rows then need `litt`). BFGS on log-parameters with an analytic
 * gradient; time is rescaled so that the largest T is 10 (as the BG/NBD fit), and each k starts from
 * the previous k's optimum.
 */
export function fitMbgCnbd(rows: FitRows<CnbdRow>, options: MbgCnbdOptions = {}): MbgCnbdFit {
  const variant = options.variant ?? 'mbg';
  const data = prepare(rows, variant);
  if (options.k !== undefined) {
    if (!(Number.isInteger(options.k) && options.k >= 1)) throw new RangeError(`k must be a whole number ≥ 1 (got ${options.k})`);
    const fit = fitForK(data, options.k, options, undefined);
    return { ...fit, variant, candidates: [fit] };
  }
  if (!data.hasLitt) throw new RangeError('choosing k needs litt (Σ log inter-purchase times) on every row with repeat purchases, or give k');
  // Without a single repeat purchase there is no gap to tell regularity by: k = 1.
  const maxK = data.totalPurchases === 0 ? 1 : Math.min(options.maxK ?? MAX_K, MAX_K * 10);
  const candidates: MbgCnbdFitForK[] = [];
  let start: number[] | undefined;
  for (let k = 1; k <= maxK; k++) {
    let fit: MbgCnbdFitForK;
    try {
      fit = fitForK(data, k, options, start);
    } catch {
      break; // BTYDplus likewise stops at the first k it cannot fit
    }
    if (!Number.isFinite(fit.logLikelihood)) break;
    candidates.push(fit);
    start = [Math.log(fit.r), Math.log(fit.alpha * data.scale), Math.log(fit.a), Math.log(fit.b)];
    const n = candidates.length;
    if (n > 2 && candidates[n - 1].logLikelihood < candidates[n - 2].logLikelihood && candidates[n - 2].logLikelihood < candidates[n - 3].logLikelihood) break;
  }
  if (candidates.length === 0) throw new RangeError('MBG/CNBD-k: no k could be fitted');
  const best = candidates.reduce((p, q) => (q.logLikelihood > p.logLikelihood ? q : p));
  return { ...best, variant, candidates };
}

interface Prepared {
  variant: CnbdVariant;
  d: number;
  n: number;
  scale: number;
  size: number;
  weight: Float64Array;
  xIndex: Int32Array;
  tIndex: Int32Array;
  rIndex: Int32Array;
  xs: Float64Array;
  weightOfX: Float64Array;
  ts: Float64Array;
  rs: Float64Array;
  /** u/(α+T) needs u per row: T − t_x, scaled. */
  silence: Float64Array;
  /** Σ w·x and Σ w·litt over all rows (unscaled). */
  totalPurchases: number;
  totalLitt: number;
  hasLitt: boolean;
}

function prepare(rows: FitRows<CnbdRow>, variant: CnbdVariant): Prepared {
  const data = aggregatedOf(rows);
  const scale = timeScaleFor(data.maxT);
  const { totalLitt, hasLitt } = data;
  const xs = distinctValues(data.x);
  const ts = distinctValues(data.T.map((v) => v * scale));
  const rs = distinctValues(data.recency.map((v) => v * scale));
  const weightOfX = new Float64Array(xs.values.length);
  for (let i = 0; i < data.size; i++) weightOfX[xs.indexOf[i]] += data.weight[i];
  const silence = new Float64Array(data.size);
  for (let i = 0; i < data.size; i++) silence[i] = (data.T[i] - data.recency[i]) * scale;
  return {
    variant,
    d: offsetOf(variant),
    n: data.totalWeight,
    scale,
    size: data.size,
    weight: data.weight,
    xIndex: xs.indexOf,
    tIndex: ts.indexOf,
    rIndex: rs.indexOf,
    xs: xs.values,
    weightOfX,
    ts: ts.values,
    rs: rs.values,
    silence,
    totalPurchases: data.totalPurchases,
    totalLitt,
    hasLitt,
  };
}

function fitForK(data: Prepared, k: number, options: FitOptions, start: number[] | undefined): MbgCnbdFitForK {
  const { penalizer = 0, maxIterations = 500, gradientTolerance = 1e-8 } = options;
  const { d, n, size, weight, xIndex, tIndex, rIndex, xs, weightOfX, ts, rs, silence } = data;
  const nx = xs.length;
  const logAlphaT = new Float64Array(ts.length);
  const invAlphaT = new Float64Array(ts.length);
  const logAlphaR = new Float64Array(rs.length);
  const invAlphaR = new Float64Array(rs.length);
  const logBxd = new Float64Array(nx);
  const invBxd = new Float64Array(nx);
  const hasS1 = new Uint8Array(nx);
  // Per distinct x and phase j < k: R + j − 1 and the harmonic sum Σ_{i<j} 1/(R+i), which depend on x alone.
  const rise = new Float64Array(nx * k);
  const harmonicOf = new Float64Array(nx * k);

  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && Number.isFinite(r + alpha + a + b))) return NaN;
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const lgR = logGamma(r);
    const psiR = digamma(r);
    const lgAB = logGamma(a + b);
    const psiAB = digamma(a + b);
    const lgB = logGamma(b);
    const psiB = digamma(b);
    const logAlpha = Math.log(alpha);
    // Terms that depend on x only: the beta part and ln Γ(r + kx) − ln Γ(r) + r ln α.
    for (let q = 0; q < nx; q++) {
      const x = xs[q];
      const w = weightOfX[q];
      const R = r + k * x;
      const bxd = b + x + d;
      ll += w * (logGamma(bxd) - logGamma(a + bxd) - lgB + lgAB + logGamma(R) - lgR + r * logAlpha);
      const psiABX = digamma(a + bxd);
      ga += w * (psiAB - psiABX);
      gb += w * (digamma(bxd) - psiABX - psiB + psiAB);
      gr += w * (digamma(R) - psiR + logAlpha);
      gAlpha += (w * r) / alpha;
      let harmonic = 0;
      for (let j = 1; j < k; j++) {
        rise[q * k + j] = R + j - 1;
        harmonic += 1 / (R + j - 1);
        harmonicOf[q * k + j] = harmonic;
      }
      hasS1[q] = d === 1 || x > 0 ? 1 : 0;
      logBxd[q] = hasS1[q] ? Math.log(b + x - 1 + d) : 0;
      invBxd[q] = hasS1[q] ? 1 / (b + x - 1 + d) : 0;
    }
    for (let q = 0; q < ts.length; q++) {
      logAlphaT[q] = Math.log(alpha + ts[q]);
      invAlphaT[q] = 1 / (alpha + ts[q]);
    }
    for (let q = 0; q < rs.length; q++) {
      logAlphaR[q] = Math.log(alpha + rs[q]);
      invAlphaR[q] = 1 / (alpha + rs[q]);
    }
    const logA = Math.log(a);
    for (let i = 0; i < size; i++) {
      const w = weight[i];
      const qx = xIndex[i];
      const qt = tIndex[i];
      const x = xs[qx];
      const R = r + k * x;
      // −R ln(α+T)
      ll -= w * R * logAlphaT[qt];
      gr -= w * logAlphaT[qt];
      gAlpha -= w * R * invAlphaT[qt];
      // S2 and its derivatives: term_j = Π_{i<j}(R+i) z^j / j!, ∂/∂r term_j = term_j Σ_{i<j} 1/(R+i), ∂/∂α term_j = −j term_j/(α+T).
      const z = silence[i] * invAlphaT[qt];
      let term = 1;
      let s2 = 1;
      let s2r = 0;
      let s2j = 0;
      for (let j = 1, at = qx * k + 1; j < k; j++, at++) {
        term *= (rise[at] * z) / j;
        s2 += term;
        s2r += term * harmonicOf[at];
        s2j += term * j;
      }
      const dS2r = s2r / s2;
      const dS2alpha = -(s2j / s2) * invAlphaT[qt];
      const logS2 = k === 1 ? 0 : Math.log(s2); // ln 1 = 0 exactly
      if (!hasS1[qx]) {
        ll += w * logS2;
        gr += w * dS2r;
        gAlpha += w * dS2alpha;
        continue;
      }
      const qr = rIndex[i];
      const logRatio = logAlphaT[qt] - logAlphaR[qr];
      const logS1 = logA - logBxd[qx] + R * logRatio;
      const diff = logS1 - logS2;
      // One exponential for both, as in the BG/NBD fit: e = exp(−|diff|).
      const e = Math.exp(diff > 0 ? -diff : diff);
      ll += w * (logS2 + (diff > 0 ? diff + Math.log1p(e) : Math.log1p(e)));
      const w1 = diff >= 0 ? 1 / (1 + e) : e / (1 + e);
      const w2 = 1 - w1;
      gr += w * (w1 * logRatio + w2 * dS2r);
      gAlpha += w * (w1 * R * (invAlphaT[qt] - invAlphaR[qr]) + w2 * dS2alpha);
      ga += (w * w1) / a;
      gb -= w * w1 * invBxd[qx];
    }
    gradient[0] = (-gr * r) / n + 2 * penalizer * r * r;
    gradient[1] = (-gAlpha * alpha) / n + 2 * penalizer * alpha * alpha;
    gradient[2] = (-ga * a) / n + 2 * penalizer * a * a;
    gradient[3] = (-gb * b) / n + 2 * penalizer * b * b;
    return -ll / n + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };

  const result = minimizeBfgs(objective, start ?? [0, Math.log(k), 0, 0], { maxIterations, gradientTolerance });
  const [r, alphaScaled, a, b] = Array.from(result.x, Math.exp);
  const penalty = penalizer * (r * r + alphaScaled * alphaScaled + a * a + b * b);
  // In rescaled time (t' = c·t) the fitted part is ln L − k·x·ln c per customer (see the header);
  // the litt term is added back in the original unit.
  const fixed = (k - 1) * data.totalLitt - data.totalPurchases * logFactorial(k - 1);
  const logLikelihood = -(result.value - penalty) * n + k * data.totalPurchases * Math.log(data.scale) + fixed;
  return {
    k,
    r,
    alpha: alphaScaled / data.scale,
    a,
    b,
    logLikelihood,
    iterations: result.iterations,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}
