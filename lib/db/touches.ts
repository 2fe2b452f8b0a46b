// Remembered touches: one per message of a conversation the rep opened, written by the background only
// (lib/service/capture.ts), read by the sidebar build and rescoring. Since v8 they live in store `touchBuckets`, one
// record per account holding all of that account's remembered messages (and, for companies not in the book, one per
// company domain, see touchBucketId): the sidebar reads an account's 2,000 messages with one get instead of 2,000 records
// from an index (IndexedDB pays per record read: 100,000 remembered messages made the sidebar 70 ms slower, issue 16).
// The bucket's multiEntry indexes find a message (`ids`), a conversation (`conversations`) and the retention limit's
// victims (`oldest`) without reading touches. Every writer goes through this module, which keeps one invariant: a
// message id is in at most one bucket, and a bucket's keys are those of its touches.
import type { IDBPObjectStore } from 'idb';
import type { Touch } from '../model/records';
import type { RememberedCount } from '../model/insight';
import type { Db, KeepAccountDB, KeepAccountStore, TouchBucket } from './schema';
import type { ReadOnlyDb } from './readOnly';

/**
 * A touch's bucket: its account's id; for a touch tied to no account (remembered with "remember new companies too"),
 * U+0000 and the other side's address domain (no account id starts so), so that no bucket grows with every unknown
 * company a rep writes to (a bucket is rewritten whole on every add).
 */
export function touchBucketId(touch: Pick<Touch, 'accountId' | 'direction' | 'from' | 'to'>): string {
  if (touch.accountId !== undefined) return touch.accountId;
  const other = touch.direction === 'in' ? touch.from.email : (touch.to[0]?.email ?? '');
  return `\u0000${other.slice(other.lastIndexOf('@') + 1).toLowerCase()}`;
}

/**
 * A conversation's key in the bucket: its thread ("site:thread id"), or for a message remembered before thread ids
 * were kept (v6), which has none, the message's own id after U+0000 (no thread key starts so): a conversation of its own.
 */
const conversationOf = (touch: Touch): string => touch.thread ?? `\u0000${touch.id}`;

/** The stored record of a bucket's touches, its keys computed from them (touches in id order, as the old store kept them). */
export function touchBucket(id: string, touches: readonly Touch[]): TouchBucket {
  const sorted = [...touches].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let oldest = sorted[0]?.date ?? '';
  for (const touch of sorted) if (touch.date < oldest) oldest = touch.date;
  return { id, touches: sorted, ids: sorted.map((t) => t.id), conversations: [...new Set(sorted.map(conversationOf))], oldest };
}

/** Touches grouped into their buckets, the first of each message id kept (a restore's or a migration's input). */
export function groupTouchBuckets(touches: Iterable<Touch>): TouchBucket[] {
  const seen = new Set<string>();
  const groups = new Map<string, Touch[]>();
  for (const touch of touches) {
    if (seen.has(touch.id)) continue;
    seen.add(touch.id);
    const id = touchBucketId(touch);
    const group = groups.get(id);
    if (group) group.push(touch);
    else groups.set(id, [touch]);
  }
  return [...groups].map(([id, group]) => touchBucket(id, group));
}

/** The bucket store of any read-write transaction that holds it (only the methods used here). */
type BucketStore = Pick<IDBPObjectStore<KeepAccountDB, ArrayLike<KeepAccountStore>, 'touchBuckets', 'readwrite'>, 'get' | 'getAllKeys' | 'put' | 'delete'>;

/** Puts the bucket, or deletes it when it holds no touch. */
function writeBucket(store: BucketStore, id: string, touches: readonly Touch[]): Promise<unknown> {
  return touches.length ? store.put(touchBucket(id, touches)) : store.delete(id);
}

/**
 * Adds the touches not already remembered, in one transaction; a remembered one is never changed (opening the
 * conversation again adds nothing, and a page cannot rewrite what was remembered). Returns how many were added.
 */
export async function addTouches(db: Db, touches: readonly Touch[]): Promise<number> {
  if (!touches.length) return 0;
  const tx = db.transaction('touchBuckets', 'readwrite');
  const done = tx.done;
  const seen = new Set<string>();
  const unique = touches.filter((touch) => !seen.has(touch.id) && Boolean(seen.add(touch.id)));
  const present = await Promise.all(unique.map((touch) => tx.store.index('ids').getKey(touch.id)));
  const fresh = unique.filter((_, i) => present[i] === undefined);
  const byBucket = new Map<string, Touch[]>();
  for (const touch of fresh) {
    const id = touchBucketId(touch);
    const group = byBucket.get(id);
    if (group) group.push(touch);
    else byBucket.set(id, [touch]);
  }
  const ids = [...byBucket.keys()];
  const stored = await Promise.all(ids.map((id) => tx.store.get(id)));
  await Promise.all([...ids.map((id, i) => writeBucket(tx.store, id, [...(stored[i]?.touches ?? []), ...byBucket.get(id)!])), done]);
  return fresh.length;
}

/** An account's remembered messages: one read. */
export async function touchesOfAccount(db: ReadOnlyDb, accountId: string): Promise<Touch[]> {
  return (await db.get('touchBuckets', accountId))?.touches ?? [];
}

