// MBG/CNBD-k (Reutterer, Platzer & Schröder 2021, IJRM 38(1)) against its reference implementation
// BTYDplus (https://github.com/mplatzer/BTYDplus) and against the models it contains.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdPAlive,
  fitBgNbd,
  groupPurchaseDays,
  toDayNumber,
} from '../../../lib/insights/risk';
import { parseCdnowLog } from '../../support/cdnow';
import {
  fitMbgCnbd,
  mbgCnbdLogLikelihood,
  mbgCnbdPAlive,
  sumLogGaps,
  type CnbdRow,
  type MbgCnbdParams,
} from '../../../lib/insights/risk/mbgcnbd';
import { mbgCnbdPredictor } from '../../../lib/insights/risk/mbgcnbdPredict';
import { hyp2f1 } from '../../../lib/insights/risk/special';
import { summarizePurchaseDays } from '../../../lib/insights/risk/summary';
import { gammaSampler, random } from '../../support/random';
import { cdnowDir, loadCdnowSample } from './cdnowSample';

const sample = loadCdnowSample();
const histories = [
  [0, 0, 38],
  [1, 2, 38],
  [5, 30, 38],
  [20, 10, 38],
  [2, 30.43, 38.86],
  [300, 2000, 3000],
  [800, 100, 5000],
] as const;

