// MBG/CNBD-k predictions over a horizon: P(alive), P(at least one purchase) and expected purchases for many
// customers, from the fitted parameters (mbgcnbd.ts). Same model and notation as there.
//
// Predictions (our derivation; exact, where BTYDplus `xbgcnbd.ConditionalExpectedTransactions`
// approximates k > 1 with a BG/NBD-shaped formula and rescales it over the whole cohort): given alive
// at T, the term j of S2 is the posterior weight π_j that j phases of the current gap have passed, and
// then λ ~ Gamma(R + j, α + T). The n-th purchase after T comes at phase k·n − j of a Poisson(λ) phase
// process, and happens only if the customer survived the n − 1 purchases before it, which has
// probability c_n = B(a, b+x+δ+n−1) / B(a, b+x+δ) under the posterior Beta(a, b+x+δ) of p. With N the
// phases in (T, T+t], negative binomial given j:
//   E[purchases in (T, T+t]] = P(alive) · Σ_j π_j · Σ_i P(N = i | j) · Σ_{n ≤ (i+j)/k} c_n
//   P(≥ 1 purchase in (T, T+t]) = P(alive) · Σ_j π_j · P(N ≥ k − j | j)
// At k = 1 the first equals MBG/NBD's (BG/NBD's) closed form; the tests check it.
import { mbgCnbdPAlive, offsetOf, type CnbdVariant, type MbgCnbdParams } from './mbgcnbd';
import { logGamma } from './special';

export interface MbgCnbdPredictor {
  pAlive(frequency: number, recency: number, T: number): number;
  /** P(at least one purchase in (T, T+t]). */
  pActive(frequency: number, recency: number, T: number): number;
  /** E[purchases in (T, T+t]]. */
  expected(frequency: number, recency: number, T: number): number;
}

/** Relative size below which a negative-binomial probability is dropped from the sums. */
const NEGLIGIBLE = 1e-17;

/**
 * Predictions over the horizon t for many customers. The parts that depend only on (x, T) — for each
 * of the k phase counts j, Σ_i P(N=i|j)·C(⌊(i+j)/k⌋) and P(N ≥ k−j | j) — are computed once per
 * distinct (x, T) pair and cached; each customer then costs O(k).
 */
export function mbgCnbdPredictor(params: MbgCnbdParams, t: number, variant: CnbdVariant = 'mbg'): MbgCnbdPredictor {
  const { k, r, alpha, a, b } = params;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a whole number ≥ 1 (got ${k})`);
  const d = offsetOf(variant);
  const cache = new Map<number, Map<number, { expected: Float64Array; active: Float64Array }>>();
  const cumulativeSurvival = new Map<number, { sums: number[]; last: number }>();

  /** C(n) = Σ_{l=1..n} c_l, c_l = B(a, b+x+δ+l−1)/B(a, b+x+δ) (c_1 = 1); grown on demand. */
  const survivalSum = (x: number, count: number): number => {
    let table = cumulativeSurvival.get(x);
    if (table === undefined) cumulativeSurvival.set(x, (table = { sums: [0, 1], last: 1 }));
    const { sums } = table;
    while (sums.length <= count) {
      const l = sums.length - 1; // c_{l+1} = c_l · (b+x+δ+l−1)/(a+b+x+δ+l−1)
      const base = b + x + d + l - 1;
      table.last *= base / (a + base);
      sums.push(sums[l] + table.last);
    }
    return sums[count];
  };

  const partsFor = (x: number, T: number) => {
    let byT = cache.get(x);
    if (byT === undefined) cache.set(x, (byT = new Map()));
    let parts = byT.get(T);
    if (parts !== undefined) return parts;
    parts = { expected: new Float64Array(k), active: new Float64Array(k) };
    const A = alpha + T;
    const logQ = Math.log(A / (A + t));
    const logOneMinusQ = Math.log(t / (A + t));
    const oneMinusQ = t / (A + t);
    for (let j = 0; j < k; j++) {
      const shape = r + k * x + j;
      // Negative binomial(shape, q) pmf, walked out from its mode so that nothing underflows.
      const mode = shape > 1 ? Math.floor(((shape - 1) * oneMinusQ) / (A / (A + t))) : 0;
      const logAtMode = logGamma(shape + mode) - logGamma(shape) - logGamma(mode + 1) + shape * logQ + mode * logOneMinusQ;
      let mass = 0;
      let expected = 0;
      let quiet = 0; // P(N < k − j)
      const add = (i: number, p: number) => {
        mass += p;
        expected += p * survivalSum(x, Math.floor((i + j) / k));
        if (i < k - j) quiet += p;
      };
      let p = Math.exp(logAtMode);
      const top = p;
      add(mode, p);
      for (let i = mode; i > 0; i--) {
        p *= i / ((shape + i - 1) * oneMinusQ);
        add(i - 1, p);
        if (p < NEGLIGIBLE * top) break;
      }
      p = top;
      for (let i = mode; i < mode + 1e7; i++) {
        p *= ((shape + i) / (i + 1)) * oneMinusQ;
        add(i + 1, p);
        if (p < NEGLIGIBLE * top) break;
      }
      parts.expected[j] = mass > 0 ? expected / mass : 0;
      parts.active[j] = mass > 0 ? Math.max(0, (mass - quiet) / mass) : 0;
    }
    byT.set(T, parts);
    return parts;
  };

  /** Posterior weights π_j of the phase count given alive, times P(alive). */
  const weighted = (frequency: number, recency: number, T: number, values: (x: number, T: number) => Float64Array) => {
    const pAlive = mbgCnbdPAlive(params, frequency, recency, T, variant);
    const R = r + k * frequency;
    const z = (T - recency) / (alpha + T);
    const v = values(frequency, T);
    let term = 1;
    let sum = 1;
    let acc = v[0];
    for (let j = 1; j < k; j++) {
      term *= ((R + j - 1) * z) / j;
      sum += term;
      acc += term * v[j];
    }
    return (pAlive * acc) / sum;
  };

  return {
    pAlive: (frequency, recency, T) => mbgCnbdPAlive(params, frequency, recency, T, variant),
    pActive: (frequency, recency, T) => (t > 0 ? weighted(frequency, recency, T, (x, TT) => partsFor(x, TT).active) : 0),
    expected: (frequency, recency, T) => (t > 0 ? weighted(frequency, recency, T, (x, TT) => partsFor(x, TT).expected) : 0),
  };
}

/** E[purchases in (T, T+t] | x, t_x, T] for one customer (see mbgCnbdPredictor for many). */
export function mbgCnbdExpectedPurchases(params: MbgCnbdParams, t: number, frequency: number, recency: number, T: number, variant: CnbdVariant = 'mbg'): number {
  return mbgCnbdPredictor(params, t, variant).expected(frequency, recency, T);
}

/** P(at least one purchase in (T, T+t] | x, t_x, T). */
export function mbgCnbdPActive(params: MbgCnbdParams, t: number, frequency: number, recency: number, T: number, variant: CnbdVariant = 'mbg'): number {
  return mbgCnbdPredictor(params, t, variant).pActive(frequency, recency, T);
}
