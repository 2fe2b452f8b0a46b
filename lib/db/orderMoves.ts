// Moving orders between accounts, for linking (lib/db/linking.ts). Linking writes aliases: the absorbed account's
// lines stay in their bucket under its id and count for the account it went into (lib/db/orders.ts resolveAliases),
// so a link costs one small record whatever the number of lines (rewriting the buckets of 100 stubs and their
// survivors meant reading and writing ~200,000 lines to move 20,000). Undoing a link moves lines for real: rare.
import type { IDBPTransaction } from 'idb';
import type { Order } from '../model/records';
import type { KeepAccountDB, KeepAccountStore, OrderBucket } from './schema';
import { bucketId, idsOfAccount, orderAliases, putOrderAliases } from './orders';

type Tx = Pick<IDBPTransaction<KeepAccountDB, ArrayLike<KeepAccountStore>, 'readwrite'>, 'objectStore' | 'mode'>;

/**
 * The accounts `moves` names go into their targets: their orders (and those of accounts they absorbed before) count
 * for the target from now on. `live` are the ids of the accounts the book keeps: an id stored as absorbed that is an
 * account of its own again (a later file made it, and it was not linked this time) owns its orders again.
 */
export async function aliasOrders(tx: Tx, moves: ReadonlyMap<string, string>, live: ReadonlySet<string>): Promise<void> {
  const into = await orderAliases(tx);
  const before = JSON.stringify([...into]);
  for (const from of [...into.keys()]) if (live.has(from) && !moves.has(from)) into.delete(from);
  for (const [from, to] of into) {
    const next = moves.get(to);
    if (next !== undefined) into.set(from, next);
  }
  for (const [from, to] of moves) into.set(from, to);
  for (const [from, to] of [...into]) if (from === to) into.delete(from);
  if (JSON.stringify([...into]) !== before) await putOrderAliases(tx, into);
}

/**
 * Moves orders between accounts: reads the buckets of `from`, gives every order `targetOf(order)` says the new account
 * id, and merges it into that account's bucket by order id. `incomingWins`: the moved line replaces a line of the same
 * id already there (the same order imported under two ids is one order); otherwise the line already there stays.
 * Returns how many lines moved.
 */
export async function reassignOrders(tx: Tx, from: Iterable<string>, targetOf: (order: Order) => string | undefined, incomingWins = true): Promise<number> {
  const store = tx.objectStore('orderBuckets');
  const buckets = new Map<string, OrderBucket | undefined>();
  const load = async (ids: Iterable<string>) => {
    const missing = [...new Set(ids)].filter((id) => !buckets.has(id));
    const read = (await Promise.all(missing.map((id) => store.get(id)))) as (OrderBucket | undefined)[];
    missing.forEach((id, i) => buckets.set(id, read[i]));
  };
  await load([...from].map(bucketId));
  const moving = new Map<string, Order[]>();
  let moved = 0;
  for (const bucket of buckets.values()) {
    if (!bucket) continue;
    let kept = 0;
    const orders = bucket.orders;
    for (const order of orders) {
      const target = targetOf(order);
      if (target === undefined || target === order.accountId) {
        orders[kept++] = order;
        continue;
      }
      // The records were just read for this transaction: changed in place, not copied.
      order.accountId = target;
      const to = bucketId(target);
      let list = moving.get(to);
      if (!list) moving.set(to, (list = []));
      list.push(order);
      moved++;
    }
    orders.length = kept;
  }
  if (!moved) return 0;
  await load(moving.keys());
  for (const [id, incoming] of moving) {
    const bucket = buckets.get(id) ?? { id, orders: [] };
    buckets.set(id, bucket);
    if (incomingWins) {
      const ids = new Set(incoming.map((o) => o.id));
      bucket.orders = [...bucket.orders.filter((o) => !ids.has(o.id)), ...incoming];
    } else {
      const held = new Set(bucket.orders.map((o) => `${o.accountId}\n${o.id}`));
      for (const order of incoming) {
        const key = `${order.accountId}\n${order.id}`;
        if (held.has(key)) continue;
        held.add(key);
        bucket.orders.push(order);
      }
    }
  }
  await Promise.all([...buckets].map(([id, bucket]) => (bucket?.orders.length ? store.put(bucket) : bucket ? store.delete(id) : undefined)));
  return moved;
}

/**
 * Moves the lines that count for `accountId` through aliases into its own bucket, and drops those aliases: the book
 * reads the same before and after (the lines the account holds itself win, as resolveAliases reads them).
 */
export async function settleAliases(tx: Tx, accountId: string): Promise<void> {
  const into = await orderAliases(tx);
  const absorbed = new Set(idsOfAccount(into, accountId).filter((id) => id !== accountId));
  if (!absorbed.size) return;
  await reassignOrders(tx, absorbed, (o) => (absorbed.has(o.accountId) ? accountId : undefined), false);
  for (const id of absorbed) into.delete(id);
  await putOrderAliases(tx, into);
}
