// Orders are stored in buckets: one record per bucket holding every order of the accounts whose id hashes to it
// (schema v3, store `orderBuckets`). IndexedDB costs about the same per put whatever the record's size (~70 µs
// in Chromium), so 200,000 order lines as ≤ 1,024 bucket records commit in a fraction of the time of 200,000 records.
// Every read and write of orders goes through this module and lib/db/orderMoves.ts (linking: an absorbed account's
// orders stay where they are and count for the account it went into, through the alias record); nothing else touches
// the `orderBuckets` store.
import { unwrap, type IDBPTransaction } from 'idb';
import type { Order } from '../model/records';
import type { KeepAccountDB, KeepAccountStore, OrderAliases, OrderBucket } from './schema';
import type { ReadOnlyDb } from './readOnly';

/**
 * How many buckets the orders spread over. Changing it needs a migration that re-buckets every order. 1,024 keeps
 * a bucket near 200 orders (~20 KB) at 200,000 order lines, so that one bucket's merge and structured clone stay far
 * inside a time slice (measured: with 256 buckets, ~800 orders each, the 200,000-line commit showed main-thread
 * tasks up to 385 ms; with 1,024, none over 71 ms) while a full import costs at most 1,024 puts (~70 ms of IndexedDB).
 */
export const ORDER_BUCKETS = 1024;

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
/** Where orders can be read from: the database, read-only or not (a transaction of its own), or a transaction that covers `orderBuckets`. */
export type OrdersSource = ReadOnlyDb | AnyTx;

/** The plain IDBTransaction under an idb wrapper (a Proxy, so `instanceof` cannot tell them apart), or `tx` itself. */
const rawTx = (tx: IDBTransaction | AnyTx): IDBTransaction => (unwrap(tx as IDBPTransaction) as IDBTransaction | undefined) ?? (tx as IDBTransaction);

/** The bucket writes of one set of orders, for writeInSlices (lib/service/importCommit.ts). */
export interface OrderBucketWrites {
  /** One item per touched bucket: its id and the incoming orders. */
  items: readonly [string, Order[]][];
  /** Check the slice's time after every item: one bucket merge + put (its structured clone) is a millisecond or more. */
  every: number;
  /** Reads every touched bucket; calls `ready` (in a request's success event: the transaction is active) once all are in. */
  load: (ready: () => void) => void;
  /** Puts one bucket merged with its incoming orders; only after `load` has called back. */
  write: (item: never) => IDBRequest;
}

/**
 * The orders' writes as one read-modify-write per touched bucket, for writeInSlices: `load` first reads the
 * touched buckets (a few hundred gets at most), then each item merges and puts one bucket inside a time slice, so
 * that a bucket of thousands of orders is merged and cloned within the slice's budget rather than in a burst of
 * success handlers. Use it once per transaction (two of them for the same buckets would both merge into the old bucket).
 */
