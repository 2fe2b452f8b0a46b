// The time-based dropout of account risk (lifetime.ts) and the gap model it is fed (regularity.ts).
import { describe, expect, it } from 'vitest';
import { bgNbdPAlive } from '../../../lib/insights/risk';
import { fitLifetime, lifetimeLogLikelihood, lifetimePAlive, silenceEvidence } from '../../../lib/insights/risk/lifetime';
import { erlangSilenceSurvival, offRhythmShare, regularityOf, silenceSurvival } from '../../../lib/insights/risk/regularity';

const bg = { r: 2.9, alpha: 9.3, a: 0.03, b: 1.4 };

describe('gap model', () => {
  it('estimates regularity from the gaps, shrunk toward Poisson gaps when there are few', () => {
    const tight = (n: number) => Array.from({ length: n }, (_, i) => 24 + ((i % 5) - 2) * 1.2);
    expect(regularityOf([24])).toBe(1);
    expect(regularityOf(tight(3))).toBeLessThanOrEqual(2);
    expect(regularityOf(tight(30))).toBeGreaterThan(10);
    expect(regularityOf(tight(300))).toBeGreaterThan(regularityOf(tight(30)));
    // Exponential-looking gaps stay near k = 1.
    expect(regularityOf([3, 40, 12, 70, 5, 22, 31, 2, 55, 9])).toBe(1);
  });

  it('gives an off-rhythm gap the rule-of-succession share', () => {
    expect(offRhythmShare(Array(30).fill(24), 24)).toBeCloseTo(1 / 32, 12);
    expect(offRhythmShare([24, 24, 60, 24], 24)).toBeCloseTo(2 / 6, 12);
  });

  it('k = 1 is BG/NBD: the silence factor ((α+t_x)/(α+T))^(r+x)', () => {
    const [x, tx, T] = [12, 40, 55];
    const survival = erlangSilenceSurvival(bg, x, tx, T - tx, 1);
    expect(survival).toBeCloseTo(((bg.alpha + tx) / (bg.alpha + T)) ** (bg.r + x), 12);
    expect(silenceSurvival(bg, x, tx, T - tx, { k: 1, offRhythm: 0.2 })).toBeCloseTo(survival, 12);
  });

  it('survival falls with the silence, faster for a regular buyer, never below the off-rhythm floor', () => {
    const gaps = { k: 15, offRhythm: 1 / 32 };
    let previous = 1;
    for (let u = 0; u <= 30; u += 0.5) {
      const s = silenceSurvival(bg, 30, 103, u, gaps);
      expect(s).toBeLessThanOrEqual(previous + 1e-12);
      expect(s).toBeGreaterThanOrEqual((1 / 32) * erlangSilenceSurvival(bg, 30, 103, u, 1) - 1e-15);
      previous = s;
    }
    expect(silenceSurvival(bg, 30, 103, 11, gaps)).toBeLessThan(erlangSilenceSurvival(bg, 30, 103, 11, 1));
  });
});

describe('lifetime', () => {
  // A steady book with a few accounts that stopped: weekly-ish rhythm k = 10, silences in weeks.
  const book = [
    ...Array.from({ length: 40 }, (_, i) => ({ x: 30 + i, tx: 100 + (i % 7), T: 101 + (i % 7), k: 10 })),
    ...Array.from({ length: 8 }, (_, i) => ({ x: 10 + i, tx: 30 + 5 * i, T: 104, k: 10 })),
  ];
  const evidence = book.map(({ x, tx, T, k }) =>
    silenceEvidence(tx, T, (u) => silenceSurvival(bg, x, tx, u, { k, offRhythm: 1 / (x + 2) })),
  );

  it('integrates the death time accurately with 24 nodes', () => {
    const params = { s: 2, beta: 500 };
    for (const { x, tx, T, k } of [book[0], book[45]]) {
      const survival = (u: number) => silenceSurvival(bg, x, tx, u, { k, offRhythm: 1 / (x + 2) });
      const coarse = lifetimePAlive(params, silenceEvidence(tx, T, survival));
      const fine = lifetimePAlive(params, silenceEvidence(tx, T, survival, 4000));
      expect(Math.abs(coarse - fine)).toBeLessThan(2e-3);
    }
  });

  it('fits by maximum likelihood (the analytic gradient leads to the peak)', () => {
    const fit = fitLifetime(evidence);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(lifetimeLogLikelihood(fit, evidence), 9);
    // (Not along s/β constant: with homogeneous hazards the likelihood is nearly flat there.)
    for (const [ds, db] of [[1.02, 1], [0.98, 1], [1, 1.02], [1, 0.98]]) {
      expect(lifetimeLogLikelihood({ s: fit.s * ds, beta: fit.beta * db }, evidence)).toBeLessThan(fit.logLikelihood);
    }
  });

  it('puts the stopped accounts well below the steady ones', () => {
    const fit = fitLifetime(evidence);
    const p = evidence.map((e) => lifetimePAlive(fit, e));
    for (let i = 0; i < 40; i++) expect(p[i]).toBeGreaterThan(0.9);
    for (let i = 40; i < 48; i++) expect(p[i]).toBeLessThan(0.2);
  });

  it('is 1 with no silence and falls as the silence grows', () => {
    const params = { s: 3, beta: 800 };
    const at = (T: number) => lifetimePAlive(params, silenceEvidence(100, T, (u) => silenceSurvival(bg, 30, 100, u, { k: 8, offRhythm: 0.05 })));
    expect(at(100)).toBe(1);
    let previous = 1;
    for (let T = 100.5; T < 130; T += 0.5) {
      expect(at(T)).toBeLessThanOrEqual(previous + 1e-12);
      previous = at(T);
    }
    // With Poisson gaps and a negligible lifetime hazard nothing looks lapsed.
    expect(lifetimePAlive({ s: 1e-6, beta: 1e6 }, silenceEvidence(100, 110, (u) => erlangSilenceSurvival(bg, 30, 100, u, 1)))).toBeGreaterThan(0.999);
    expect(bgNbdPAlive(bg, 30, 100, 110)).toBeGreaterThan(0);
  });
});
