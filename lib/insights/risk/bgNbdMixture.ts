// Latent-class BG/NBD: the book is a mix of two segments, each a BG/NBD of its own (Fader, Hardie & Lee 2005,
// "Counting your customers the easy way", Marketing Science 24(2)), a customer belonging to the first with prior
// probability π. A finite mixture is a model with its own likelihood (McLachlan & Peel 2000, Finite Mixture Models,
// ch. 1–2: L = π L₁ + (1 − π) L₂ per customer), so its predictions are posterior-weighted: P(segment 1 | history) =
// π L₁ / L, and P(active), P(alive) and expected orders are that mix of the segments' own. On CDNOW one segment is
// frequent, long-lived buyers, the other light buyers who drop out early; the one-segment model must average them.
// Fitted by BFGS on the mixture log-likelihood with its analytic gradient (the per-segment BG/NBD terms as in
// bgNbd.ts), started from one weighted BG/NBD fit per side of a rule-of-thumb split (recent repeat buyers apart).
import { bgNbdLogLikelihood, bgNbdPAlive, bgNbdPredictor, fitBgNbd, type BgNbdParams, type FitOptions } from './bgNbd';
import { minimizeBfgs } from './optimize';
import { bgNbdPActive } from './pActive';
import { aggregateRows, distinctValues, timeScaleFor, type RfmRow } from './rows';
import { digamma, logAddExp, logGamma, sigmoid } from './special';

export interface BgNbdMixtureParams {
  /** π: prior probability of the first segment. */
  share: number;
  segments: readonly [BgNbdParams, BgNbdParams];
}