describe('the likelihood', () => {
  it('matches BTYDplus on its own test case', () => {
    // src/slice-sampling.cpp, R test block after xbgcnbd_exp_cpp: params (k, r, alpha, a, b) =
    // (3, 0.5, 2, 0.3, 0.6), x = 3 and 4, t.x = 12, T.cal = 14, litt = 3 → −10.42500, −12.22396 (BG/CNBD-k,
    // the default dropout_at_zero = FALSE).
    const params = { k: 3, r: 0.5, alpha: 2, a: 0.3, b: 0.6 };
    expect(mbgCnbdLogLikelihood(params, 3, 12, 14, 3, 'bg')).toBeCloseTo(-10.425, 5);
    expect(mbgCnbdLogLikelihood(params, 4, 12, 14, 3, 'bg')).toBeCloseTo(-12.22396, 5);
  });

  it('BG/CNBD-1 is BG/NBD: same likelihood, P(alive) and expected purchases', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const predictor = mbgCnbdPredictor({ ...bg, k: 1 }, 39, 'bg');
    for (const [x, tx, T] of histories) {
      expect(mbgCnbdLogLikelihood({ ...bg, k: 1 }, x, tx, T, 0, 'bg')).toBeCloseTo(bgNbdLogLikelihood(bg, x, tx, T), 9);
      expect(mbgCnbdPAlive({ ...bg, k: 1 }, x, tx, T, 'bg')).toBeCloseTo(bgNbdPAlive(bg, x, tx, T), 12);
      const expected = bgNbdExpectedPurchases(bg, 39, x, tx, T);
      expect(Math.abs(predictor.expected(x, tx, T) - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
    }
  });

  it('BG/CNBD-1 fitted on the CDNOW sample gives the published BG/NBD fit', () => {
    const fit = fitMbgCnbd(sample, { k: 1, variant: 'bg' });
    const bg = fitBgNbd(sample);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(fit[key]).toBeCloseTo(bg[key], 5);
    expect(fit.logLikelihood).toBeCloseTo(bg.logLikelihood, 4);
  });
});

describe('MBG/CNBD-1 = MBG/NBD (Batislam, Denizel & Filiztekin 2007)', () => {
  const fit = fitMbgCnbd(sample, { k: 1 });

  it('reproduces the BTYDplus MBG/NBD fit of the CDNOW sample', () => {
    // lifetimes tests/test_estimation.py, TestModifiedBetaGammaFitter.test_params_out_is_close_to_BTYDplus
    // ("See https://github.com/mplatzer/BTYDplus"): r = 0.525, alpha = 6.183, a = 0.891, b = 1.614.
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(0.525, 3);
    expect(fit.alpha).toBeCloseTo(6.183, 3);
    expect(fit.a).toBeCloseTo(0.891, 3);
    expect(fit.b).toBeCloseTo(1.614, 3);
  });

  it('has the closed-form conditional expectation of BTYDplus at k = 1', () => {
    // xbgcnbd.ConditionalExpectedTransactions (exact at k = 1): (a+b+x)/(a−1) · G · P(alive),
    // G = 1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x+1; a+b+x; t/(α+T+t)).
    const { r, alpha, a, b } = fit;
    const predictor = mbgCnbdPredictor(fit, 39);
    for (const [x, tx, T] of histories.slice(0, 5)) {
      const z = 39 / (alpha + T + 39);
      const G = 1 - ((alpha + T) / (alpha + T + 39)) ** (r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z);
      const closed = ((a + b + x) / (a - 1)) * G * mbgCnbdPAlive(fit, x, tx, T);
      expect(predictor.expected(x, tx, T)).toBeCloseTo(closed, 10);
    }
  });

  it('gives customers without a repeat purchase a P(alive) below 1, falling with their age', () => {
    const young = mbgCnbdPAlive(fit, 0, 0, 2);
    const old = mbgCnbdPAlive(fit, 0, 0, 38);
    expect(young).toBeLessThan(1);
    expect(old).toBeLessThan(young);
  });
});

describe('the fit is the maximum of the likelihood', () => {
  // A regular book (Erlang-4 gaps) with known parameters, so that k > 1 is exercised.
  const truth: MbgCnbdParams = { k: 4, r: 2, alpha: 20, a: 0.8, b: 6 };
  const rows = simulate(truth, 3000, 11).map((c) => c.calibration);
  const fit = fitMbgCnbd(rows, { k: 4 });
  const total = (p: MbgCnbdParams) => rows.reduce((sum, row) => sum + mbgCnbdLogLikelihood(p, row.frequency, row.recency, row.T, row.litt ?? 0), 0);

  it('reports the sum of the per-customer log-likelihoods', () => {
    expect(fit.logLikelihood).toBeCloseTo(total(fit), 5);
  });

  it('has a zero gradient and beats every perturbation', () => {
    const best = total(fit);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    for (const key of keys) {
      const h = 1e-4;
      const up = total({ ...fit, [key]: fit[key] * Math.exp(h) });
      const down = total({ ...fit, [key]: fit[key] * Math.exp(-h) });
      expect(Math.abs((up - down) / (2 * h)) / rows.length).toBeLessThan(1e-5); // ∂ mean LL / ∂ ln θ
      for (const factor of [0.98, 1.02]) expect(total({ ...fit, [key]: fit[key] * factor })).toBeLessThan(best);
    }
    expect(total({ ...fit, k: 3 })).toBeLessThan(best);
  });

  it('does not depend on the time unit (days vs weeks), except the Jacobian Σx·ln 7', () => {
    const inDays = rows.map((row) => ({ ...row, recency: row.recency * 7, T: row.T * 7, litt: (row.litt ?? 0) + row.frequency * Math.log(7) }));
    const fitDays = fitMbgCnbd(inDays, { k: 4 });
    expect(fitDays.alpha / 7).toBeCloseTo(fit.alpha, 3);
    expect(fitDays.b).toBeCloseTo(fit.b, 3);
    const purchases = rows.reduce((sum, row) => sum + row.frequency, 0);
    expect(fitDays.logLikelihood).toBeCloseTo(fit.logLikelihood - purchases * Math.log(7), 3);
  });
});

describe('on data simulated from the model', () => {
  // BTYDplus tests/testthat/test-mbg-cnbd-k.R: params (k=3, r=0.85, alpha=1.45, a=0.79, b=2.42), 8,000
  // customers, T.cal between 36 and 96 weeks, T.star = 36: parameters within 10%, holdout total and
  // number alive within 5%.
  const truth: MbgCnbdParams = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 };
  const customers = simulate(truth, 8000, 1, 36);
  const fit = fitMbgCnbd(customers.map((c) => c.calibration));

  it('chooses the true k and recovers the parameters', () => {
    expect(fit.k).toBe(3);
    expect(fit.candidates.map((c) => c.k).slice(0, 4)).toEqual([1, 2, 3, 4]);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(fit[key] / truth[key] - 1)).toBeLessThan(0.1);
  });

  it('predicts the holdout total and the number alive (true parameters)', () => {
    const predictor = mbgCnbdPredictor(truth, 36);
    let expected = 0;
    let actual = 0;
    let pAlive = 0;
    let alive = 0;
    let pActive = 0;
    let active = 0;
    for (const { calibration: row, holdout, aliveAtT } of customers) {
      expected += predictor.expected(row.frequency, row.recency, row.T);
      pActive += predictor.pActive(row.frequency, row.recency, row.T);
      pAlive += predictor.pAlive(row.frequency, row.recency, row.T);
      actual += holdout;
      active += holdout > 0 ? 1 : 0;
      alive += aliveAtT ? 1 : 0;
    }
    expect(Math.abs(expected / actual - 1)).toBeLessThan(0.05);
    expect(Math.abs(pAlive / alive - 1)).toBeLessThan(0.05);
    expect(Math.abs(pActive / active - 1)).toBeLessThan(0.05);
  });
});

