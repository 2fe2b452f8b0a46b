import { describe, expect, it } from 'vitest';
import { accountFeeds, asOfByAccount, feedOfAccount, feedsOf } from '../../../lib/db/feeds';
import type { ImportRecord, Order } from '../../../lib/model/records';

const record = (feed: string, asOf: string, importedAt: string): ImportRecord => ({
  id: `${importedAt}-${feed}`, fileName: `${feed}.csv`, source: 'order-log', kind: 'orders', rowsRead: 1, rowsImported: 1, rowsRejected: 0, importedAt, feed, asOf,
});
const order = (accountId: string, date: string, feed?: string): Order => ({ id: `${accountId}-${date}`, accountId, date, amount: 1, ...(feed ? { feed } : {}) });

describe('order sources and their as-of dates', () => {
  it('take the latest import of each feed from the history (so a backup carries them)', () => {
    const feeds = feedsOf([record('erp', '2026-09-30', '2026-10-01T08:00:00Z'), record('erp', '2026-11-30', '2026-12-01T08:00:00Z'), record('shop', '2026-11-15', '2026-11-16T08:00:00Z')]);
    expect(feeds.map((f) => [f.id, f.asOf])).toEqual([['erp', '2026-11-30'], ['shop', '2026-11-15']]);
  });

  it('give each account the as-of date of the newest source holding its orders, and its main source', () => {
    const feeds = feedsOf([record('erp', '2026-11-30', '2026-12-01T08:00:00Z'), record('shop', '2026-10-01', '2026-10-02T08:00:00Z')]);
    const orders = [order('a', '2026-08-01', 'shop'), order('a', '2026-09-01', 'shop'), order('a', '2026-07-01', 'erp'), order('b', '2026-09-20', 'shop'), order('c', '2026-05-05')];
    const asOf = asOfByAccount(orders, feeds);
    expect(asOf.get('a')).toBe('2026-11-30'); // the ERP export is complete to 30 Nov, so a's silence runs to then
    expect(asOf.get('b')).toBe('2026-10-01');
    expect(asOf.get('c')).toBe('2026-05-05'); // no known source: the unfed orders are one source, complete to their newest
    const feedOf = feedOfAccount(orders, feeds);
    expect([feedOf.get('a'), feedOf.get('b'), feedOf.get('c')]).toEqual(['shop', 'shop', 'unfed']);
  });

  it('one pass gives both: unfed lines newer than a known source, a tie of sources, a source no history names', () => {
    const feeds = feedsOf([record('erp', '2026-11-30', '2026-12-01T08:00:00Z'), record('shop', '2026-10-01', '2026-10-02T08:00:00Z')]);
    const orders = [
      order('a', '2026-06-01', 'erp'), order('a', '2026-06-02', 'shop'), // a tie: the first source wins
      order('b', '2026-09-01', 'shop'), order('b', '2026-12-05'), // an unfed line newer than the shop's as-of
      order('c', '2026-01-01', 'gone'), order('c', '2026-01-02', 'gone'), order('c', '2026-01-03', 'erp'), // "gone" is in no history: unfed
    ];
    const { asOf, feedOf } = accountFeeds(orders, feeds);
    expect(Object.fromEntries(asOf)).toEqual({ a: '2026-11-30', b: '2026-12-05', c: '2026-12-05' });
    expect(Object.fromEntries(feedOf)).toEqual({ a: 'erp', b: 'shop', c: 'unfed' });
    expect(asOfByAccount(orders, feeds)).toEqual(asOf);
    expect(feedOfAccount(orders, feeds)).toEqual(feedOf);
  });
});
