// Properties every fitted model must keep, on the CDNOW-published parameters and on extremes.
import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdExpectedPurchasesUnconditional,
  bgNbdPAlive,
  bgNbdProbabilityOfPurchases,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  paretoNbdExpectedPurchases,
  paretoNbdPAlive,
} from '../../../lib/insights/risk';
import { mbgCnbdPAlive } from '../../../lib/insights/risk/mbgcnbd';
import { gammaSampler, random } from '../../support/random';

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const histories = [
  [0, 0, 38],
  [1, 2, 38],
  [5, 30, 38],
  [20, 10, 38],
  [300, 2000, 3000],
  [800, 100, 5000],
] as const;

describe('P(alive)', () => {
  it('stays in [0, 1] and is finite for frequency in the hundreds and T in the thousands', () => {
    for (const [x, tx, T] of histories) {
      for (const p of [bgNbdPAlive(bg, x, tx, T), paretoNbdPAlive(pareto, x, tx, T), mbgCnbdPAlive({ ...bg, k: 3, alpha: bg.alpha / 3 }, x, tx, T)]) {
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(bgNbdExpectedPurchases(bg, 52, x, tx, T))).toBe(true);
      expect(Number.isFinite(paretoNbdExpectedPurchases(pareto, 52, x, tx, T))).toBe(true);
    }
  });

  it('is 1 under BG/NBD without a repeat purchase', () => {
    for (const T of [0, 1, 38, 5000]) expect(bgNbdPAlive(bg, 0, 0, T)).toBe(1);
  });

  it('never falls as recency grows (a later last purchase is better news)', () => {
    for (const x of [1, 3, 10, 200]) {
      let previousBg = 0;
      let previousPareto = 0;
      for (let tx = 0; tx <= 40; tx += 0.5) {
        const pBg = bgNbdPAlive(bg, x, tx, 40);
        const pPareto = paretoNbdPAlive(pareto, x, tx, 40);
        expect(pBg).toBeGreaterThanOrEqual(previousBg - 1e-12);
        expect(pPareto).toBeGreaterThanOrEqual(previousPareto - 1e-12);
        previousBg = pBg;
        previousPareto = pPareto;
      }
    }
  });

  it('with Erlang-1 gaps equals BG/NBD (BG/CNBD-1), and more regular buyers look more lapsed after a long silence', () => {
    expect(mbgCnbdPAlive({ ...bg, k: 1 }, 5, 20, 38, 'bg')).toBeCloseTo(bgNbdPAlive(bg, 5, 20, 38), 12);
    // Same mean gap (k phases at k times the rate), 30 purchases in 100 weeks, then 11 weeks of silence.
    expect(mbgCnbdPAlive({ ...bg, k: 3, alpha: bg.alpha / 3 }, 30, 100, 111)).toBeLessThan(mbgCnbdPAlive({ ...bg, k: 1 }, 30, 100, 111));
  });
});

describe('BG/NBD counts', () => {
  it('has a pmf over n that sums to 1 and whose mean is E[X(t)]', () => {
    for (const t of [1, 39, 78, 500]) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n < 3000; n++) {
        const p = bgNbdProbabilityOfPurchases(bg, t, n);
        expect(p).toBeGreaterThanOrEqual(0);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 8);
      expect(mean).toBeCloseTo(bgNbdExpectedPurchasesUnconditional(bg, t), 4);
    }
  });

  it('expects more purchases from a recent frequent buyer than from a lapsed one, and nothing over no time', () => {
    expect(bgNbdExpectedPurchases(bg, 39, 10, 38, 38)).toBeGreaterThan(bgNbdExpectedPurchases(bg, 39, 10, 5, 38));
    expect(bgNbdExpectedPurchases(bg, 0, 10, 38, 38)).toBe(0);
    // a = 1 is a removable singularity of eq. (10)
    const atOne = bgNbdExpectedPurchases({ ...bg, a: 1 }, 39, 2, 30, 38);
    expect(atOne).toBeCloseTo(bgNbdExpectedPurchases({ ...bg, a: 1.0001 }, 39, 2, 30, 38), 3);
  });
});

describe('Gamma-Gamma', () => {
  it('recovers the mean spend of simulated customers and shrinks toward the population mean', () => {
    // Simulate: ν ~ Gamma(q, v), each transaction ~ Gamma(p, ν); p = 6, q = 4, v = 15 (population mean p·v/(q−1) = 30).
    const rand = random(11);
    const gamma = gammaSampler(rand);
    const rows = Array.from({ length: 3000 }, () => {
      const nu = gamma(4) / 15;
      const frequency = 1 + Math.floor(rand() * 8);
      let spend = 0;
      for (let i = 0; i < frequency; i++) spend += gamma(6) / nu;
      return { frequency, monetaryValue: spend / frequency };
    });
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    const populationMean = (fit.p * fit.v) / (fit.q - 1);
    expect(populationMean).toBeGreaterThan(27);
    expect(populationMean).toBeLessThan(33);
    const spend = gammaGammaExpectedSpend(fit, 2, 100);
    expect(spend).toBeGreaterThan(populationMean);
    expect(spend).toBeLessThan(100);
    expect(gammaGammaExpectedSpend(fit, 0, 0)).toBeCloseTo(populationMean, 10);
  });
});