describe('properties', () => {
  const params: MbgCnbdParams[] = [
    { k: 1, r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 },
    { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 },
    { k: 12, r: 5, alpha: 40, a: 0.5, b: 10 },
  ];

  it('P(alive) and P(active) stay in [0, 1], expectations are finite, for x in the hundreds and T in the thousands', () => {
    for (const p of params) {
      const predictor = mbgCnbdPredictor(p, 52);
      for (const [x, tx, T] of histories) {
        const alive = predictor.pAlive(x, tx, T);
        const active = predictor.pActive(x, tx, T);
        const expected = predictor.expected(x, tx, T);
        for (const v of [alive, active, expected]) expect(Number.isFinite(v)).toBe(true);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(active).toBeGreaterThanOrEqual(0);
        expect(active).toBeLessThanOrEqual(alive + 1e-12);
        expect(expected).toBeGreaterThanOrEqual(active - 1e-9); // E[N] ≥ P(N ≥ 1)
      }
    }
  });

  it('P(alive) never falls as recency grows', () => {
    for (const p of params) {
      for (const x of [1, 3, 10, 200]) {
        let previous = 0;
        for (let tx = 0; tx <= 40; tx += 0.5) {
          const alive = mbgCnbdPAlive(p, x, tx, 40);
          expect(alive).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = alive;
        }
      }
    }
  });

  it('the more regular the buyer, the more a long silence means it has gone', () => {
    const base = { r: 2, alpha: 20, a: 0.8, b: 6 };
    // Same prior purchase rate: λ/k with λ ~ Gamma(r, α/k). 10 purchases over 40 weeks, then 20 weeks of silence.
    const alive = [1, 2, 4, 8].map((k) => mbgCnbdPAlive({ ...base, k, alpha: base.alpha / k }, 10, 40, 60));
    for (let i = 1; i < alive.length; i++) expect(alive[i]).toBeLessThan(alive[i - 1]);
  });
});

describe('the full CDNOW log (weekly, calibration to 1997-09-30)', () => {
  it('chooses k = 1: CDNOW purchase timing is irregular (BTYDplus demo/cdnow.R: "k=1 -> no regularity detected for CDNow")', () => {
    const transactions = parseCdnowLog(readFileSync(resolve(cdnowDir, 'CDNOW_master.txt'), 'utf8'));
    const end = toDayNumber('1997-09-30');
    const grouped = groupPurchaseDays(transactions, end);
    const rows: CnbdRow[] = summarizePurchaseDays(grouped, end, 7).map((row, k) => ({ ...row, litt: sumLogGaps(grouped.days, grouped.start[k], grouped.start[k + 1], 7) }));
    const fit = fitMbgCnbd(rows);
    expect(fit.k).toBe(1);
    // The search stops after two successive falls of the likelihood, as BTYDplus's does.
    expect(fit.candidates.map((c) => c.k)).toEqual([1, 2, 3]);
    expect(fit.candidates[1].logLikelihood).toBeLessThan(fit.candidates[0].logLikelihood);
    for (const c of fit.candidates) expect(c.converged).toBe(true);
  });
});

interface Simulated {
  calibration: CnbdRow;
  holdout: number;
  aliveAtT: boolean;
}

/**
 * MBG/CNBD-k customers as BTYDplus `mbgcnbd.GenerateData` describes them: λ ~ Gamma(r, α), p ~ Beta(a, b),
 * Erlang-k(λ) gaps, dropout with probability p after every purchase (the first included). T between
 * 36 and 96 weeks (multiples of 12), holdout of `holdoutLength` weeks.
 */
function simulate(params: MbgCnbdParams, count: number, seed: number, holdoutLength = 36): Simulated[] {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const out: Simulated[] = [];
  for (let c = 0; c < count; c++) {
    const lambda = gamma(params.r) / params.alpha;
    const ga = gamma(params.a);
    const p = ga / (ga + gamma(params.b));
    const T = Math.round((36 + rand() * 60) / 12) * 12;
    const end = T + holdoutLength;
    const times = [0];
    let alive = true;
    let aliveAtT = true;
    let now = 0;
    for (;;) {
      if (rand() < p) {
        alive = false;
        break;
      }
      now += gamma(params.k) / lambda;
      if (now > end) break;
      times.push(now);
    }
    // Dead after the last purchase before T, or alive at T?
    const calibrationTimes = times.filter((t) => t <= T);
    const holdout = times.length - calibrationTimes.length;
    if (!alive && holdout === 0) aliveAtT = false;
    let litt = 0;
    for (let i = 1; i < calibrationTimes.length; i++) litt += Math.log(calibrationTimes[i] - calibrationTimes[i - 1]);
    const x = calibrationTimes.length - 1;
    out.push({ calibration: { frequency: x, recency: calibrationTimes[x], T, litt }, holdout, aliveAtT });
  }
  return out;
}
