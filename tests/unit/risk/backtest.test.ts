// The backtest harness: metrics on hand-computed examples, the split, the holdout probabilities
// against Monte Carlo, and real behaviour on a seeded simulated B2B book.
import { describe, expect, it } from 'vitest';
import { auc, aucSorted, bgNbdPActive, brierScore, chooseModelByBacktest, MIXTURE_MAX_ROWS, flagQuality, meanAbsoluteError, thresholdForPrecision, paretoNbdPActive, rootMeanSquaredError, sortByScore, splitBook } from '../../../lib/insights/risk';
import { backtestBook } from '../../../scripts/validate/harness';
import { pairedBootstrapAuc } from '../../../scripts/validate/bootstrap';
import { bgNbdPAlive } from '../../../lib/insights/risk/bgNbd';
import { paretoNbdPAlive } from '../../../lib/insights/risk/paretoNbd';
import { simulateB2bBook } from '../../support/b2bBook';
import { dayToIso, toDayNumber } from '../../../lib/model/days';
import { gammaSampler, random } from '../../support/random';

describe('metrics', () => {
  it('AUC is the Mann-Whitney statistic with ties counted one half', () => {
    // The classic example (e.g. scikit-learn's roc_auc_score docs): 3 of 4 positive-negative pairs ordered right.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    // Pairs (pos, neg): (1,1) tie ½, (1,2) 0, (2,1) 1, (2,2) tie ½ → 2/4.
    expect(auc([1, 1, 2, 2], [false, true, false, true])).toBe(0.5);
    expect(auc([0.5, 0.5, 0.5], [true, false, false])).toBe(0.5);
    expect(auc([3, 2, 1], [true, true, false])).toBe(1);
    expect(auc([1, 2, 3], [true, true, false])).toBe(0);
    expect(auc([1, 2], [true, true])).toBeNaN();
  });

  it('weighted AUC equals the AUC of the data with rows repeated', () => {
    const rand = random(3);
    const scores = Array.from({ length: 200 }, () => Math.round(rand() * 20) / 20); // many ties
    const labels = scores.map((s) => rand() < 0.3 + 0.5 * s);
    const weights = scores.map(() => Math.floor(rand() * 4));
    const repeated = { scores: [] as number[], labels: [] as boolean[] };
    scores.forEach((s, i) => {
      for (let w = 0; w < weights[i]; w++) {
        repeated.scores.push(s);
        repeated.labels.push(labels[i]);
      }
    });
    expect(aucSorted(sortByScore(scores), scores, labels, weights)).toBeCloseTo(auc(repeated.scores, repeated.labels), 12);
    expect(aucSorted(sortByScore(scores), scores, labels)).toBeCloseTo(auc(scores, labels), 12);
  });

  it('Brier, MAE and RMSE', () => {
    expect(brierScore([0.9, 0.2, 0.5], [true, false, true])).toBeCloseTo((0.01 + 0.04 + 0.25) / 3, 12);
    expect(meanAbsoluteError([1, 2, 3], [1, 0, 6])).toBeCloseTo(5 / 3, 12);
    expect(rootMeanSquaredError([1, 2, 3], [1, 0, 6])).toBeCloseTo(Math.sqrt(13 / 3), 12);
  });

  it('the paired bootstrap repeats with its seed, is 0 for identical scores and separates a real gap', () => {
    const rand = random(9);
    const labels = Array.from({ length: 1000 }, () => rand() < 0.4);
    const good = labels.map((l) => (l ? 1 : 0) + rand() * 1.5);
    const poor = labels.map((l) => (l ? 1 : 0) + rand() * 4);
    const same = pairedBootstrapAuc(good, good, labels, { replicates: 200, seed: 1 });
    expect([same.difference, same.low, same.high]).toEqual([0, 0, 0]);
    const gap = pairedBootstrapAuc(good, poor, labels, { replicates: 300, seed: 4 });
    expect(gap).toEqual(pairedBootstrapAuc(good, poor, labels, { replicates: 300, seed: 4 }));
    expect(gap.difference).toBeCloseTo(auc(good, labels) - auc(poor, labels), 12);
    expect(gap.low).toBeGreaterThan(0);
    expect(gap.low).toBeLessThan(gap.difference);
    expect(gap.high).toBeGreaterThan(gap.difference);
  });
});

