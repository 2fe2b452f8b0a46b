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
  const survive = Math.exp(-R * Math.log1p(t / a1) - s * Math.log1p(t / b1));
  // ∫₀ᵗ h(v) dv, h(v) = (s/β')(1 + v/β')^{−(s+1)}(1 + v/α')^{−R}.
  return Math.min(1, survive + (s / b1) * decayQuadrature(R, s + 1, a1, b1, t));
}

// 8-point Gauss-Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, Table 25.4).
const GL_NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

/**
 * ∫₀^span (1 + v/a0)^{−R} (1 + v/b0)^{−s1} dv, the Pareto/NBD dropout integrand (smooth, falling): Gauss-Legendre on
 * [0, σ], [σ, 3σ], [3σ, 9σ], … up to the span, σ the scale on which the integrand falls by a factor e at 0 (at least
 * 1e−15 of the span, and a number: parameters that underflow must not stall the loop), stopping once what is left
 * cannot count. `moments`, when given, gets the integrand-weighted sums of ln(1 + v/a0), 1/(a0 + v), ln(1 + v/b0) and
 * 1/(b0 + v) (the same nodes give the integral's derivatives, paretoNbdTerms.ts).
 */
export function decayQuadrature(R: number, s1: number, a0: number, b0: number, span: number, moments?: Float64Array): number {
  const sigma = Math.max(1 / (R / a0 + s1 / b0), span * 1e-15) || span * 1e-15;
  let sum = 0;
  let sLa = 0;
  let sIa = 0;
  let sLb = 0;
  let sIb = 0;
  for (let lo = 0, hi = Math.min(span, sigma); ; lo = hi, hi = Math.min(span, hi * 3)) {
    const mid = (lo + hi) / 2;
    const half = (hi - lo) / 2;
    for (let i = 0; i < 8; i++) {
      const v = i < 4 ? mid - half * GL_NODES[i] : mid + half * GL_NODES[i - 4];
      const da = Math.log1p(v / a0);
      const db = Math.log1p(v / b0);
      const w = GL_WEIGHTS[i & 3] * half * Math.exp(-R * da - s1 * db);
      sum += w;
      if (moments) {
        sLa += w * da;
        sIa += w / (a0 + v);
        sLb += w * db;
        sIb += w / (b0 + v);
      }
    }
    if (hi >= span) break;
    // The rest is at most the integrand at hi times what is left of the span.
    if (Math.exp(-R * Math.log1p(hi / a0) - s1 * Math.log1p(hi / b0)) * (span - hi) < 1e-17 * sum) break;
  }
  if (moments) {
    moments[0] = sLa;
    moments[1] = sIa;
    moments[2] = sLb;
    moments[3] = sIb;
  }
  return sum;
}

