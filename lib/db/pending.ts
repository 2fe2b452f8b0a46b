import { unwrap } from 'idb';
import type { ReadOnlyDb } from './readOnly';
import type { Db } from './schema';

// A rescore the service worker never finished (Chromium stops an idle or busy worker whenever it likes) is finished
// on its next wake-up. Every write that changes what the scores depend on (an import, a restore) counts one more
// data version in the same transaction; a scoring run stores, in the transaction of its scores, the data version it
// read before it read the data. A wake-up that finds the data newer than the scores rescores.

export const DATA_VERSION_KEY = 'dataVersion';
export const SCORED_VERSION_KEY = 'scoredVersion';

/** In a data-changing transaction that includes the `meta` store: one more change the scores do not know yet. */
export function countDataChange(tx: IDBTransaction): void {
  const meta = tx.objectStore('meta');
  const request = meta.get(DATA_VERSION_KEY);
  request.onsuccess = () => meta.put({ key: DATA_VERSION_KEY, value: versionOf(request.result) + 1 });
}

/**
 * One more change, in a transaction of its own, for a change written in another (a link or its undo, lib/db/linking.ts):
 * counted right after it commits, so that a worker stopped during the rescore that follows finishes it on waking.
 */
export async function countDataChangeNow(db: Db): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  countDataChange(unwrap(tx) as unknown as IDBTransaction);
  await tx.done;
}

const versionOf = (entry: unknown): number => {
  const value = (entry as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

/** The data version as stored now (0 before the first counted change). */
export async function dataVersion(db: ReadOnlyDb): Promise<number> {
  return versionOf(await db.get('meta', DATA_VERSION_KEY));
}

/** True when data changed after the stored scores were computed from it (an interrupted or missed rescore). */
export async function rescoreDue(db: ReadOnlyDb): Promise<boolean> {
  const tx = db.transaction('meta');
  const [data, scored] = await Promise.all([tx.store.get(DATA_VERSION_KEY), tx.store.get(SCORED_VERSION_KEY)]);
  return versionOf(data) > versionOf(scored);
}
