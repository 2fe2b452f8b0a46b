// Remembered touches (store `touches`, since v6): one record per message of a conversation the rep opened, keyed
// "site:message id". Written by the background only (lib/service/capture.ts), read by the sidebar build and rescoring.
import type { Touch } from '../model/records';
import type { RememberedCount } from '../model/insight';
import type { Db } from './schema';
import type { ReadOnlyDb } from './readOnly';

/**
 * Adds the touches not already remembered, in one transaction; a remembered one is never changed (opening the
 * conversation again adds nothing, and a page cannot rewrite what was remembered). Returns how many were added.
 */
export async function addTouches(db: Db, touches: readonly Touch[]): Promise<number> {
  if (!touches.length) return 0;
  const tx = db.transaction('touches', 'readwrite');
  const store = tx.objectStore('touches');
  const present = await Promise.all(touches.map((touch) => store.getKey(touch.id)));
  const fresh = touches.filter((_, i) => present[i] === undefined);
  await Promise.all([...fresh.map((touch) => store.add(touch)), tx.done]);
  return fresh.length;
}

export async function touchesOfAccount(db: ReadOnlyDb, accountId: string): Promise<Touch[]> {
  return db.getAllFromIndex('touches', 'accountId', accountId);
}

export async function allTouches(db: ReadOnlyDb): Promise<Touch[]> {
  return db.getAll('touches');
}

export async function countTouches(db: ReadOnlyDb): Promise<number> {
  return db.count('touches');
}

/**
 * How many conversations and messages are remembered: one conversation per thread id (index `thread`, walked by its
 * unique keys), and one for each message remembered before thread ids were kept (v6), which has none.
 */
export async function countRemembered(db: ReadOnlyDb): Promise<RememberedCount> {
  const tx = db.transaction('touches');
  const index = tx.store.index('thread');
  const [messages, threaded] = await Promise.all([tx.store.count(), index.count()]);
  let threads = 0;
  for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) threads += 1;
  return { conversations: threads + messages - threaded, messages };
}

/** Forgets the touches older than `cutoff` (yyyy-mm-dd, exclusive): the retention limit. Returns how many went. */
export async function forgetTouchesBefore(db: Db, cutoff: string): Promise<number> {
  const tx = db.transaction('touches', 'readwrite');
  const keys = await tx.store.index('date').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
  await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
  return keys.length;
}

/**
 * Forgets the given messages and, with `thread` ("site:thread id", Touch.thread), every message of that conversation
 * ("Forget this conversation"), in one transaction. Returns how many were remembered and are gone.
 */
export async function forgetTouches(db: Db, ids: readonly string[], thread?: string): Promise<number> {
  const tx = db.transaction('touches', 'readwrite');
  const keys = new Set<string>(ids);
  if (thread !== undefined) for (const key of await tx.store.index('thread').getAllKeys(thread)) keys.add(key);
  const present = await Promise.all([...keys].map((key) => tx.store.getKey(key)));
  await Promise.all([...[...keys].map((key) => tx.store.delete(key)), tx.done]);
  return present.filter((key) => key !== undefined).length;
}

/** Forgets every remembered touch (the Data page's delete). */
export async function forgetAllTouches(db: Db): Promise<void> {
  await db.clear('touches');
}
