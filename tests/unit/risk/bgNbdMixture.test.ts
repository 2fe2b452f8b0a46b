// Latent-class BG/NBD (lib/insights/risk/bgNbdMixture.ts): its likelihood against an independent computation (the
// individual-level BG/NBD likelihood integrated numerically over λ and p), its fit against its own likelihood, and
// its predictions as the posterior mix of the segments'.
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, fitBgNbd } from '../../../lib/insights/risk/bgNbd';
import {
  bgNbdMixtureFirstSegment,
  bgNbdMixtureLogLikelihood,
  bgNbdMixturePActive,
  bgNbdMixturePAlive,
  fitBgNbdMixture,
  type BgNbdMixtureParams,
} from '../../../lib/insights/risk/bgNbdMixture';
import { bgNbdPActive } from '../../../lib/insights/risk/pActive';
import { logGamma } from '../../../lib/insights/risk/special';
import { loadCdnowSample } from './cdnowSample';

/**
 * BG/NBD likelihood by a 2-D numerical integral (FHL 2005, eq. 3 for the individual level: (1−p)^x λ^x e^{−λT} +
 * δ_{x>0} p(1−p)^{x−1} λ^x e^{−λ t_x}), λ ~ Gamma(r, α), p ~ Beta(a, b): composite Simpson after a change of variables (the test
 * parameters keep r, a, b > 1 so that neither density is singular at the ends).
 */
function numericBgNbdLikelihood(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  const simpson = (f: (v: number) => number, lo: number, hi: number, n: number) => {
    const h = (hi - lo) / n;
    let sum = f(lo) + f(hi);
    for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
    return (sum * h) / 3;
  };
  const logBetaAB = logGamma(a) + logGamma(b) - logGamma(a + b);
  const gamma = (lambda: number) => Math.exp(r * Math.log(alpha) + (r - 1) * Math.log(lambda) - alpha * lambda - logGamma(r));
  const beta = (p: number) => Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p) - logBetaAB);
  const individual = (lambda: number, p: number) =>
    (1 - p) ** x * lambda ** x * Math.exp(-lambda * T) + (x > 0 ? p * (1 - p) ** (x - 1) * lambda ** x * Math.exp(-lambda * tx) : 0);
  // λ = e^u and p = σ(v) make both integrands smooth and quickly vanishing at the ends (Jacobians λ and p(1 − p)).
  const outer = (u: number) => {
    const lambda = Math.exp(u);
    const inner = simpson((v) => {
      const p = 1 / (1 + Math.exp(-v));
      return beta(p) * individual(lambda, p) * p * (1 - p);
    }, -40, 40, 300);
    return gamma(lambda) * inner * lambda;
  };
  return simpson(outer, Math.log(1e-9 / alpha), Math.log((r + x + 40 * Math.sqrt(r + x)) / alpha), 400);
}

const params: BgNbdMixtureParams = {
  share: 0.35,
  segments: [
    { r: 2.5, alpha: 3, a: 1.6, b: 4 },
    { r: 1.3, alpha: 9, a: 2.2, b: 1.5 },
  ],
};

describe('the likelihood', () => {
  it.each([
    [0, 0, 5],
    [1, 2, 6],
    [4, 3.5, 8],
    [7, 9, 10],
  ])('matches π L₁ + (1 − π) L₂ integrated numerically (x=%d, t_x=%d, T=%d)', (x, tx, T) => {
    const [one, two] = params.segments;
    const expected = params.share * numericBgNbdLikelihood(one.r, one.alpha, one.a, one.b, x, tx, T) + (1 - params.share) * numericBgNbdLikelihood(two.r, two.alpha, two.a, two.b, x, tx, T);
    expect(bgNbdMixtureLogLikelihood(params, x, tx, T)).toBeCloseTo(Math.log(expected), 6);
  });

  it('is the one-segment BG/NBD when both segments are the same', () => {
    const one = params.segments[0];
    const same = { share: 0.4, segments: [one, one] } as const;
    expect(bgNbdMixtureLogLikelihood(same, 3, 2, 7)).toBeCloseTo(bgNbdLogLikelihood(one, 3, 2, 7), 12);
  });
});

describe('predictions are the posterior mix of the segments', () => {
  it('weights each segment by P(segment | history) = π L₁ / L', () => {
    const [one, two] = params.segments;
    const q = bgNbdMixtureFirstSegment(params, 4, 3.5, 8);
    expect(q).toBeCloseTo((params.share * Math.exp(bgNbdLogLikelihood(one, 4, 3.5, 8))) / Math.exp(bgNbdMixtureLogLikelihood(params, 4, 3.5, 8)), 12);
    expect(bgNbdMixturePActive(params, 13, 4, 3.5, 8)).toBeCloseTo(q * bgNbdPActive(one, 13, 4, 3.5, 8) + (1 - q) * bgNbdPActive(two, 13, 4, 3.5, 8), 12);
  });

  it('keeps probabilities in [0, 1] for long histories', () => {
    for (const [x, tx, T] of [
      [0, 0, 500],
      [300, 499, 500],
      [300, 20, 500],
    ]) {
      for (const p of [bgNbdMixturePAlive(params, x, tx, T), bgNbdMixturePActive(params, 52, x, tx, T)]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('the fit on the CDNOW sample (2,357 customers, weeks)', () => {
  const rows = loadCdnowSample();
  const fit = fitBgNbdMixture(rows);
  const total = (p: BgNbdMixtureParams) => rows.reduce((sum, row) => sum + bgNbdMixtureLogLikelihood(p, row.frequency, row.recency, row.T), 0);

  it('converges and reports the sum of the per-customer log-likelihoods', () => {
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(total(fit), 4);
  });

  it('fits at least as well as one BG/NBD (which it nests)', () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(fitBgNbd(rows).logLikelihood - 1e-6);
  });

  it('beats every small perturbation of its parameters (a maximum)', () => {
    const base = total(fit);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    for (const segment of [0, 1]) {
      for (const key of keys) {
        for (const factor of [0.98, 1.02]) {
          const segments = fit.segments.map((s, i) => (i === segment ? { ...s, [key]: s[key] * factor } : s)) as unknown as BgNbdMixtureParams['segments'];
          expect(total({ share: fit.share, segments })).toBeLessThanOrEqual(base + 1e-6);
        }
      }
    }
    for (const share of [fit.share * 0.98, fit.share * 1.02]) expect(total({ share, segments: fit.segments })).toBeLessThanOrEqual(base + 1e-6);
  });
});
