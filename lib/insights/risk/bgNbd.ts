// BG/NBD ("beta-geometric / negative binomial") model of repeat buying: Fader, Hardie & Lee (2005),
// "Counting Your Customers the Easy Way", Marketing Science 24(2); likelihood eq. (6), P(alive)
// from http://www.brucehardie.com/notes/021/palive_for_BGNBD.pdf, conditional expectation eq. (10),
// pmf eq. (8). Cross-checked against lifetimes' BetaGeoFitter
// (https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/fitters/beta_geo_fitter.py).
import { minimizeBfgs } from './optimize';
import { aggregatedOf, distinctValues, timeScaleFor, type FitRows } from './rows';
import { digamma, hyp2f1, logAddExp, logBeta, logGamma, logHyp2f1, sigmoid } from './special';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface FitOptions {
  /** L2 penalty on the (time-rescaled) parameters, as lifetimes' `penalizer_coef`. */
  penalizer?: number;
  maxIterations?: number;
  gradientTolerance?: number;
}

/** Maximum-likelihood BG/NBD fit on summary rows (frequency = repeat purchases, recency, T in one time unit). */
export function fitBgNbd(rows: FitRows, options: FitOptions = {}): BgNbdFit {
  const { penalizer = 0, maxIterations = 500, gradientTolerance = 1e-9 } = options;
  const data = aggregatedOf(rows);
  const scale = timeScaleFor(data.maxT);
  const xs = distinctValues(data.x);
  const ts = distinctValues(data.T.map((v) => v * scale));
  const rs = distinctValues(data.recency.map((v) => v * scale));
  const nx = xs.values.length;
  const weightOfX = new Float64Array(nx);
  for (let i = 0; i < data.size; i++) weightOfX[xs.indexOf[i]] += data.weight[i];

  // Per-evaluation caches, one entry per distinct x, T or recency.
  const logBxm1 = new Float64Array(nx);
  const invBxm1 = new Float64Array(nx);
  const logAlphaT = new Float64Array(ts.values.length);
  const invAlphaT = new Float64Array(ts.values.length);
  const logAlphaR = new Float64Array(rs.values.length);
  const invAlphaR = new Float64Array(rs.values.length);
  const n = data.totalWeight;

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
    for (let k = 0; k < nx; k++) {
      const x = xs.values[k];
      const w = weightOfX[k];
      ll += w * (logGamma(r + x) - lgR + r * logAlpha + lgAB + logGamma(b + x) - lgB - logGamma(a + b + x));
      gr += w * (digamma(r + x) - psiR + logAlpha);
      gAlpha += (w * r) / alpha;
      const psiABX = digamma(a + b + x);
      ga += w * (psiAB - psiABX);
      gb += w * (psiAB + digamma(b + x) - psiB - psiABX);
      logBxm1[k] = x > 0 ? Math.log(b + x - 1) : 0;
      invBxm1[k] = x > 0 ? 1 / (b + x - 1) : 0;
    }
    for (let k = 0; k < ts.values.length; k++) {
      logAlphaT[k] = Math.log(alpha + ts.values[k]);
      invAlphaT[k] = 1 / (alpha + ts.values[k]);
    }
    for (let k = 0; k < rs.values.length; k++) {
      logAlphaR[k] = Math.log(alpha + rs.values[k]);
      invAlphaR[k] = 1 / (alpha + rs.values[k]);
    }
    const logA = Math.log(a);
    for (let i = 0; i < data.size; i++) {
      const w = data.weight[i];
      const x = data.x[i];
      const kx = xs.indexOf[i];
      const kt = ts.indexOf[i];
      const rx = r + x;
      const a3 = -rx * logAlphaT[kt];
      if (x === 0) {
        ll += w * a3;
        gr -= w * logAlphaT[kt];
        gAlpha -= w * rx * invAlphaT[kt];
        continue;
      }
      const kr = rs.indexOf[i];
      // log(e^A3 + e^A4) = A3 + log(1 + e^d), with mixture weights w3 = 1 − w4, w4 = σ(d).
      const d = logA - logBxm1[kx] - rx * (logAlphaR[kr] - logAlphaT[kt]);
      // One exponential for both: e = exp(−|d|) is what log1p and the stable sigmoid (special.ts) each take.
      const e = Math.exp(d > 0 ? -d : d);
      ll += w * (a3 + (d > 0 ? d + Math.log1p(e) : Math.log1p(e)));
      const w4 = d >= 0 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      gr -= w * (w3 * logAlphaT[kt] + w4 * logAlphaR[kr]);
      gAlpha -= w * rx * (w3 * invAlphaT[kt] + w4 * invAlphaR[kr]);
      ga += (w * w4) / a;
      gb -= w * w4 * invBxm1[kx];
    }
    // Objective: mean negative log-likelihood plus penalty; gradient with respect to log-parameters.
    gradient[0] = (-gr * r) / n + 2 * penalizer * r * r;
    gradient[1] = (-gAlpha * alpha) / n + 2 * penalizer * alpha * alpha;
    gradient[2] = (-ga * a) / n + 2 * penalizer * a * a;
    gradient[3] = (-gb * b) / n + 2 * penalizer * b * b;
    return -ll / n + penalizer * (r * r + alpha * alpha + a * a + b * b);
  };

  const result = minimizeBfgs(objective, [0, 0, 0, 0], { maxIterations, gradientTolerance });
  const [r, alphaScaled, a, b] = Array.from(result.x, Math.exp);
  const penalty = penalizer * (r * r + alphaScaled * alphaScaled + a * a + b * b);
  // Rescaling time by c multiplies the density of x purchase times by c^x: undo it for the reported LL.
  const logLikelihood = -(result.value - penalty) * n + data.totalPurchases * Math.log(scale);
  return {
    r,
    alpha: alphaScaled / scale,
    a,
    b,
    logLikelihood,
    iterations: result.iterations,
    evaluations: result.evaluations,
    converged: result.converged,
  };
}

