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
 * Both facts the scoring run needs per account, in one pass over the orders:
 * - `asOf`: the account's as-of day, the latest as-of of the feeds its orders came from. Orders with no feed (imported
 *   before feeds existed, a restored backup, the demo) count as one source complete to its own newest order.
 * - `feedOf`: the account's population for the lapse model, the order source holding most of its lines ("unfed" for
 *   lines with no known source; the first such source on a tie). Each source is scored with a model of its own
 *   (lib/insights/risk scoreBook `segmentOf`).
 */
export function accountFeeds(orders: readonly Order[], feeds: readonly OrderFeed[]): { asOf: Map<string, string>; feedOf: Map<string, string> } {
  const feedAsOf = new Map(feeds.map((f) => [f.id, f.asOf]));
  let unfed = '';
  /** Per account: the latest as-of of its known feeds, whether it has unfed lines, and its lines per feed. */
  const byAccount = new Map<string, { asOf: string; unfed: boolean; counts: Map<string, number> }>();
  for (const o of orders) {
    let facts = byAccount.get(o.accountId);
    if (!facts) byAccount.set(o.accountId, (facts = { asOf: '', unfed: false, counts: new Map() }));
    const known = o.feed ? feedAsOf.get(o.feed) : undefined;
    if (known === undefined) {
      if (o.date > unfed) unfed = o.date;
      facts.unfed = true;
    } else if (known > facts.asOf) facts.asOf = known;
    const feed = known === undefined ? 'unfed' : o.feed!;
    facts.counts.set(feed, (facts.counts.get(feed) ?? 0) + 1);
  }
  const asOf = new Map<string, string>();
  const feedOf = new Map<string, string>();
  for (const [account, facts] of byAccount) {
    asOf.set(account, facts.unfed && unfed > facts.asOf ? unfed : facts.asOf);
    feedOf.set(account, [...facts.counts].reduce((p, q) => (q[1] > p[1] ? q : p))[0]);
  }
  return { asOf, feedOf };
}

/** Each account's as-of day (accountFeeds). */
export function asOfByAccount(orders: readonly Order[], feeds: readonly OrderFeed[]): Map<string, string> {
  return accountFeeds(orders, feeds).asOf;
}

/** Each account's population for the lapse model (accountFeeds). */
export function feedOfAccount(orders: readonly Order[], feeds: readonly OrderFeed[]): Map<string, string> {
  return accountFeeds(orders, feeds).feedOf;
}
