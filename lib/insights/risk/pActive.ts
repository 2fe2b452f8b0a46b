// P(at least one purchase in the next t units) under BG/NBD and Pareto/NBD: the probability of exactly the outcome
// a rep cares about ("will they order in the next 90 days?"), scored by the Brier score in the model choice.
import { bgNbdPAlive, type BgNbdParams } from './bgNbd';
import { paretoNbdPAlive, type ParetoNbdParams } from './paretoNbd';

/** BG/NBD P(at least one purchase in (T, T+t]) = P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)): given alive, the next purchase is the next Poisson event. */
export function bgNbdPActive(params: BgNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha } = params;
  return bgNbdPAlive(params, frequency, recency, T) * -Math.expm1(-(r + frequency) * Math.log1p(t / (alpha + T)));
}

/**
 * Given alive at T, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T) independently (the alive term of the
 * Pareto/NBD likelihood is λ^x e^{−(λ+μ)T}). No purchase in (T, T+t] either because the customer
 * outlives t without one, e^{−(λ+μ)t}, or dies first, μ/(λ+μ)·(1 − e^{−(λ+μ)t}) = ∫₀ᵗ μ e^{−(λ+μ)v} dv.
 * Taking expectations: P(none | alive) = (α'/(α'+t))^R (β'/(β'+t))^s + ∫₀ᵗ h(v) dv,
 * h(v) = (s/β')(β'/(β'+v))^{s+1}(α'/(α'+v))^R, R = r+x, α' = α+T, β' = β+T (our derivation; h is
 * smooth and decreasing, integrated by Gauss-Legendre on geometrically growing pieces).
 */
export function paretoNbdPActive(params: ParetoNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  return paretoNbdPAlive(params, frequency, recency, T) * (1 - paretoNbdQuietIfAlive(params, t, frequency, T));
}

export function paretoNbdQuietIfAlive({ r, alpha, s, beta }: ParetoNbdParams, t: number, x: number, T: number): number {
  const R = r + x;
  const a1 = alpha + T;
  const b1 = beta + T;
  const h = (v: number) => (s / b1) * Math.exp(-(s + 1) * Math.log1p(v / b1) - R * Math.log1p(v / a1));
  const survive = Math.exp(-R * Math.log1p(t / a1) - s * Math.log1p(t / b1));
  // h falls by a factor e on the scale σ = 1/(−d ln h/dv at 0); Gauss-Legendre on [0, σ], [σ, 3σ], [3σ, 9σ], … up to t.
  const sigma = Math.max(1 / ((s + 1) / b1 + R / a1), t * 1e-15) || t * 1e-15; // a number, never 0 (underflowing parameters)
  let integral = 0;
  for (let lo = 0, hi = Math.min(t, sigma); ; lo = hi, hi = Math.min(t, hi * 3)) {
    integral += gaussLegendre8(h, lo, hi);
    if (hi >= t) break;
  }
  return Math.min(1, survive + integral);
}

// 8-point Gauss-Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, Table 25.4).
export const GL_NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
export const GL_WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

function gaussLegendre8(f: (v: number) => number, lo: number, hi: number): number {
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += GL_WEIGHTS[i] * (f(mid - half * GL_NODES[i]) + f(mid + half * GL_NODES[i]));
  return sum * half;
}

