// Special functions the buy-till-you-die likelihoods need: log-gamma, digamma, log-beta and the
// Gauss hypergeometric series 2F1. Pure numeric code, no allocation in the hot paths.

// Lanczos approximation, g = 7, n = 9 (coefficients as in Numerical Recipes 3rd ed. §6.1 and
// https://en.wikipedia.org/wiki/Lanczos_approximation); relative error about 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection for 0 < x < 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 6, then the asymptotic series (Abramowitz & Stegun 6.3.18). */
export function digamma(x: number): number {
  let result = 0;
  while (x < 6) {
    result -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return result + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** log(exp(x) + exp(y)) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === -Infinity) return y;
  if (y === -Infinity) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

/** Logistic function 1 / (1 + exp(-x)), stable for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const MAX_SERIES_TERMS = 200_000;
const RESCALE_AT = 1e250;
const LOG_RESCALE = Math.log(RESCALE_AT);

/**
 * ln 2F1(a, b; c; z) by its power series, for a, b, c > 0 and 0 ≤ z < 1 (every term positive).
 * The running sum is rescaled so that values like (1 − z)^−(r + x) with x in the hundreds do not
 * overflow. Convergence is geometric in z; z close to 1 takes more terms (~ 37 / (1 − z)).
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  if (!(a > 0 && b > 0 && c > 0 && z > 0 && z < 1)) return Math.log(hyp2f1(a, b, c, z));
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (term <= sum * 1e-16) break;
    if (sum > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      logScale += LOG_RESCALE;
    }
  }
  return Math.log(sum) + logScale;
}

/** 2F1(a, b; c; z) by its power series for |z| < 1, any signs (c not a non-positive integer). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-16 && k > Math.abs(a) + Math.abs(b)) break;
  }
  return sum;
}
