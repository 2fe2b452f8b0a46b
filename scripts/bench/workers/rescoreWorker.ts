// Worker body for the rescoring benchmark in Chromium (scripts/bench/capture-browser.ts): the extension's own rescoring
// (lib/service/rescore.ts, as the background runs it after every import and daily) on a real IndexedDB, for the book
// of scripts/bench/linkingBook.ts already linked (5,000 accounts, 20,000 contacts, the order lines asked for), first
// with no remembered messages, then with 100,000 of them.
import { openKeepAccountDb } from '../../../lib/db/schema';
import { groupByBucket, mergeBucket } from '../../../lib/db/orders';
import { toStoredAccount, toStoredContact } from '../../../lib/db/repo';
import { addTouches } from '../../../lib/db/touches';
import { rescoreAll } from '../../../lib/service/rescore';
import type { Touch } from '../../../lib/model/records';
import { ACCOUNTS, letters, linkingBook } from '../linkingBook';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ME = 'sam@seller.example';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** The i-th remembered message: a customer's person writing to the rep or the rep writing back, in one of 25,000 threads. */
function touch(i: number): Touch {
  const a = i % ACCOUNTS;
  const domain = `customer-${a}.example`;
  const person = { email: `person${i % 4}@${domain}` };
  const day = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const base = { id: `gmail:m${i}`, site: 'gmail' as const, messageId: `m${i}`, thread: `gmail:t${i % 25_000}`, at: `${day}T09:00:00.000Z`, date: day, accountId: domain };
  return i % 2
    ? { ...base, direction: 'out', from: { email: ME }, to: [person], cc: [{ email: `tom.${letters(a)}${letters(i % 7)}@${domain}` }] }
    : { ...base, direction: 'in', from: person, to: [], cc: [{ email: `person${(i + 1) % 4}@${domain}` }] };
}

const scope = self as unknown as { onmessage: (event: MessageEvent<unknown>) => void; postMessage(value: unknown): void };
scope.onmessage = async (event) => {
  const { orders: orderCount, touches: touchCount, runs } = event.data as { orders: number; touches: number; runs: number };
  const { accounts, contacts, orders } = linkingBook(orderCount, 0);
  const db = await openKeepAccountDb({ name: `bench-rescore-${Date.now()}` });
  const tx = db.transaction(['accounts', 'contacts', 'orderBuckets'], 'readwrite', { durability: 'relaxed' });
  const writes: Promise<unknown>[] = accounts.map((a) => tx.objectStore('accounts').put(toStoredAccount(a)));
  for (const c of contacts) writes.push(tx.objectStore('contacts').put(toStoredContact(c)));
  for (const [id, group] of groupByBucket(orders)) writes.push(tx.objectStore('orderBuckets').put(mergeBucket(id, undefined, group)));
  await Promise.all([...writes, tx.done]);
  const rescore = async () => {
    const spent: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await rescoreAll(db, NOW);
      spent.push(performance.now() - t);
    }
    return median(spent);
  };
  const without = await rescore();
  const all = Array.from({ length: touchCount }, (_, i) => touch(i));
  for (let i = 0; i < all.length; i += 10_000) await addTouches(db, all.slice(i, i + 10_000));
  const withTouches = await rescore();
  db.close();
  scope.postMessage({ without, withTouches, touches: touchCount, orders: orderCount });
};
