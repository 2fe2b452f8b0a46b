import { describe, expect, it } from 'vitest';
import { scoreAccounts } from '../../../lib/insights/risk';
import { LapseRisk } from '../../../lib/model/insight';
import { riskWords } from '../../../lib/words/risk';
import { scenarioOrders, TODAY } from './scenario';

/** A score with the words a rep reads (lib/words/risk.ts). */
const said = (risk: LapseRisk) => ({ ...risk, ...riskWords(risk) });

describe('scoreAccounts', () => {
  const scores = scoreAccounts(scenarioOrders(), { today: TODAY }).map(said);
  const byId = new Map(scores.map((score) => [score.accountId, score]));

  it('returns one valid LapseRisk per account', () => {
    expect(new Set(scores.map((s) => s.accountId)).size).toBe(scores.length);
    for (const score of scores) expect(LapseRisk.safeParse(score).success).toBe(true);
  });

  it('tells scenario 1: every 21-28 days for two years, silent for 77 days → high risk, in plain words', () => {
    const risk = byId.get('food-manufacturer')!;
    expect(risk.level).toBe('high');
    expect(risk.headline).toBe('High lapse risk');
    expect(risk.thinEvidence).toBe(false);
    expect(risk.daysSinceLastOrder).toBe(77);
    expect(risk.medianGapDays).toBe(24);
    expect(risk.explanation[0]).toBe('usually orders every 24 days; nothing for 77 days (3.2× the usual gap)');
    expect(risk.explanation[1]).toMatch(/^\d{1,2}% chance it is still an active buyer$/);
    expect(risk.pAlive!).toBeLessThan(0.5);
    expect(risk.explanation).toContain('about €41,000 a year at stake');
    expect(risk.explanation[3]).toMatch(/^expected orders in the next 90 days: \d\.\d \(was [34]\.\d\)$/);
    expect(risk.expectedOrdersNext90!).toBeLessThan(risk.expectedOrdersNext90IfActive!);
    expect(risk.valueAtRisk!).toBeGreaterThan(10_000);
    expect(risk.currency).toBe('EUR');
  });

  it('keeps a steady customer low', () => {
    const risk = byId.get('steady-bakery')!;
    expect(risk.level).toBe('low');
    expect(risk.headline).toBe('Low lapse risk');
    expect(risk.pAlive!).toBeGreaterThan(0.9);
    expect(risk.explanation[0]).toMatch(/^usually orders every 2\d days; last order 10 days ago$/);
  });

  it('marks long-gone buyers high and one-order accounts as thin evidence with a cohort statement', () => {
    for (const score of scores.filter((s) => s.accountId.startsWith('stopped-') && (s.daysSinceLastOrder ?? 0) > 300)) {
      expect(score.level).toBe('high');
    }
    const once = scores.filter((s) => s.accountId.startsWith('once-'));
    expect(once.length).toBe(10);
    for (const score of once) {
      expect(score.thinEvidence).toBe(true);
      expect(score.pAlive).toBeUndefined();
      expect(score.explanation[0]).toMatch(/^only one order so far: \d+% of accounts that ordered once ordered again within 90 days$/);
      expect(score.level).toBe((score.daysSinceLastOrder ?? 0) > 90 ? 'watch' : 'unknown');
    }
  });

  it('ignores orders after today and copes with a book too small to fit', () => {
    const tiny = scoreAccounts(
      [
        { accountId: 'a', date: '2025-01-01', amount: 100, currency: 'USD' },
        { accountId: 'a', date: '2025-02-01', amount: 100, currency: 'USD' },
        { accountId: 'a', date: '2025-03-01', amount: 100, currency: 'USD' },
        { accountId: 'a', date: '2025-12-01', amount: 100, currency: 'USD' },
        { accountId: 'b', date: '2025-12-01', amount: 100 },
      ],
      { today: '2025-06-30' },
    ).map(said);
    expect(tiny).toHaveLength(1);
    expect(tiny[0]).toMatchObject({ accountId: 'a', orderCount: 3, level: 'high', thinEvidence: true, daysSinceLastOrder: 121 });
    expect(tiny[0].explanation.join(' ')).toContain('judged on the gap alone');
  });
});