export interface BgNbdMixtureFit extends BgNbdMixtureParams {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** Log-likelihood of one customer history: ln(π L₁ + (1 − π) L₂). */
export function bgNbdMixtureLogLikelihood({ share, segments }: BgNbdMixtureParams, x: number, tx: number, T: number): number {
  return logAddExp(Math.log(share) + bgNbdLogLikelihood(segments[0], x, tx, T), Math.log1p(-share) + bgNbdLogLikelihood(segments[1], x, tx, T));
}

/** P(the customer belongs to the first segment | x, t_x, T). */
export function bgNbdMixtureFirstSegment({ share, segments }: BgNbdMixtureParams, x: number, tx: number, T: number): number {
  const one = Math.log(share) + bgNbdLogLikelihood(segments[0], x, tx, T);
  const two = Math.log1p(-share) + bgNbdLogLikelihood(segments[1], x, tx, T);
  return sigmoid(one - two);
}

export function bgNbdMixturePAlive(params: BgNbdMixtureParams, x: number, tx: number, T: number): number {
  const q = bgNbdMixtureFirstSegment(params, x, tx, T);
  return q * bgNbdPAlive(params.segments[0], x, tx, T) + (1 - q) * bgNbdPAlive(params.segments[1], x, tx, T);
}

/** P(at least one purchase in (T, T+t]): the posterior mix of each segment's own. */
export function bgNbdMixturePActive(params: BgNbdMixtureParams, t: number, x: number, tx: number, T: number): number {
  const q = bgNbdMixtureFirstSegment(params, x, tx, T);
  return q * bgNbdPActive(params.segments[0], t, x, tx, T) + (1 - q) * bgNbdPActive(params.segments[1], t, x, tx, T);
}

/** E[purchases in (T, T+t]] for many customers over one horizon (each segment's predictor built once). */
export function bgNbdMixturePredictor(params: BgNbdMixtureParams, t: number): (x: number, tx: number, T: number) => number {
  const one = bgNbdPredictor(params.segments[0], t);
  const two = bgNbdPredictor(params.segments[1], t);
  return (x, tx, T) => {
    const q = bgNbdMixtureFirstSegment(params, x, tx, T);
    return q * one(x, tx, T) + (1 - q) * two(x, tx, T);
  };
}

/**
 * Per-row log-likelihood of one segment and its gradient in its four log-parameters, written into the arrays given:
 * BG/NBD's (r, α, a, b), or Pareto/NBD's (r, α, s, β) in ga and gb (paretoNbdTerms.ts).
 */
export interface SegmentTerms {
  ll: Float64Array;
  gr: Float64Array;
  gAlpha: Float64Array;
  ga: Float64Array;
  gb: Float64Array;
}

type Data = Pick<ReturnType<typeof aggregateRows>, 'size' | 'x'>;

/** ln[Γ(z + x)/Γ(z)] and its derivative in z. */
const logRise = (z: number, x: number) => logGamma(z + x) - logGamma(z);
const psiRise = (z: number, x: number) => digamma(z + x) - digamma(z);

/** The scaled times of the rows with their distinct values (the logs of α + T and α + t_x are taken once per value). */
export interface ScaledTimes {
  T: Float64Array;
  recency: Float64Array;
  ts: ReturnType<typeof distinctValues>;
  rs: ReturnType<typeof distinctValues>;
}

export const scaledTimes = (T: Float64Array, recency: Float64Array): ScaledTimes => ({ T, recency, ts: distinctValues(T), rs: distinctValues(recency) });

export function segmentTerms(theta: Float64Array, offset: number, data: Data, scaled: ScaledTimes, xs: ReturnType<typeof distinctValues>, out: SegmentTerms): boolean {
  const r = Math.exp(theta[offset]);
  const alpha = Math.exp(theta[offset + 1]);
  const a = Math.exp(theta[offset + 2]);
  const b = Math.exp(theta[offset + 3]);
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && Number.isFinite(r + alpha + a + b))) return false;
  const nx = xs.values.length;
  const baseX = new Float64Array(nx);
  const grX = new Float64Array(nx);
  const gaX = new Float64Array(nx);
  const gbX = new Float64Array(nx);
  const logBX = new Float64Array(nx);
  // The x-only terms: ln[Γ(r+x)/Γ(r)] + r ln α + ln[B(a, b+x)/B(a, b)] and their derivatives (ψ differences).
  const logAlpha = Math.log(alpha);
  for (let k = 0; k < nx; k++) {
    const x = xs.values[k];
    const ab = psiRise(a + b, x);
    baseX[k] = logRise(r, x) + r * logAlpha + logRise(b, x) - logRise(a + b, x);
    grX[k] = psiRise(r, x) + logAlpha;
    gaX[k] = -ab;
    gbX[k] = psiRise(b, x) - ab;
    logBX[k] = x > 0 ? Math.log(b + x - 1) : 0;
  }
  const logAlphaT = scaled.ts.values.map((t) => Math.log(alpha + t));
  const logAlphaR = scaled.rs.values.map((t) => Math.log(alpha + t));
  const logA = Math.log(a);
  for (let i = 0; i < data.size; i++) {
    const x = data.x[i];
    const k = xs.indexOf[i];
    const rx = r + x;
    const logAT = logAlphaT[scaled.ts.indexOf[i]];
    let ll = baseX[k] - rx * logAT;
    let gr = grX[k];
    let gAlpha = r / alpha;
    let ga = gaX[k];
    let gb = gbX[k];
    if (x === 0) {
      gr -= logAT;
      gAlpha -= rx / (alpha + scaled.T[i]);
    } else {
      const logAR = logAlphaR[scaled.rs.indexOf[i]];
      // ln(e^A₃ + e^A₄) = A₃ + ln(1 + e^d), d = A₄ − A₃ (as in bgNbd.ts), with weights w₃ = 1 − w₄, w₄ = σ(d).
      const d = logA - logBX[k] - rx * (logAR - logAT);
      const e = Math.exp(-Math.abs(d));
      ll += Math.max(d, 0) + Math.log1p(e);
      const w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      gr -= w3 * logAT + w4 * logAR;
      gAlpha -= rx * (w3 / (alpha + scaled.T[i]) + w4 / (alpha + scaled.recency[i]));
      ga += w4 / a;
      gb -= w4 / (b + x - 1);
    }
    out.ll[i] = ll;
    // Gradients with respect to the log-parameters.
    out.gr[i] = gr * r;
    out.gAlpha[i] = gAlpha * alpha;
    out.ga[i] = ga * a;
    out.gb[i] = gb * b;
  }
  return true;
}

/**
 * −(1/n) Σ w ln(π L₁ + (1 − π) L₂) over the rows, π = σ(logitShare), and its gradient in the 9 parameters (the two
 * segments' four, then logit π) written into `gradient`; NaN when not finite.
 */