describe('level thresholds', () => {
  it('take the most inclusive cut that keeps the asked precision, never splitting ties', () => {
    // Sorted by P(active): 0.1 (lapsed), 0.2 (lapsed), 0.2 (bought), 0.3 (lapsed), 0.6 (bought), 0.9 (bought).
    const p = [0.9, 0.2, 0.1, 0.3, 0.6, 0.2];
    const bought = [true, false, false, false, true, true];
    // Cuts: ≤0.1 → 1/1, ≤0.2 → 2/3, ≤0.3 → 3/4, ≤0.6 → 3/5, ≤0.9 → 3/6.
    expect(thresholdForPrecision(p, bought, 0.7, 1)).toEqual({ atOrBelow: 0.3, precision: 0.75, recall: 1, flagged: 4 });
    expect(thresholdForPrecision(p, bought, 0.9, 1)).toEqual({ atOrBelow: 0.1, precision: 1, recall: 1 / 3, flagged: 1 });
    expect(thresholdForPrecision(p, bought, 0.9, 2).atOrBelow).toBe(-Infinity);
    expect(flagQuality([true, true, false, false, false, true], bought)).toEqual({ precision: 1 / 3, recall: 1 / 3, flagged: 3 });
  });
});

describe('the split', () => {
  it('summarizes the calibration cohort in weeks and counts holdout order days', () => {
    const split = splitBook(
      [
        { customerId: 'a', date: '2024-01-01' },
        { customerId: 'a', date: '2024-01-01' }, // same day: one purchase
        { customerId: 'a', date: '2024-01-15' },
        { customerId: 'a', date: '2024-02-12' },
        { customerId: 'a', date: '2024-04-01' }, // holdout
        { customerId: 'a', date: '2024-04-01' },
        { customerId: 'a', date: '2024-04-08' }, // holdout
        { customerId: 'a', date: '2024-07-01' }, // after the holdout: ignored
        { customerId: 'b', date: '2024-04-02' }, // first order after the calibration end: not in the cohort
        { customerId: 'c', date: '2024-03-03' },
      ],
      '2024-03-31',
      '2024-06-30',
    );
    expect(split.customerIds).toEqual(['a', 'c']);
    expect(split.rows[0]).toEqual({ frequency: 2, recency: 6, T: 90 / 7, litt: Math.log(2) + Math.log(4) });
    expect(split.rows[1]).toEqual({ frequency: 0, recency: 0, T: 4, litt: 0 });
    expect(Array.from(split.holdoutPurchases)).toEqual([2, 0]);
    expect(split.bought).toEqual([true, false]);
    expect(split.repeat).toEqual([true, false]);
    expect(Array.from(split.silenceDays)).toEqual([48, 28]);
    expect(split.horizon).toBeCloseTo(91 / 7, 12);
  });
});

describe('a book too small to fit', () => {
  it('still gets a backtest and a model choice, without throwing', () => {
    const orders = [
      { customerId: 'a', date: '2024-01-05' },
      { customerId: 'b', date: '2024-02-05' },
      { customerId: 'c', date: '2024-03-01' },
      { customerId: 'c', date: '2024-04-02' },
    ];
    const bt = backtestBook(orders, { calibrationEnd: '2024-03-31', holdoutEnd: '2024-06-30' });
    expect(bt.split.rows).toHaveLength(3);
    expect(bt.metrics.map((m) => m.model).sort()).toEqual(['bgnbd', 'mbgcnbd', 'pareto', 'recency', 'shipped']);
    // Three accounts are too few for the shipped model choice: it says so, and scoreBook falls back (accountRisk.test.ts).
    expect(() => chooseModelByBacktest(orders, { endDayOf: () => toDayNumber('2024-06-30') })).toThrow(/too little history/);
  });
});

describe('P(at least one purchase in the holdout)', () => {
  // Monte Carlo from the posterior given alive: λ ~ Gamma(r+x, α+T) (and μ ~ Gamma(s, β+T) for Pareto/NBD).
  const draws = 200_000;
  const rand = random(21);
  const gamma = gammaSampler(rand);
  const exponential = () => -Math.log(rand() || 1e-300);

  it('BG/NBD: the next Poisson purchase falls within t', () => {
    const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const [x, tx, T, t] = [3, 20, 38, 39];
    let hits = 0;
    for (let i = 0; i < draws; i++) if (exponential() / (gamma(bg.r + x) / (bg.alpha + T)) <= t) hits++;
    const monteCarlo = (hits / draws) * bgNbdPAlive(bg, x, tx, T);
    expect(Math.abs(bgNbdPActive(bg, t, x, tx, T) - monteCarlo)).toBeLessThan(0.005);
  });

  it('Pareto/NBD: the next purchase comes before both death and the end of the holdout', () => {
    const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    for (const [x, tx, T] of [[0, 0, 30], [4, 25, 38], [30, 37, 38]]) {
      let hits = 0;
      for (let i = 0; i < draws; i++) {
        const lambda = gamma(pareto.r + x) / (pareto.alpha + T);
        const mu = gamma(pareto.s) / (pareto.beta + T);
        const next = exponential() / lambda;
        if (next <= 39 && next <= exponential() / mu) hits++;
      }
      const monteCarlo = (hits / draws) * paretoNbdPAlive(pareto, x, tx, T);
      expect(Math.abs(paretoNbdPActive(pareto, 39, x, tx, T) - monteCarlo)).toBeLessThan(0.005);
    }
  });
});

