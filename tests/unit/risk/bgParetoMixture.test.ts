// BG/NBD + Pareto/NBD mixture (lib/insights/risk/bgParetoMixture.ts) and the Pareto/NBD terms it is fitted with
// (paretoNbdTerms.ts): the quadrature likelihood against the 2F1 closed form of paretoNbd.ts, its analytic gradient
// against central differences (per row and per distinct (x, u) pair), the mixture's fit recovering the parameters
// of a simulated book, and its predictions as the posterior mix of the segments' own probabilities.
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood, bgNbdPAlive, bgNbdPredictor, type BgNbdParams } from '../../../lib/insights/risk/bgNbd';
import { newTerms, scaledTimes, segmentTerms, twoSegmentObjective } from '../../../lib/insights/risk/bgNbdMixture';
import { bgParetoMixtureForecaster, bgParetoMixtureLogLikelihood, fitBgParetoMixture, type BgParetoMixtureParams } from '../../../lib/insights/risk/bgParetoMixture';
import { bgNbdPActive, paretoNbdPActive } from '../../../lib/insights/risk/pActive';
import { paretoNbdExpectedPurchases, paretoNbdLogLikelihood, paretoNbdPAlive, type ParetoNbdParams } from '../../../lib/insights/risk/paretoNbd';
import { logDropoutIntegral, paretoNbdLogLikelihoodByQuadrature, paretoNbdRowTerms, paretoPairs } from '../../../lib/insights/risk/paretoNbdTerms';
import { distinctValues } from '../../../lib/insights/risk/rows';
import { gammaSampler, random } from '../../support/random';