export function orderBucketWrites(tx: IDBTransaction, orders: readonly Order[]): OrderBucketWrites {
  const items = [...groupByBucket(orders)];
  const stored = new Map<string, OrderBucket | undefined>();
  return {
    items,
    every: 1,
    load(ready) {
      let pending = items.length;
      if (pending === 0) return ready();
      const store = tx.objectStore('orderBuckets');
      for (const [id] of items) {
        const request = store.get(id) as IDBRequest<OrderBucket | undefined>;
        request.onsuccess = () => {
          stored.set(id, request.result);
          if (--pending === 0) ready();
        };
      }
    },
    write: (([id, incoming]: [string, Order[]]) => tx.objectStore('orderBuckets').put(mergeBucket(id, stored.get(id), incoming))) as (item: never) => IDBRequest,
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

/** The alias record's id in `orderBuckets` (schema.ts OrderAliases): not of the form "b:<n>", so no bucket range holds it. */
export const ALIASES_ID = 'aliases';
/** Every bucket's key, and not the alias record's. */
const bucketRange = () => IDBKeyRange.bound('b:', 'b:\uffff');

async function bucket(source: OrdersSource, id: string): Promise<OrderBucket | undefined> {
  return (await ('objectStore' in source ? source.objectStore('orderBuckets').get(id) : source.get('orderBuckets', id))) as OrderBucket | undefined;
}

async function buckets(source: OrdersSource): Promise<OrderBucket[]> {
  return (await ('objectStore' in source ? source.objectStore('orderBuckets').getAll(bucketRange()) : source.getAll('orderBuckets', bucketRange()))) as OrderBucket[];
}

/** Absorbed account id → the id of the account it went into (lib/db/orderMoves.ts writes them when accounts are linked). */
export async function orderAliases(source: OrdersSource): Promise<Map<string, string>> {
  const stored = (await ('objectStore' in source ? source.objectStore('orderBuckets').get(ALIASES_ID) : source.get('orderBuckets', ALIASES_ID))) as OrderAliases | undefined;
  return new Map(stored?.into ?? []);
}

/**
 * The orders as the book sees them: a line stored under an absorbed account's id belongs to the account it went into
 * (its accountId is rewritten in place: the records were just read), unless that account holds the same order id itself
 * (the same line imported again after the link, under the surviving id): the line is then counted once, the survivor's.
 * The lines come in bucket order, an absorbed line at the end of its new account's bucket, where moving it would have
 * put it (and where a re-import under the surviving id puts it): the scoring run sees the same list either way.
 */
export function resolveAliases(stored: readonly OrderBucket[], into: ReadonlyMap<string, string>): Order[] {
  if (!into.size) return stored.flatMap((b) => b.orders);
  const targets = new Set(into.values());
  const own = new Set<string>();
  for (const b of stored) for (const o of b.orders) if (targets.has(o.accountId) && !into.has(o.accountId)) own.add(`${o.accountId}\n${o.id}`);
  const direct = new Map<string, Order[]>();
  const absorbed = new Map<string, Order[]>();
  for (const b of stored) {
    const kept: Order[] = [];
    direct.set(b.id, kept);
    for (const o of b.orders) {
      const to = into.get(o.accountId);
      if (to === undefined) {
        kept.push(o);
        continue;
      }
      const key = `${to}\n${o.id}`;
      if (own.has(key)) continue;
      own.add(key);
      o.accountId = to;
      const at = bucketId(to);
      let list = absorbed.get(at);
      if (!list) absorbed.set(at, (list = []));
      list.push(o);
    }
  }
  const ids = [...new Set([...direct.keys(), ...absorbed.keys()])].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
  return ids.flatMap((id) => [...(direct.get(id) ?? []), ...(absorbed.get(id) ?? [])]);
}

/** The ids whose orders count for `accountId`: its own (unless it went into another account) and those it absorbed. */
export function idsOfAccount(into: ReadonlyMap<string, string>, accountId: string): string[] {
  const ids = into.has(accountId) ? [] : [accountId];
  for (const [from, to] of into) if (to === accountId) ids.push(from);
  return ids;
}

/** Every order of one account: from its bucket and from the buckets of the accounts it absorbed. */
export async function ordersOfAccount(source: OrdersSource, accountId: string): Promise<Order[]> {
  const [into, home] = await Promise.all([orderAliases(source), bucket(source, bucketId(accountId))]);
  const ids = new Set(idsOfAccount(into, accountId));
  const others = [...new Set([...ids].map(bucketId))].filter((id) => id !== bucketId(accountId));
  const read = [home, ...(await Promise.all(others.map((id) => bucket(source, id))))].filter((b) => b !== undefined);
  return resolveAliases(read, into).filter((o) => o.accountId === accountId);
}

/** Every stored order. */
export async function allOrders(source: OrdersSource): Promise<Order[]> {
  const [stored, into] = await Promise.all([buckets(source), orderAliases(source)]);
  return resolveAliases(stored, into);
}

/** How many orders are stored. */
export async function countOrders(source: OrdersSource): Promise<number> {
  const [stored, into] = await Promise.all([buckets(source), orderAliases(source)]);
  return into.size ? resolveAliases(stored, into).length : stored.reduce((sum, b) => sum + b.orders.length, 0);
}

/** Whether an account has any order. */
export async function hasOrders(source: OrdersSource, accountId: string): Promise<boolean> {
  return (await ordersOfAccount(source, accountId)).length > 0;
}

/** Stores the alias map inside the caller's read-write transaction (none left: the record goes). */
export function putOrderAliases(tx: AnyTx<'readwrite'>, into: ReadonlyMap<string, string>): Promise<unknown> {
  const store = tx.objectStore('orderBuckets');
  return into.size ? store.put({ id: ALIASES_ID, into: [...into] }) : store.delete(ALIASES_ID);
}

/** Deletes every order of one account (those it absorbed too) inside the caller's read-write transaction. */
export async function deleteOrdersOfAccount(tx: AnyTx<'readwrite'>, accountId: string): Promise<void> {
  const store = tx.objectStore('orderBuckets');
  const into = await orderAliases(tx);
  const ids = new Set(idsOfAccount(into, accountId));
  await Promise.all(
    [...new Set([...ids].map(bucketId))].map(async (id) => {
      const stored = await bucket(tx, id);
      if (!stored) return;
      const kept = stored.orders.filter((o) => !ids.has(o.accountId));
      if (kept.length === stored.orders.length) return;
      await (kept.length ? store.put({ id, orders: kept }) : store.delete(id));
    }),
  );
  const before = into.size;
  for (const id of ids) if (id !== accountId) into.delete(id);
  if (into.size !== before) await putOrderAliases(tx, into);
}
