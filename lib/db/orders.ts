// Orders are stored in buckets: one record per bucket holding every order of the accounts whose id hashes to it
// (schema v3, store `orderBuckets`). IndexedDB costs about the same per put whatever the record's size (~70 µs
// in Chromium), so 200,000 order lines as 256 bucket records commit in a fraction of the time of 200,000 records.
// Every read and write of orders goes through this module; nothing else touches the `orderBuckets` store.
import { unwrap, type IDBPTransaction } from 'idb';
import type { Order } from '../model/records';
import type { Db, KeepAccountDB, KeepAccountStore, OrderBucket } from './schema';

/** How many buckets the orders spread over. Changing it needs a migration that re-buckets every order. */
export const ORDER_BUCKETS = 256;

/** FNV-1a, 32 bits: small, fast and the same in every browser and in Node. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The key of the bucket holding an account's orders: "b:<n>", n = hash(accountId) mod ORDER_BUCKETS. */
export function bucketId(accountId: string): string {
  return `b:${fnv1a(accountId) % ORDER_BUCKETS}`;
}

/** Orders grouped by the bucket they belong in (insertion order kept within a bucket). */
export function groupByBucket(orders: readonly Order[]): Map<string, Order[]> {
  const groups = new Map<string, Order[]>();
  const bucketOfAccount = new Map<string, string>(); // many lines per account: hash each account once
  for (const order of orders) {
    let id = bucketOfAccount.get(order.accountId);
    if (id === undefined) bucketOfAccount.set(order.accountId, (id = bucketId(order.accountId)));
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(order);
  }
  return groups;
}

/** A bucket with `incoming` merged in by order id: last write wins, so merging the same orders twice changes nothing. */
export function mergeBucket(id: string, existing: OrderBucket | undefined, incoming: readonly Order[]): OrderBucket {
  const byId = new Map<string, Order>();
  for (const order of existing?.orders ?? []) byId.set(order.id, order);
  for (const order of incoming) byId.set(order.id, order);
  return { id, orders: [...byId.values()] };
}

/** Any idb transaction whose scope includes `orderBuckets`. */
type AnyTx<Mode extends IDBTransactionMode = IDBTransactionMode> = Pick<IDBPTransaction<KeepAccountDB, ArrayLike<KeepAccountStore>, Mode>, 'objectStore' | 'mode'>;
/** Where orders can be read from: the database (a transaction of its own) or a transaction that covers `orderBuckets`. */
export type OrdersSource = Db | AnyTx;

/** The plain IDBTransaction under an idb wrapper (a Proxy, so `instanceof` cannot tell them apart), or `tx` itself. */
const rawTx = (tx: IDBTransaction | AnyTx): IDBTransaction => (unwrap(tx as IDBPTransaction) as IDBTransaction | undefined) ?? (tx as IDBTransaction);

/**
 * One bucket write per touched bucket, as a source for writeInSlices (lib/service/importCommit.ts): each write
 * reads the bucket and, once read, puts it back merged. The grouping keeps one read-modify-write per bucket, so
 * two of them never race inside the transaction. Call it at most once per transaction for a given set of buckets
 * still in flight (two calls whose bucket reads overlap would each merge into the same old bucket).
 */
export function orderBucketWrites(tx: IDBTransaction, orders: readonly Order[]): { items: readonly [string, Order[]][]; write: (item: never) => IDBRequest } {
  return {
    items: [...groupByBucket(orders)],
    write: (([id, incoming]: [string, Order[]]) => {
      const store = tx.objectStore('orderBuckets');
      const request = store.get(id) as IDBRequest<OrderBucket | undefined>;
      request.onsuccess = () => store.put(mergeBucket(id, request.result, incoming));
      return request;
    }) as (item: never) => IDBRequest,
  };
}

/**
 * Puts orders into their buckets inside the caller's read-write transaction (which must cover `orderBuckets`):
 * for each touched bucket, get, merge by order id (last write wins, idempotent), put. Settles when every put has.
 */
export function putOrders(tx: IDBTransaction | AnyTx<'readwrite' | 'versionchange'>, orders: readonly Order[]): Promise<void> {
  const raw = rawTx(tx);
  const groups = [...groupByBucket(orders)];
  return new Promise<void>((resolve, reject) => {
    let pending = groups.length;
    if (pending === 0) return resolve();
    const store = raw.objectStore('orderBuckets');
    for (const [id, incoming] of groups) {
      const read = store.get(id) as IDBRequest<OrderBucket | undefined>;
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        const put = store.put(mergeBucket(id, read.result, incoming));
        put.onerror = () => reject(put.error);
        put.onsuccess = () => {
          if (--pending === 0) resolve();
        };
      };
    }
  });
}

async function bucket(source: OrdersSource, id: string): Promise<OrderBucket | undefined> {
  return 'objectStore' in source ? source.objectStore('orderBuckets').get(id) : source.get('orderBuckets', id);
}

async function buckets(source: OrdersSource): Promise<OrderBucket[]> {
  return 'objectStore' in source ? source.objectStore('orderBuckets').getAll() : source.getAll('orderBuckets');
}

/** Every order of one account. */
export async function ordersOfAccount(source: OrdersSource, accountId: string): Promise<Order[]> {
  return ((await bucket(source, bucketId(accountId)))?.orders ?? []).filter((o) => o.accountId === accountId);
}

/** Every stored order. */
export async function allOrders(source: OrdersSource): Promise<Order[]> {
  return (await buckets(source)).flatMap((b) => b.orders);
}

/** How many orders are stored. */
export async function countOrders(source: OrdersSource): Promise<number> {
  return (await buckets(source)).reduce((sum, b) => sum + b.orders.length, 0);
}

/** Whether an account has any order. */
export async function hasOrders(source: OrdersSource, accountId: string): Promise<boolean> {
  return ((await bucket(source, bucketId(accountId)))?.orders ?? []).some((o) => o.accountId === accountId);
}

/** Deletes every order of one account inside the caller's read-write transaction. */
export async function deleteOrdersOfAccount(tx: AnyTx<'readwrite'>, accountId: string): Promise<void> {
  const store = tx.objectStore('orderBuckets');
  const id = bucketId(accountId);
  const stored = await store.get(id);
  if (!stored) return;
  const kept = stored.orders.filter((o) => o.accountId !== accountId);
  if (kept.length === stored.orders.length) return;
  await (kept.length ? store.put({ id, orders: kept }) : store.delete(id));
}
