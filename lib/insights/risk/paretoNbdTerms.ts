// The Pareto/NBD likelihood of one history with its analytic gradient, for fits that need both fast (the mixture of
// bgParetoMixture.ts). Schmittlein, Morrison & Colombo (1987): given λ and μ, a customer with x repeat purchases, the
// last at t_x, observed to T, has L(λ, μ) = λ^x e^{−(λ+μ)T} + λ^x ∫_{t_x}^T μ e^{−(λ+μ)τ} dτ (alive at T, or died at
// some τ after the last purchase; Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions",
// 2005, https://brucehardie.com/notes/009/, eqs. 2-4). With λ ~ Gamma(r, α) and μ ~ Gamma(s, β),
//   L = Γ(r+x)/Γ(r) α^r β^s [ (α+T)^{−(r+x)} (β+T)^{−s} + s ∫_{t_x}^T (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ ],
// whose integral note 009 writes with a Gauss hypergeometric 2F1 (paretoNbd.ts). Here it is taken by Gauss-Legendre
// quadrature on geometrically growing pieces (pActive.ts decayQuadrature, which paretoNbdQuietIfAlive uses too): the same nodes give the
// derivatives of the integral with respect to r, α, s and β (differentiation under the integral sign), which the 2F1
// has in no closed form. The integrand is smooth and falls monotonically; the rule is accurate to about 1e−10 (the
// tests check the value against paretoNbd.ts's 2F1 form and the gradient against finite differences).
// In a fit the integral over (t_x, T] is G(x, t_x) − G(x, T), G(x, u) = ∫_u^U for U the largest T of the rows (as
// paretoNbd.ts takes its 2F1 terms once per distinct (x, t_x) and (x, T)): a book has far fewer distinct (x, u) pairs
// than rows (a million accounts: 61,750 rows, 2,909 pairs). The difference loses nothing that counts: s·G(x, T) ≤
// (α+T)^{−(r+x)}(β+T)^{−s}, the alive term, so its rounding is relative to the bracket, not to the difference.
import type { SegmentTerms } from './bgNbdMixture';
import { decayQuadrature } from './pActive';
import type { ParetoNbdParams } from './paretoNbd';
import { distinctValues } from './rows';
import { digamma, logAddExp, logGamma } from './special';

/** ln ∫_{t_x}^T (α+τ)^{−R} (β+τ)^{−(s+1)} dτ; `moments` (when given) gets its weighted means of ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ). */
export function logDropoutIntegral(R: number, alpha: number, s: number, beta: number, tx: number, T: number, moments?: Float64Array): number {
  const span = T - tx;
  if (!(span > 0)) return -Infinity;
  const a0 = alpha + tx;
  const b0 = beta + tx;
  const la0 = Math.log(a0);
  const lb0 = Math.log(b0);
  // Over the offset τ − t_x: (α+τ)^{−R}(β+τ)^{−(s+1)} = a0^{−R} b0^{−(s+1)} (1 + v/a0)^{−R} (1 + v/b0)^{−(s+1)}.
  const sum = decayQuadrature(R, s + 1, a0, b0, span, moments);
  if (moments) {
    moments[0] = la0 + moments[0] / sum;
    moments[1] /= sum;
    moments[2] = lb0 + moments[2] / sum;
    moments[3] /= sum;
  }
  return -R * la0 - (s + 1) * lb0 + Math.log(sum);
}

/** ln of the bracket's two terms: alive at T, and died in (t_x, T] (the latter −Infinity when t_x = T). */
export function paretoNbdLogParts({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): { alive: number; died: number } {
  const R = r + x;
  return { alive: -R * Math.log(alpha + T) - s * Math.log(beta + T), died: Math.log(s) + logDropoutIntegral(R, alpha, s, beta, tx, T) };
}

/** ln L of one history by quadrature (paretoNbd.ts has the 2F1 form). */
export function paretoNbdLogLikelihoodByQuadrature(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const { alive, died } = paretoNbdLogParts(params, x, tx, T);
  return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, died);
}

export interface RowColumnsScaled {
  size: number;
  x: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** The distinct T (optional: the logs of α + T and β + T are then taken once per value). */
  ts?: { values: Float64Array; indexOf: Int32Array };
}

/**
 * The integrals a fit takes at each evaluation: one over (t_x, T] per row, or, where that is fewer, one G(x, u) per
 * distinct pair (x, u), u = t_x or T, each row then reading its two.
 */
export interface ParetoPairs {
  x: Float64Array;
  /** Each integral's lower limit, and its upper one (U for every pair, or the row's T). */
  lower: Float64Array;
  upper: Float64Array;
  /** Row i's integral (over (t_x, T], or G(x, t_x)) and, with pairs, its G(x, T) (−1: no pairs). */
  fromPair: Int32Array;
  toPair: Int32Array;
  /** Per integral, filled at each evaluation: its ln, and its weighted means of ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ). */
  logG: Float64Array;
  moments: Float64Array;
}

