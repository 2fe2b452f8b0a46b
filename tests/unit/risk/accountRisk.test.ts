import { describe, expect, it } from 'vitest';
import { scoreAccounts, scoreBook, type AccountOrder } from '../../../lib/insights/risk';
import { LapseRisk } from '../../../lib/model/insight';
import { riskWords, trackRecordText } from '../../../lib/words/risk';
import { scenarioOrders, TODAY } from './scenario';

/** A score with the words a rep reads on `today` (lib/words/risk.ts). */
const said = (risk: LapseRisk, today = TODAY) => ({ ...risk, ...riskWords(risk, { today }) });

describe('scoreAccounts: one model per book, chosen by a backtest on the book itself', () => {
  const { scores: raw, model } = scoreBook(scenarioOrders(), { today: TODAY, asOf: TODAY });
  const scores = raw.toArray().map((s) => said(s));
  const byId = new Map(scores.map((score) => [score.accountId, score]));

  it('returns one valid LapseRisk per account, every one with a probability', () => {
    expect(new Set(scores.map((s) => s.accountId)).size).toBe(scores.length);
    for (const score of raw) {
      expect(LapseRisk.safeParse(score).success).toBe(true);
      expect(score.pActive, score.accountId).toBeTypeOf('number');
      expect(score.valueAtRisk!, score.accountId).toBeLessThanOrEqual(score.annualValue!);
    }
  });

  it('names the model it chose and its track record on this book', () => {
    expect(model.chosenBy).toBe('backtest');
    expect(model.candidates!.map((c) => c.label.replace(/ \(k=\d+\)$/, '')).sort()).toEqual(['BG/NBD', 'BG/NBD + Pareto/NBD mixture', 'MBG/CNBD-k']);
    const best = model.candidates!.reduce((p, q) => (q.brier < p.brier ? q : p));
    expect(model.label).toBe(best.label);
    expect(trackRecordText(model, TODAY)).toMatch(/^Checked on your orders: of the \d+ accounts this would have flagged high on \d+ \w+, (\d+%|all|none) placed no order in the next 90 days; it caught (\d+%|all|none) of the \d+ accounts that stopped\.$/);
  });

  it('tells scenario 1: every 21-28 days for two years, silent for 77 days → high risk, in plain words', () => {
    const risk = byId.get('food-manufacturer')!;
    expect(risk.level).toBe('high');
    expect(risk.headline).toBe('High lapse risk');
    expect(risk.thinEvidence).toBe(false);
    expect(risk.daysSinceLastOrder).toBe(77);
    expect(risk.medianGapDays).toBe(24);
    expect(risk.explanation[0]).toBe('usually orders every 24 days; nothing for 77 days (3.2× the usual gap)');
    expect(risk.explanation[1]).toMatch(/^(less than 1|\d{1,2})% chance of an order in the next 90 days$/);
    expect(risk.pActive!).toBeLessThan(0.2);
    expect(risk.explanation).toContain('about €41,000 a year at stake');
    expect(risk.explanation[3]).toMatch(/^expected orders in the next 90 days: \d\.\d$/);
    expect(risk.valueAtRisk!).toBeGreaterThan(10_000);
    expect(risk.currency).toBe('EUR');
  });

  it('keeps a steady customer low', () => {
    const risk = byId.get('steady-bakery')!;
    expect(risk.level).toBe('low');
    expect(risk.headline).toBe('Low lapse risk');
    expect(risk.pActive!).toBeGreaterThan(0.8);
    expect(risk.explanation[0]).toMatch(/^usually orders every 2\d days; last order 10 days ago$/);
  });

  it('marks long-gone buyers high, and gives one-order accounts a probability too', () => {
    for (const score of scores.filter((s) => s.accountId.startsWith('stopped-') && (s.daysSinceLastOrder ?? 0) > 300)) {
      expect(score.level, score.accountId).toBe('high');
    }
    const once = scores.filter((s) => s.accountId.startsWith('once-'));
    expect(once.length).toBe(10);
    for (const score of once) {
      expect(score.thinEvidence).toBe(true);
      expect(score.explanation[0]).toMatch(/^only one order so far, \d+ days ago$/);
      expect(score.explanation[1]).toMatch(/chance of an order in the next 90 days$/);
    }
  });
});

describe('as of the data, not the clock', () => {
  // A weekly buyer in an export whose newest order is 61 days old (exported two months ago): issue 13's repro.
  const weekly = (id: string, lastDaysBeforeExport: number): AccountOrder[] =>
    Array.from({ length: 80 }, (_, i) => ({ accountId: id, date: isoDaysBefore('2026-10-01', lastDaysBeforeExport + 7 * i), amount: 500, currency: 'EUR' }));
  const book = [...Array.from({ length: 30 }, (_, i) => weekly(`weekly-${i}`, i % 3)).flat(), ...weekly('stopped', 70)];

  it('measures silence to the as-of date: a two-month-old export does not make weekly buyers lapsed', () => {
    const today = '2026-12-01';
    const scores = scoreAccounts(book, { today });
    const weeklyBuyer = scores.find((s) => s.accountId === 'weekly-0')!;
    expect(weeklyBuyer.asOf).toBe('2026-10-01');
    expect(weeklyBuyer.daysSinceLastOrder).toBe(0);
    expect(weeklyBuyer.level).toBe('low');
    expect(scores.filter((s) => s.level === 'high').map((s) => s.accountId)).toEqual(['stopped']);
    const words = riskWords(weeklyBuyer, { today });
    expect(words.explanation[0]).toBe('order data as of 1 Oct (61 days old) — import a fresh export');
    // Within the threshold (a setting) the data is not called stale.
    expect(riskWords(weeklyBuyer, { today, staleAfterDays: 90 }).explanation[0]).toMatch(/^usually orders every 7 days; last order today$/);
  });

  it('takes each account’s own as-of date, and ignores orders after it', () => {
    const scores = scoreAccounts(book, { today: '2026-12-01', asOf: (id) => (id === 'stopped' ? '2026-08-01' : undefined) });
    const stopped = scores.find((s) => s.accountId === 'stopped')!;
    expect(stopped.asOf).toBe('2026-08-01');
    expect(stopped.daysSinceLastOrder).toBe(isoDiff('2026-08-01', stopped.lastOrderDate!));
  });

  it('copes with a book too small for a backtest: the model’s own probabilities set the levels', () => {
    const tiny: AccountOrder[] = [
      { accountId: 'a', date: '2025-01-01', amount: 100, currency: 'USD' },
      { accountId: 'a', date: '2025-02-01', amount: 100, currency: 'USD' },
      { accountId: 'a', date: '2025-03-01', amount: 100, currency: 'USD' },
      { accountId: 'a', date: '2025-12-01', amount: 100, currency: 'USD' },
      { accountId: 'b', date: '2025-12-01', amount: 100 },
    ];
    const { scores, model } = scoreBook(tiny, { today: '2025-06-30', asOf: '2025-06-30' });
    expect(scores).toHaveLength(1);
    expect(scores.at(0)).toMatchObject({ accountId: 'a', orderCount: 3, daysSinceLastOrder: 121, asOf: '2025-06-30' });
    expect(model.chosenBy === 'too-little-history' || model.chosenBy === 'no-fit').toBe(true);
    expect(trackRecordText(model, '2025-06-30')).toMatch(/^(Not checked on your orders yet|No lapse model could be fitted)/);
  });
});

function isoDaysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
function isoDiff(a: string, b: string): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
}
