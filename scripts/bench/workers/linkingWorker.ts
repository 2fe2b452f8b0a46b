// Worker body for the linking benchmark in Chromium: the extension's own linking code on a real IndexedDB.
import { openKeepAccountDb } from '../../../lib/db/schema';
import { relinkAccounts } from '../../../lib/db/linking';
import { groupByBucket, mergeBucket } from '../../../lib/db/orders';
import { groupStubsByBucket } from '../../../lib/db/accounts';
import { toStoredAccount, toStoredContact } from '../../../lib/db/repo';
import { resolveAccounts } from '../../../lib/import/link';
import { linkingBook } from '../linkingBook';

const scope = self as unknown as { onmessage: (event: MessageEvent<unknown>) => void; postMessage(value: unknown): void };
/** Decides once in memory, then writes the book; returns only figures, so the 1M order objects are garbage before the timed runs. */
async function setUp(onStubs: number) {
  const { accounts, stubs: all, contacts, orders } = linkingBook(undefined, onStubs);
  // The stubs still unlinked: the customers whose orders are on a stub.
  const stubs = all.slice(0, onStubs);
  const t = performance.now();
  const decided = resolveAccounts([...accounts, ...stubs], contacts).moves.size;
  const decide = performance.now() - t;
  const db = await openKeepAccountDb({ name: `bench-linking-${Date.now()}` });
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets'], 'readwrite', { durability: 'relaxed' });
  const writes: Promise<unknown>[] = accounts.map((a) => tx.objectStore('accounts').put(toStoredAccount(a)));
  for (const [id, group] of groupStubsByBucket(stubs)) writes.push(tx.objectStore('accountStubBuckets').put({ id, stubs: group.map(toStoredAccount) }));
  for (const c of contacts) writes.push(tx.objectStore('contacts').put(toStoredContact(c)));
  for (const [id, group] of groupByBucket(orders)) writes.push(tx.objectStore('orderBuckets').put(mergeBucket(id, undefined, group)));
  await Promise.all([...writes, tx.done]);
  return { db, decided, decide, onStubOrders: orders.filter((o) => o.accountId.startsWith('customer:')).length };
}

scope.onmessage = async (event) => {
  const { db, decided, decide, onStubOrders } = await setUp(event.data as number);
  let t = performance.now();
  const linked = await relinkAccounts(db);
  const relink = performance.now() - t;
  t = performance.now();
  const again = await relinkAccounts(db);
  const noop = performance.now() - t;
  db.close();
  scope.postMessage({ decided, decide, merged: linked.merged, moved: onStubOrders, relink, againMerged: again.merged, noop });
};
