// Order sources (feeds) and the day each one's data is complete to. A feed is read from the import history: every
// order file's ImportRecord names its feed and as-of date, so the feeds travel in a backup with the history. The
// latest import of a feed says how far it is complete. The scoring run measures every account's silence to the as-of
// day of the newest source that holds its orders.
import type { ImportRecord, Order, OrderFeed } from '../model/records';
import type { ReadOnlyDb } from './readOnly';

/** The feeds of an import history: the latest import of each, newest as-of first. */
export function feedsOf(history: readonly ImportRecord[]): OrderFeed[] {
  const latest = new Map<string, OrderFeed>();
  for (const record of history) {
    if (!record.feed || !record.asOf) continue;
    const known = latest.get(record.feed);
    if (!known || record.importedAt > known.importedAt) latest.set(record.feed, { id: record.feed, label: record.fileName, asOf: record.asOf, importedAt: record.importedAt });
  }
  return [...latest.values()].sort((p, q) => q.asOf.localeCompare(p.asOf));
}

/** Every order source in the database. */
export async function orderFeeds(db: ReadOnlyDb): Promise<OrderFeed[]> {
  return feedsOf(await db.getAll('importHistory'));
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
