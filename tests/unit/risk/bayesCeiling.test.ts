// The Bayes score of scripts/validate/bayesCeiling.ts against the simulator it claims to invert: on a fresh simulated
// book, among the accounts it gives about the same probability, the share that ordered in the holdout (and the share
// still buying at the calibration end) must be that probability, within sampling error; and the most common short
// histories, each shared by hundreds of accounts, must come out as often as it says.
import { describe, expect, it } from 'vitest';
import { bayesB2bScores } from '../../../scripts/validate/bayesCeiling';
import { toDayNumber } from '../../../lib/model/days';
import { B2B_DEFAULTS, simulateB2bBook } from '../../support/b2bBook';

describe('Bayes-optimal score of the simulated B2B book', () => {
  const start = '2024-01-01';
  const T = toDayNumber(start) + 120;
  const H = T + 90;
  const prior = { ...B2B_DEFAULTS, medianGapDays: 20 };
  const book = simulateB2bBook({ accounts: 40_000, seed: 3, start, end: '2024-08-31', acquisitionEnd: '2024-01-31', medianGapDays: 20 });
  const daysOf = new Map<string, number[]>();
  for (const order of book.orders) {
    const list = daysOf.get(order.customerId) ?? [];
    list.push(toDayNumber(order.date));
    daysOf.set(order.customerId, list);
  }
  const histories = book.accounts.map((a) => (daysOf.get(a.customerId) ?? []).filter((d) => d <= T));
  const bought = book.accounts.map((a) => (daysOf.get(a.customerId) ?? []).some((d) => d > T && d <= H));
  const alive = book.accounts.map((a) => a.churnDay >= T);
  const scores = bayesB2bScores(histories, T, H, prior);

  /** |observed − expected| in standard deviations, over the accounts `members`. */
  const zScore = (p: Float64Array, outcome: boolean[], members: number[]) => {
    let expected = 0;
    let variance = 0;
    let observed = 0;
    for (const i of members) {
      expected += p[i];
      variance += p[i] * (1 - p[i]);
      observed += outcome[i] ? 1 : 0;
    }
    return { z: (observed - expected) / Math.sqrt(variance), n: members.length };
  };

  it.each([
    ['ordered in the holdout', 'pActive'],
    ['still buying at the calibration end', 'pAlive'],
  ] as const)('is calibrated in fifths of its probability: %s', (_name, key) => {
    const p = scores[key];
    const outcome = key === 'pActive' ? bought : alive;
    const order = Array.from(p.keys()).sort((i, j) => p[i] - p[j]);
    for (let fifth = 0; fifth < 5; fifth++) {
      const members = order.slice((fifth * order.length) / 5, ((fifth + 1) * order.length) / 5);
      const { z } = zScore(p, outcome, members);
      expect(Math.abs(z)).toBeLessThan(4);
    }
  });

  it('matches the commonest histories one by one (accounts that all start on one day)', () => {
    const sameStart = simulateB2bBook({ accounts: 60_000, seed: 4, start, end: '2024-04-30', acquisitionEnd: start, medianGapDays: 20 });
    const t = toDayNumber(start) + 60;
    const h = t + 60;
    const groups = new Map<string, { days: number[]; n: number; bought: number; alive: number }>();
    const daysOfSame = new Map<string, number[]>();
    for (const order of sameStart.orders) daysOfSame.set(order.customerId, [...(daysOfSame.get(order.customerId) ?? []), toDayNumber(order.date)]);
    for (const account of sameStart.accounts) {
      const days = daysOfSame.get(account.customerId) ?? [];
      const calibration = days.filter((d) => d <= t);
      const group = groups.get(calibration.join(',')) ?? { days: calibration, n: 0, bought: 0, alive: 0 };
      group.n++;
      if (days.some((d) => d > t && d <= h)) group.bought++;
      if (account.churnDay >= t) group.alive++;
      groups.set(calibration.join(','), group);
    }
    const common = [...groups.values()].filter((g) => g.n >= 300);
    expect(common.length).toBeGreaterThanOrEqual(5);
    const p = bayesB2bScores(common.map((g) => g.days), t, h, prior, { shapeNodes: 16, logGapStep: 0.02, spreadSds: 4.5 });
    common.forEach((group, i) => {
      for (const [probability, count] of [
        [p.pActive[i], group.bought],
        [p.pAlive[i], group.alive],
      ] as const) {
        expect(Math.abs(count - group.n * probability)).toBeLessThan(4 * Math.sqrt(group.n * probability * (1 - probability)) + 1);
      }
    });
  });
});
