// Order sources (feeds) and the day each one's data is complete to, kept in the `meta` store as "orderFeed:<id>"
// (written by the import worker in the file's own transaction). The scoring run measures every account's silence to
// the as-of day of the newest source that holds its orders.
import { OrderFeed, type Order } from '../model/records';
import type { ReadOnlyDb } from './readOnly';

const PREFIX = 'orderFeed:';
export const orderFeedKey = (id: string): string => `${PREFIX}${id}`;

/** Every order source stored, newest as-of first; a record that no longer reads as a feed is left out. */
export async function orderFeeds(db: ReadOnlyDb): Promise<OrderFeed[]> {
  const records = await db.getAll('meta', IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`));
  return records
    .flatMap((r) => {
      const parsed = OrderFeed.safeParse(r.value);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((p, q) => q.asOf.localeCompare(p.asOf));
}

/**
 * Each account's as-of day: the latest as-of of the feeds its orders came from. Orders with no feed (imported before
 * feeds existed, a restored backup, the demo) count as one source complete to its own newest order.
 */
export function asOfByAccount(orders: readonly Order[], feeds: readonly OrderFeed[]): Map<string, string> {
  const feedAsOf = new Map(feeds.map((f) => [f.id, f.asOf]));
  let unfed = '';
  for (const o of orders) if (!o.feed || !feedAsOf.has(o.feed)) unfed = o.date > unfed ? o.date : unfed;
  const byAccount = new Map<string, string>();
  for (const o of orders) {
    const asOf = (o.feed && feedAsOf.get(o.feed)) || unfed;
    const known = byAccount.get(o.accountId);
    if (!known || asOf > known) byAccount.set(o.accountId, asOf);
  }
  return byAccount;
}

/**
 * Each account's population for the lapse model: the order source holding most of its lines ("unfed" for lines with
 * no known source). Each source is scored with a model of its own (lib/insights/risk scoreBook `segmentOf`).
 */
export function feedOfAccount(orders: readonly Order[], feeds: readonly OrderFeed[]): Map<string, string> {
  const known = new Set(feeds.map((f) => f.id));
  const counts = new Map<string, Map<string, number>>();
  for (const o of orders) {
    const feed = o.feed && known.has(o.feed) ? o.feed : 'unfed';
    let byFeed = counts.get(o.accountId);
    if (!byFeed) counts.set(o.accountId, (byFeed = new Map()));
    byFeed.set(feed, (byFeed.get(feed) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [account, byFeed] of counts) out.set(account, [...byFeed].reduce((p, q) => (q[1] > p[1] ? q : p))[0]);
  return out;
}
