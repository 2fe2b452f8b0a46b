// Issue 17's defect: a book-wide refit after an unrelated import of 5,000 other customers must not swing one
// account's probability from 1% to 99% without new data for that account.
import { describe, expect, it } from 'vitest';
import { scoreBook, type AccountOrder } from '../../../lib/insights/risk';
import { trackRecordText } from '../../../lib/words/risk';
import { scenarioOrders, TODAY } from './scenario';
import { random } from '../../support/random';

/** 5,000 retail-like customers: most buy once or twice in the last two years (CDNOW's shape), none of them ours. */
function unrelatedCustomers(): AccountOrder[] {
  const rand = random(99);
  const orders: AccountOrder[] = [];
  const today = Date.parse(`${TODAY}T00:00:00Z`);
  for (let i = 0; i < 5000; i++) {
    const first = Math.floor(rand() * 700);
    const repeats = rand() < 0.6 ? 0 : Math.floor(rand() * 4);
    for (let r = 0; r <= repeats; r++) {
      const ago = Math.max(0, first - Math.floor(rand() * first));
      orders.push({ accountId: `retail-${i}`, date: new Date(today - (r === 0 ? first : ago) * 86_400_000).toISOString().slice(0, 10), amount: 20 + rand() * 80, currency: 'EUR' });
    }
  }
  return orders;
}

describe('a refit after an unrelated import', () => {
  it('leaves the probabilities of the accounts whose data did not change where they were', () => {
    const ours = scenarioOrders();
    const before = new Map(scoreBook(ours, { today: TODAY, asOf: TODAY }).scores.toArray().map((s) => [s.accountId, s]));
    // The 5,000 come from another file (another order source): the background passes each account's source.
    const segmentOf = (id: string) => (id.startsWith('retail-') ? 'feed-retail' : 'feed-ours');
    const { scores, model } = scoreBook([...ours, ...unrelatedCustomers()], { today: TODAY, asOf: TODAY, segmentOf });
    const after = new Map(scores.toArray().map((s) => [s.accountId, s]));
    expect(model.segments?.map((s) => s.id).sort()).toEqual(['feed-ours', 'feed-retail']);
    expect(trackRecordText(model, TODAY)).toMatch(/^2 order sources are scored with a model each\. For the largest \(5,000 accounts\): checked on your orders: /);
    const swings: string[] = [];
    for (const [id, was] of before) {
      const now = after.get(id)!;
      // Repeat buyers with a history of their own: their probability is theirs, not the book's.
      if (was.orderCount < 5) continue;
      const flipped = (was.pActive! < 0.05 && now.pActive! > 0.5) || (was.pActive! > 0.5 && now.pActive! < 0.05);
      if (flipped || Math.abs(now.pActive! - was.pActive!) > 0.35) swings.push(`${id}: ${was.pActive!.toFixed(2)} → ${now.pActive!.toFixed(2)}`);
    }
    expect(swings).toEqual([]);
    expect(after.get('food-manufacturer')!.level).toBe('high');
    expect(after.get('steady-bakery')!.level).toBe('low');
  });
});