/** Log-likelihood of one customer history (for model comparison and tests). */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  const base = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return base + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return base + logAddExp(a3, a4);
}

/** P(customer still alive | x repeat purchases, last at t_x, observed for T). 1 when x = 0. */
export function bgNbdPAlive({ r, alpha, a, b }: BgNbdParams, frequency: number, recency: number, T: number): number {
  if (frequency === 0) return 1;
  const logOdds = Math.log(a / (b + frequency - 1)) + (r + frequency) * Math.log((alpha + T) / (alpha + recency));
  return sigmoid(-logOdds);
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t periods (FHL 2005 eq. 10). */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  const a = nudgeAwayFromOne(params.a);
  const x = frequency;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const logHyp = c > 0 ? logHyp2f1(r + x, b + x, c, z) : Math.log(hyp2f1(r + x, b + x, c, z));
  const bracket = -Math.expm1(logHyp + (r + x) * Math.log((alpha + T) / (alpha + T + t)));
  const value = (((a + b + x - 1) / (a - 1)) * bracket) * bgNbdPAlive({ r, alpha, a, b }, x, recency, T);
  return Math.max(0, value);
}

/**
 * E[Y(t) | x, t_x, T] for many customers over one horizon t: the 2F1 factor depends only on (x, T), so
 * it is computed once per distinct (x, T) pair (a million customers share a few thousand pairs).
 */
export function bgNbdPredictor(params: BgNbdParams, t: number): (frequency: number, recency: number, T: number) => number {
  const ifAlive = new Map<number, Map<number, number>>();
  return (frequency, recency, T) => {
    let byT = ifAlive.get(frequency);
    if (byT === undefined) ifAlive.set(frequency, (byT = new Map()));
    let expectedIfAlive = byT.get(T);
    if (expectedIfAlive === undefined) {
      // With recency = T the customer is surely alive (P(alive) = 1 only when x = 0, so divide it out).
      const pAliveAtT = bgNbdPAlive(params, frequency, T, T);
      expectedIfAlive = bgNbdExpectedPurchases(params, t, frequency, T, T) / pAliveAtT;
      byT.set(T, expectedIfAlive);
    }
    return expectedIfAlive * bgNbdPAlive(params, frequency, recency, T);
  };
}

/** E[X(t)]: expected repeat purchases in (0, t] for a customer just acquired (FHL 2005 eq. 9). */
export function bgNbdExpectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, b } = params;
  const a = nudgeAwayFromOne(params.a);
  const c = a + b - 1;
  const z = t / (alpha + t);
  const hyp = c > 0 ? Math.exp(logHyp2f1(r, b, c, z) + r * Math.log(alpha / (alpha + t))) : hyp2f1(r, b, c, z) * (alpha / (alpha + t)) ** r;
  return Math.max(0, (c / (a - 1)) * (1 - hyp));
}

/** P(X(t) = n): probability a new customer makes exactly n repeat purchases in (0, t] (FHL 2005 eq. 8). */
export function bgNbdProbabilityOfPurchases({ r, alpha, a, b }: BgNbdParams, t: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) return 0;
  if (t <= 0) return n === 0 ? 1 : 0;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const lgR = logGamma(r);
  const nbTerm = (j: number) => Math.exp(logGamma(r + j) - lgR - logGamma(j + 1) + r * logP + j * logQ);
  const first = Math.exp(logBeta(a, b + n) - logBeta(a, b)) * nbTerm(n);
  if (n === 0) return first;
  let cumulative = 0; // P(NBD count < n)
  for (let j = 0; j < n; j++) cumulative += nbTerm(j);
  const second = Math.exp(logBeta(a + 1, b + n - 1) - logBeta(a, b)) * Math.max(0, 1 - cumulative);
  return first + second;
}

// (a + b + x − 1)/(a − 1) · [1 − …] is 0/0 at a = 1; the limit is continuous, so step just off it.
const nudgeAwayFromOne = (a: number) => (Math.abs(a - 1) < 1e-7 ? 1 + 1e-7 : a);