type ReadStore = Pick<IDBPObjectStore<KeepAccountDB, ArrayLike<KeepAccountStore>, 'touchBuckets', 'readonly' | 'readwrite'>, 'getAll'>;

/** Every remembered message, read in a transaction that holds `touchBuckets` (a backup's, a relink's). */
export async function touchesIn(store: ReadStore): Promise<Touch[]> {
  return (await store.getAll()).flatMap((bucket) => bucket.touches);
}

export async function allTouches(db: ReadOnlyDb): Promise<Touch[]> {
  return touchesIn(db.transaction('touchBuckets').store);
}

/** How many messages are remembered (the `ids` index has one key per message). */
export async function countTouches(db: ReadOnlyDb): Promise<number> {
  return db.countFromIndex('touchBuckets', 'ids');
}

/** How many of these message ids ("site:message id") are remembered: what the sidebar says of the conversation on screen. */
export async function countRememberedIds(db: ReadOnlyDb, ids: readonly string[]): Promise<number> {
  const tx = db.transaction('touchBuckets');
  const found = await Promise.all(ids.map((id) => tx.store.index('ids').getKey(id)));
  return found.filter((key) => key !== undefined).length;
}

/** How many conversations and messages are remembered: the distinct keys of the `conversations` index, and of `ids`. */
export async function countRemembered(db: ReadOnlyDb): Promise<RememberedCount> {
  const tx = db.transaction('touchBuckets');
  const messages = await tx.store.index('ids').count();
  let conversations = 0;
  for (let cursor = await tx.store.index('conversations').openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) conversations += 1;
  return { conversations, messages };
}

/** Forgets the touches older than `cutoff` (yyyy-mm-dd, exclusive): the retention limit. Returns how many went. */
export async function forgetTouchesBefore(db: Db, cutoff: string): Promise<number> {
  const tx = db.transaction('touchBuckets', 'readwrite');
  const done = tx.done;
  const buckets = await tx.store.index('oldest').getAll(IDBKeyRange.upperBound(cutoff, true));
  let gone = 0;
  const writes = buckets.map((bucket) => {
    const kept = bucket.touches.filter((touch) => touch.date >= cutoff);
    gone += bucket.touches.length - kept.length;
    return writeBucket(tx.store, bucket.id, kept);
  });
  await Promise.all([...writes, done]);
  return gone;
}

/**
 * Forgets the given messages and, with `thread` ("site:thread id", Touch.thread), every message of that conversation
 * ("Forget this conversation"), in one transaction. Returns how many were remembered and are gone.
 */
export async function forgetTouches(db: Db, ids: readonly string[], thread?: string): Promise<number> {
  const tx = db.transaction('touchBuckets', 'readwrite');
  const done = tx.done;
  const forget = new Set(ids);
  const [byId, byThread] = await Promise.all([
    Promise.all(ids.map((id) => tx.store.index('ids').getKey(id))),
    thread === undefined ? [] : tx.store.index('conversations').getAllKeys(thread),
  ]);
  const bucketIds = [...new Set([...byId, ...byThread].filter((key): key is string => key !== undefined))];
  const buckets = await Promise.all(bucketIds.map((id) => tx.store.get(id)));
  let gone = 0;
  const writes = buckets.map((bucket, i) => {
    const kept = (bucket?.touches ?? []).filter((touch) => !forget.has(touch.id) && (thread === undefined || touch.thread !== thread));
    gone += (bucket?.touches.length ?? 0) - kept.length;
    return writeBucket(tx.store, bucketIds[i]!, kept);
  });
  await Promise.all([...writes, done]);
  return gone;
}

/**
 * Moves the touches of accounts that went into others (`moves`: absorbed id → surviving id) into the survivors'
 * buckets, their account id rewritten: a relink's step, in its transaction.
 */
export async function moveTouches(store: BucketStore, moves: ReadonlyMap<string, string>): Promise<void> {
  // The buckets' ids first (one per account with remembered messages): a relink moves thousands of order-log stubs, with none.
  const stored = new Set(await store.getAllKeys());
  const from = [...moves.keys()].filter((id) => stored.has(id));
  const found = await Promise.all(from.map((id) => store.get(id)));
  const arriving = new Map<string, Touch[]>();
  from.forEach((id, i) => {
    if (!found[i]) return;
    const into = moves.get(id)!;
    arriving.set(into, [...(arriving.get(into) ?? []), ...found[i]!.touches.map((touch) => ({ ...touch, accountId: into }))]);
  });
  if (!arriving.size) return;
  const intoIds = [...arriving.keys()];
  const intoBuckets = await Promise.all(intoIds.map((id) => (stored.has(id) && !moves.has(id) ? store.get(id) : undefined)));
  await Promise.all([
    ...from.filter((_, i) => found[i]).map((id) => store.delete(id)),
    ...intoIds.map((id, i) => writeBucket(store, id, [...(intoBuckets[i]?.touches ?? []), ...arriving.get(id)!])),
  ]);
}

/** Forgets every remembered touch (the Data page's delete). */
export async function forgetAllTouches(db: Db): Promise<void> {
  await db.clear('touchBuckets');
}