export function twoSegmentObjective(logitShare: number, weight: Float64Array, n: number, first: SegmentTerms, second: SegmentTerms, gradient: Float64Array): number {
  const share = sigmoid(logitShare);
  const logShare = Math.log(share);
  const logRest = Math.log1p(-share);
  let ll = 0;
  gradient.fill(0);
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i];
    const l1 = logShare + first.ll[i];
    const l2 = logRest + second.ll[i];
    // ln(π L₁ + (1 − π) L₂) and q = P(segment 1 | row) from one exponential.
    const e = Math.exp(-Math.abs(l1 - l2));
    ll += w * (Math.max(l1, l2) + Math.log1p(e));
    const q = l1 >= l2 ? 1 / (1 + e) : e / (1 + e);
    gradient[0] -= w * q * first.gr[i];
    gradient[1] -= w * q * first.gAlpha[i];
    gradient[2] -= w * q * first.ga[i];
    gradient[3] -= w * q * first.gb[i];
    gradient[4] -= w * (1 - q) * second.gr[i];
    gradient[5] -= w * (1 - q) * second.gAlpha[i];
    gradient[6] -= w * (1 - q) * second.ga[i];
    gradient[7] -= w * (1 - q) * second.gb[i];
    gradient[8] -= w * (q - share); // d/dlogit π of ln(π L₁ + (1 − π) L₂)
  }
  for (let j = 0; j < 9; j++) gradient[j] /= n;
  return Number.isFinite(ll) ? -ll / n : NaN;
}

export const newTerms = (n: number): SegmentTerms => ({ ll: new Float64Array(n), gr: new Float64Array(n), gAlpha: new Float64Array(n), ga: new Float64Array(n), gb: new Float64Array(n) });

/** Maximum-likelihood two-segment BG/NBD fit on summary rows (frequency = repeat purchases, recency, T in one unit). */
export function fitBgNbdMixture(rows: readonly RfmRow[], options: FitOptions = {}): BgNbdMixtureFit {
  const { maxIterations = 500, gradientTolerance = 1e-8 } = options;
  const data = aggregateRows(rows);
  const scale = timeScaleFor(data.maxT);
  const scaled = scaledTimes(data.T.map((v) => v * scale), data.recency.map((v) => v * scale));
  const xs = distinctValues(data.x);
  const n = data.totalWeight;

  // Start: one BG/NBD fit per side of a split that puts recent repeat buyers (last order in the second half of their
  // history) mostly in the first segment.
  const lean = Array.from({ length: data.size }, (_, i) => (data.x[i] > 0 && data.recency[i] > data.T[i] / 2 ? 0.7 : 0.3));
  const side = (first: boolean) =>
    fitBgNbd(Array.from({ length: data.size }, (_, i) => ({ frequency: data.x[i], recency: scaled.recency[i], T: scaled.T[i], weight: data.weight[i] * (first ? lean[i] : 1 - lean[i]) })));
  const one = side(true);
  const two = side(false);
  let sideShare = 0;
  for (let i = 0; i < data.size; i++) sideShare += data.weight[i] * lean[i];
  const logit = (p: number) => Math.log(p / (1 - p));
  const start = [one.r, one.alpha, one.a, one.b, two.r, two.alpha, two.a, two.b].map(Math.log);
  start.push(logit(sideShare / n));

  const first = newTerms(data.size);
  const second = newTerms(data.size);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    if (!segmentTerms(theta, 0, data, scaled, xs, first) || !segmentTerms(theta, 4, data, scaled, xs, second)) return NaN;
    return twoSegmentObjective(theta[8], data.weight, n, first, second, gradient);
  };
  const result = minimizeBfgs(objective, start, { maxIterations, gradientTolerance });
  const p = Array.from(result.x, Math.exp);
  const segment = (o: number): BgNbdParams => ({ r: p[o], alpha: p[o + 1] / scale, a: p[o + 2], b: p[o + 3] });
  // Order the segments so that the first is the one with the higher purchase rate r/α (a stable reading of the fit).
  let segments: [BgNbdParams, BgNbdParams] = [segment(0), segment(4)];
  let share = sigmoid(result.x[8]);
  if (segments[1].r / segments[1].alpha > segments[0].r / segments[0].alpha) {
    segments = [segments[1], segments[0]];
    share = 1 - share;
  }
  return {
    share,
    segments,
    // Rescaling time by c multiplies the density of x purchase times by c^x: undo it for the reported LL.
    logLikelihood: -result.value * n + data.totalPurchases * Math.log(scale),
    iterations: result.iterations,
    evaluations: result.evaluations + one.evaluations + two.evaluations,
    converged: result.converged,
  };
}