describe('on a strongly regular simulated B2B book (gamma gaps of shape 6–10)', () => {
  const book = simulateB2bBook({
    accounts: 1000,
    seed: 5,
    start: '2023-01-01',
    end: '2024-12-31',
    acquisitionEnd: '2024-03-31',
    shapeRange: [6, 10],
    medianGapDays: 30,
  });
  const bt = backtestBook(book.orders, { calibrationEnd: '2024-06-30', holdoutEnd: '2024-12-31', models: ['bgnbd', 'mbgcnbd', 'shipped', 'recency'] });
  const of = (model: string) => bt.metrics.find((m) => m.model === model)!;

  it('MBG/CNBD-k finds the regularity (k > 1)', () => {
    expect(bt.fits.mbgcnbd!.k).toBeGreaterThanOrEqual(4);
    expect(bt.fits.mbgcnbd!.logLikelihood).toBeGreaterThan(bt.fits.mbgcnbd!.candidates[0].logLikelihood + 100);
  });

  it('and beats BG/NBD among repeat buyers: ranking, Brier and purchase counts', () => {
    const bg = of('bgnbd').repeat;
    const mbg = of('mbgcnbd').repeat;
    expect(mbg.aucPActive!).toBeGreaterThan(bg.aucPActive! + 0.01);
    expect(mbg.aucExpected!).toBeGreaterThan(bg.aucExpected! + 0.02);
    expect(mbg.aucPAlive!).toBeGreaterThan(bg.aucPAlive! - 0.002);
    expect(mbg.brierPActive!).toBeLessThan(0.7 * bg.brierPActive!);
    expect(mbg.mae!).toBeLessThan(bg.mae!);
  });

  it('a backtest on the book’s own history chooses MBG/CNBD-k and states the precision of "high"', () => {
    const choice = chooseModelByBacktest(book.orders.filter((o) => String(o.date) <= '2024-06-30'), { endDayOf: () => toDayNumber('2024-06-30'), horizonDays: 90 });
    expect(dayToIso(choice.cutoffDay)).toBe('2024-04-01');
    expect(choice.chosen).toBe('mbgcnbd');
    expect(choice.high.precision).toBeGreaterThanOrEqual(choice.targets.high);
    // A flagged account is one the model itself gives at most a (1 − target) chance of an order.
    expect(choice.high.atOrBelow).toBeLessThanOrEqual(1 - choice.targets.high + 1e-12);
    expect(choice.targets.high).toBeGreaterThanOrEqual(0.8);
    expect(choice.watch.atOrBelow).toBeGreaterThanOrEqual(choice.high.atOrBelow);
    expect(choice.high.recall).toBeGreaterThan(0.5);
  });

  it('scores the shipped score as it is: a probability for every account, one-order accounts included', () => {
    const shipped = of('shipped');
    expect(shipped.all.aucRank).toBeGreaterThan(0.5);
    expect(shipped.all.aucPActive).toBeGreaterThan(0.5);
    // The shipped score chose MBG/CNBD-k on the calibration period alone, so it ranks as well as MBG/CNBD-k does.
    expect(shipped.repeat.aucPActive!).toBeGreaterThanOrEqual(of('mbgcnbd').repeat.aucPActive! - 0.002);
    expect(shipped.all.brierPActive!).toBeLessThanOrEqual(of('bgnbd').all.brierPActive!);
  });
});

describe('the mixture candidate', () => {
  it('is offered on a small book and left out above MIXTURE_MAX_ROWS distinct histories', () => {
    const rand = random(5);
    const start = toDayNumber('2022-01-01');
    // Accounts with a handful of random order days over two years: nearly every history is distinct.
    const book = (accounts: number) =>
      Array.from({ length: accounts }, (_, k) => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => ({ customerId: `a${k}`, date: dayToIso(start + Math.floor(rand() * 730)) }))).flat();
    const endDayOf = () => start + 730;
    const labels = (accounts: number) => chooseModelByBacktest(book(accounts), { endDayOf }).candidates.map((c) => c.model);
    expect(labels(400)).toContain('bgpareto');
    expect(labels(MIXTURE_MAX_ROWS * 2)).toEqual(['bgnbd', 'mbgcnbd']);
  });
});