const PARETO: ParetoNbdParams[] = [
  { r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, // CDNOW's Pareto/NBD (weeks)
  { r: 0.3, alpha: 0.5, s: 2, beta: 20 },
  { r: 5, alpha: 40, s: 1.5, beta: 0.3 },
  { r: 0.05, alpha: 0.05, s: 0.1, beta: 0.2 },
];
const HISTORIES: [number, number, number][] = [];
for (const x of [0, 1, 2, 5, 20, 80, 160]) {
  for (const T of [0.5, 3, 10, 78]) {
    for (const f of x === 0 ? [0] : [0.01, 0.3, 0.9, 0.999, 1]) HISTORIES.push([x, x === 0 ? 0 : T * f, T]);
  }
}

describe('the Pareto/NBD likelihood by quadrature', () => {
  it('matches the 2F1 closed form (paretoNbd.ts) to 1e-8', () => {
    for (const p of PARETO) {
      for (const [x, tx, T] of HISTORIES) expect(Math.abs(paretoNbdLogLikelihoodByQuadrature(p, x, tx, T) - paretoNbdLogLikelihood(p, x, tx, T))).toBeLessThan(1e-8 * Math.max(1, Math.abs(paretoNbdLogLikelihood(p, x, tx, T))));
    }
  });

  // Rows over the cases: with pairs (t_x and T shared among rows) and with one integral per row (all distinct).
  const shared = { size: HISTORIES.length, x: Float64Array.from(HISTORIES, (h) => h[0]), recency: Float64Array.from(HISTORIES, (h) => h[1]), T: Float64Array.from(HISTORIES, (h) => h[2]) };
  const own = { ...shared, recency: shared.recency.map((v, i) => v * (1 - 1e-3 * (i % 7)) ), T: shared.T.map((v, i) => v + 1e-3 * i) };
  it.each([
    ['distinct (x, u) pairs', shared],
    ['one integral per row', own],
  ])('fills ln L and its analytic gradient in the log-parameters (%s)', (_, rows) => {
    const xs = distinctValues(rows.x);
    const pairs = paretoPairs(rows, xs);
    expect(pairs.toPair[0] >= 0).toBe(rows === shared); // the two modes are both exercised
    for (const p of PARETO) {
      const theta = [p.r, p.alpha, p.s, p.beta].map(Math.log);
      const at = newTerms(rows.size);
      expect(paretoNbdRowTerms(theta, 0, rows, xs, pairs, at)).toBe(true);
      for (let i = 0; i < rows.size; i++) expect(at.ll[i]).toBeCloseTo(paretoNbdLogLikelihood(p, rows.x[i], rows.recency[i], rows.T[i]), 6);
      const analytic = [at.gr, at.gAlpha, at.ga, at.gb];
      for (let j = 0; j < 4; j++) {
        const h = 1e-5;
        const up = newTerms(rows.size);
        const down = newTerms(rows.size);
        paretoNbdRowTerms(theta.map((v, k) => (k === j ? v + h : v)), 0, rows, xs, pairs, up);
        paretoNbdRowTerms(theta.map((v, k) => (k === j ? v - h : v)), 0, rows, xs, pairs, down);
        for (let i = 0; i < rows.size; i++) {
          const numeric = (up.ll[i] - down.ll[i]) / (2 * h);
          expect(Math.abs(numeric - analytic[j][i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      }
    }
  });
});

describe('parameters at the edge of the domain', () => {
  it('the integral ends (and is a number) when β underflows, and the row terms refuse parameters beyond e^±50', () => {
    // A random 100-account book once drove the fit to β ≈ 4e−309: σ was 0 and the quadrature never ended.
    expect(Number.isNaN(logDropoutIntegral(5.2, 4.6, 3.2e-4, 3.8e-309, 0, 6))).toBe(false);
    const rows = { size: 1, x: Float64Array.of(2), recency: Float64Array.of(1), T: Float64Array.of(3) };
    const xs = distinctValues(rows.x);
    expect(paretoNbdRowTerms([0, 0, 0, -710], 0, rows, xs, paretoPairs(rows, xs), newTerms(1))).toBe(false);
  });
});

const BG: BgNbdParams = { r: 0.27, alpha: 2.7, a: 0.42, b: 0.8 };
const MIX: BgParetoMixtureParams = { share: 0.3, bg: BG, pareto: PARETO[0] };

describe('the mixture likelihood and its gradient', () => {
  it('is ln(π L_BG + (1 − π) L_P)', () => {
    for (const [x, tx, T] of HISTORIES) {
      const direct = Math.log(MIX.share * Math.exp(bgNbdLogLikelihood(BG, x, tx, T)) + (1 - MIX.share) * Math.exp(paretoNbdLogLikelihood(MIX.pareto, x, tx, T)));
      if (Number.isFinite(direct)) expect(bgParetoMixtureLogLikelihood(MIX, x, tx, T)).toBeCloseTo(direct, 7);
    }
  });

  it('has the analytic gradient in all 9 parameters', () => {
    const rows = { size: HISTORIES.length, x: Float64Array.from(HISTORIES, (h) => h[0]), ...scaledTimes(Float64Array.from(HISTORIES, (h) => h[2] / 8), Float64Array.from(HISTORIES, (h) => h[1] / 8)) };
    const weight = Float64Array.from(HISTORIES, (_, i) => 1 + (i % 3));
    const n = weight.reduce((p, q) => p + q, 0);
    const xs = distinctValues(rows.x);
    const pairs = paretoPairs(rows, xs);
    const value = (theta: Float64Array, gradient: Float64Array) => {
      const one = newTerms(rows.size);
      const two = newTerms(rows.size);
      segmentTerms(theta, 0, rows, rows, xs, one);
      paretoNbdRowTerms(theta, 4, rows, xs, pairs, two);
      return twoSegmentObjective(theta[8], weight, n, one, two, gradient);
    };
    const theta = Float64Array.from([BG.r, BG.alpha / 8, BG.a, BG.b, 0.55, 10.6 / 8, 0.61, 11.7 / 8].map(Math.log).concat([Math.log(0.3 / 0.7)]));
    const gradient = new Float64Array(9);
    value(theta, gradient);
    for (let j = 0; j < 9; j++) {
      const h = 1e-6;
      const up = Float64Array.from(theta, (v, k) => (k === j ? v + h : v));
      const down = Float64Array.from(theta, (v, k) => (k === j ? v - h : v));
      const numeric = (value(up, new Float64Array(9)) - value(down, new Float64Array(9))) / (2 * h);
      expect(gradient[j]).toBeCloseTo(numeric, 6);
    }
  });
});

/** Customers of a known mixture over continuous time: first purchase at 0, observed to T. */
function simulate(truth: BgParetoMixtureParams, customers: number, seed: number) {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const rows: { frequency: number; recency: number; T: number }[] = [];
  for (let c = 0; c < customers; c++) {
    const T = 26 + rand() * 52;
    if (rand() < truth.share) {
      const lambda = gamma(truth.bg.r) / truth.bg.alpha;
      const u = gamma(truth.bg.a);
      const p = u / (u + gamma(truth.bg.b));
      // BG/NBD: after each purchase the customer drops out with probability p.
      let t = 0;
      let x = 0;
      let last = 0;
      for (;;) {
        t += -Math.log(rand() || 1e-300) / lambda;
        if (t > T) break;
        x++;
        last = t;
        if (rand() < p) break;
      }
      rows.push({ frequency: x, recency: last, T });
      continue;
    }
    // Pareto/NBD: an exponential lifetime, purchases at rate λ while alive.
    const lambda = gamma(truth.pareto.r) / truth.pareto.alpha;
    const lifetime = -Math.log(rand() || 1e-300) / (gamma(truth.pareto.s) / truth.pareto.beta);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(rand() || 1e-300) / lambda;
      if (t > Math.min(T, lifetime)) break;
      x++;
      last = t;
    }
    rows.push({ frequency: x, recency: last, T });
  }
  return rows;
}

describe('the fit', () => {
  const truth: BgParetoMixtureParams = { share: 0.4, bg: { r: 1.5, alpha: 4, a: 1.2, b: 2.5 }, pareto: { r: 0.8, alpha: 12, s: 1.5, beta: 30 } };
  const rows = simulate(truth, 12_000, 13);
  const fit = fitBgParetoMixture(rows);
  const total = (p: BgParetoMixtureParams) => rows.reduce((sum, row) => sum + bgParetoMixtureLogLikelihood(p, row.frequency, row.recency, row.T), 0);

  it('converges and reports the sum of the per-customer log-likelihoods', () => {
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(total(fit), 3);
  });

  it('recovers the simulated parameters (and fits at least as well as the truth)', () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(total(truth) - 1e-6);
    expect(fit.share).toBeGreaterThan(truth.share - 0.1);
    expect(fit.share).toBeLessThan(truth.share + 0.1);
    // Mean purchase rates of each segment, and the Pareto/NBD segment's mean lifetime rate, within 20%.
    expect(Math.abs(fit.bg.r / fit.bg.alpha / (truth.bg.r / truth.bg.alpha) - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.pareto.r / fit.pareto.alpha / (truth.pareto.r / truth.pareto.alpha) - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.pareto.s / fit.pareto.beta / (truth.pareto.s / truth.pareto.beta) - 1)).toBeLessThan(0.25);
    expect(Math.abs(fit.bg.a / (fit.bg.a + fit.bg.b) / (truth.bg.a / (truth.bg.a + truth.bg.b)) - 1)).toBeLessThan(0.2);
  });
});

describe('predictions', () => {
  const forecast = bgParetoMixtureForecaster(MIX, 13);
  it('are the posterior mix of the segments', () => {
    const [x, tx, T] = [4, 30, 52];
    const one = Math.log(MIX.share) + bgNbdLogLikelihood(BG, x, tx, T);
    const two = Math.log1p(-MIX.share) + paretoNbdLogLikelihood(MIX.pareto, x, tx, T);
    const q = 1 / (1 + Math.exp(two - one));
    const f = forecast(x, tx, T);
    expect(f.bgSegment).toBeCloseTo(q, 8);
    expect(f.pAlive).toBeCloseTo(q * bgNbdPAlive(BG, x, tx, T) + (1 - q) * paretoNbdPAlive(MIX.pareto, x, tx, T), 8);
    expect(f.pActive).toBeCloseTo(q * bgNbdPActive(BG, 13, x, tx, T) + (1 - q) * paretoNbdPActive(MIX.pareto, 13, x, tx, T), 8);
    const bgExpected = (f.expected - (1 - q) * paretoNbdExpectedPurchases(MIX.pareto, 13, x, tx, T)) / q;
    expect(bgExpected).toBeCloseTo(bgNbdPredictor(BG, 13)(x, tx, T), 8);
  });

  it('are probabilities, and P(active) ≤ P(alive)', () => {
    for (const [x, tx, T] of [...HISTORIES, [300, 499, 500], [300, 20, 500], [0, 0, 500]] as [number, number, number][]) {
      const f = forecast(x, tx, T);
      for (const p of [f.bgSegment, f.pAlive, f.pActive]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(f.pActive).toBeLessThanOrEqual(f.pAlive + 1e-12);
      expect(f.expected).toBeGreaterThanOrEqual(0);
    }
  });
});