export function paretoPairs(rows: RowColumnsScaled, xs: { values: Float64Array; indexOf: Int32Array }): ParetoPairs {
  const both = new Float64Array(2 * rows.size);
  both.set(rows.recency);
  both.set(rows.T, rows.size);
  const us = distinctValues(both);
  const nu = us.values.length;
  const seen = new Map<number, number>();
  const x: number[] = [];
  const u: number[] = [];
  const pairOf = (i: number, k: number) => {
    const key = xs.indexOf[i] * nu + us.indexOf[k];
    let at = seen.get(key);
    if (at === undefined) {
      seen.set(key, (at = x.length));
      x.push(rows.x[i]);
      u.push(us.values[us.indexOf[k]]);
    }
    return at;
  };
  const fromPair = new Int32Array(rows.size);
  const toPair = new Int32Array(rows.size);
  let upper = 0;
  for (let i = 0; i < rows.size; i++) {
    fromPair[i] = pairOf(i, i);
    toPair[i] = pairOf(i, rows.size + i);
    upper = Math.max(upper, rows.T[i]);
  }
  const made = (count: number) => ({ logG: new Float64Array(count), moments: new Float64Array(4 * count) });
  if (x.length >= rows.size) {
    // No fewer pairs than rows (times to the day over a long history): one integral per row.
    const own = Int32Array.from({ length: rows.size }, (_, i) => i);
    return { x: rows.x, lower: rows.recency, upper: rows.T, fromPair: own, toPair: new Int32Array(rows.size).fill(-1), ...made(rows.size) };
  }
  return { x: Float64Array.from(x), lower: Float64Array.from(u), upper: new Float64Array(x.length).fill(upper), fromPair, toPair, ...made(x.length) };
}

/**
 * Fills `out` for every row at the log-parameters theta[offset..offset+3] = ln(r, α, s, β) (ln L, and its gradient in
 * them: s's in ga, β's in gb); false when they are not finite. `xs`: the rows' distinct x (the Γ and ψ terms are
 * taken once per x); `pairs`: paretoPairs of the rows.
 */
export function paretoNbdRowTerms(theta: ArrayLike<number>, offset: number, rows: RowColumnsScaled, xs: { values: Float64Array; indexOf: Int32Array }, pairs: ParetoPairs, out: SegmentTerms): boolean {
  const r = Math.exp(theta[offset]);
  const alpha = Math.exp(theta[offset + 1]);
  const s = Math.exp(theta[offset + 2]);
  const beta = Math.exp(theta[offset + 3]);
  // Off the domain beyond e^±50: where a parameter drifts that far the likelihood is flat in it, and its quadrature
  // would work with numbers that underflow.
  for (let j = 0; j < 4; j++) if (!(Math.abs(theta[offset + j]) <= 50)) return false;
  const nx = xs.values.length;
  const baseX = new Float64Array(nx);
  const psiX = new Float64Array(nx);
  const common = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const psiR = digamma(r);
  for (let k = 0; k < nx; k++) {
    baseX[k] = logGamma(r + xs.values[k]) + common;
    psiX[k] = digamma(r + xs.values[k]) - psiR;
  }
  const { logG, moments } = pairs;
  const m = new Float64Array(4);
  for (let p = 0; p < pairs.x.length; p++) {
    logG[p] = logDropoutIntegral(r + pairs.x[p], alpha, s, beta, pairs.lower[p], pairs.upper[p], m);
    if (logG[p] === -Infinity) m.fill(0);
    moments.set(m, 4 * p);
  }
  const logAlpha = Math.log(alpha);
  const logBeta = Math.log(beta);
  const logS = Math.log(s);
  const logAlphaT = rows.ts?.values.map((t) => Math.log(alpha + t));
  const logBetaT = rows.ts?.values.map((t) => Math.log(beta + t));
  for (let i = 0; i < rows.size; i++) {
    const k = xs.indexOf[i];
    const R = r + rows.x[i];
    const T = rows.T[i];
    const one = pairs.fromPair[i];
    const two = pairs.toPair[i];
    const laT = logAlphaT ? logAlphaT[rows.ts!.indexOf[i]] : Math.log(alpha + T);
    const lbT = logBetaT ? logBetaT[rows.ts!.indexOf[i]] : Math.log(beta + T);
    const alive = -R * laT - s * lbT;
    // D = s (G₁ − G₂) = s G₁ (1 − ρ), ρ = G₂/G₁ (ρ = 1 when t_x = T: no time to die in; ρ = 0 without pairs).
    const rho = two < 0 ? 0 : one === two ? 1 : Math.exp(logG[two] - logG[one]);
    const died = rho < 1 ? logS + logG[one] + Math.log1p(-rho) : -Infinity;
    // ln(A + D) and w_A = A/(A + D) from one exponential.
    const e = Math.exp(-Math.abs(alive - died));
    const bracket = Math.max(alive, died) + Math.log1p(e);
    out.ll[i] = baseX[k] + bracket;
    // ∂ ln(A + D) = w_A ∂ ln A + (s/(A+D)) (∂G₁ − ∂G₂) + [∂s] D/(s(A+D)), ∂G = G · ∂ ln G from the weighted means;
    // s G₁/(A + D) = w_D/(1 − ρ).
    const wA = alive >= died ? 1 / (1 + e) : e / (1 + e);
    const c1 = died > -Infinity ? (1 - wA) / (1 - rho) : 0;
    const c2 = c1 * rho;
    const m1 = 4 * one;
    const m2 = 4 * Math.max(two, 0);
    const gr = psiX[k] + logAlpha - wA * laT - (c1 * moments[m1] - c2 * moments[m2]);
    const gAlpha = r / alpha - wA * (R / (alpha + T)) - R * (c1 * moments[m1 + 1] - c2 * moments[m2 + 1]);
    const gs = logBeta - wA * lbT + (1 - wA) / s - (c1 * moments[m1 + 2] - c2 * moments[m2 + 2]);
    const gBeta = s / beta - wA * (s / (beta + T)) - (s + 1) * (c1 * moments[m1 + 3] - c2 * moments[m2 + 3]);
    out.gr[i] = gr * r;
    out.gAlpha[i] = gAlpha * alpha;
    out.ga[i] = gs * s;
    out.gb[i] = gBeta * beta;
  }
  return true;
}
