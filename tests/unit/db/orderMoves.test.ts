import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb, type Db, type OrderBucket } from '../../../lib/db/schema';
import { allOrders, bucketId, countOrders, deleteOrdersOfAccount, hasOrders, orderAliases, ordersOfAccount, putOrders } from '../../../lib/db/orders';
import { aliasOrders, settleAliases } from '../../../lib/db/orderMoves';
import { linkAccounts, relinkAccounts, unlinkAccounts } from '../../../lib/db/linking';
import { toStoredAccount, toStoredContact } from '../../../lib/db/repo';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import type { Account, Order, Touch } from '../../../lib/model/records';
import { allTouches, groupTouchBuckets } from '../../../lib/db/touches';

const NOW = '2026-11-23T10:00:00.000Z';
const order = (id: string, accountId: string, extra: Partial<Order> = {}): Order => ({ id, accountId, date: '2026-01-02', amount: 10, ...extra });
const byId = (a: Order, b: Order) => a.id.localeCompare(b.id);
let dbs = 0;
const fresh = () => openKeepAccountDb({ name: `order-moves-${dbs++}` });

async function put(db: Db, orders: Order[]) {
  const tx = db.transaction('orderBuckets', 'readwrite');
  await Promise.all([putOrders(tx, orders), tx.done]);
}
async function alias(db: Db, moves: [string, string][], live: string[] = []) {
  const tx = db.transaction('orderBuckets', 'readwrite');
  await Promise.all([aliasOrders(tx, new Map(moves), new Set(live)), tx.done]);
}
const rawBucket = async (db: Db, accountId: string) => (await db.get('orderBuckets', bucketId(accountId))) as OrderBucket | undefined;

describe('moving orders by alias: the lines stay, the book reads them on the surviving account', () => {
  it('a move rewrites no bucket; every read sees the lines on the survivor', async () => {
    const db = await fresh();
    await put(db, [order('s1', 'customer:1'), order('s2', 'customer:1'), order('a1', 'a.com'), order('b1', 'b.com')]);
    const before = await rawBucket(db, 'customer:1');
    await alias(db, [['customer:1', 'a.com']]);
    // The stub's bucket is exactly as it was: nothing was read and written again.
    expect(await rawBucket(db, 'customer:1')).toEqual(before);
    expect((await ordersOfAccount(db, 'a.com')).sort(byId)).toEqual([order('a1', 'a.com'), order('s1', 'a.com'), order('s2', 'a.com')]);
    expect(await ordersOfAccount(db, 'customer:1')).toEqual([]);
    expect(await hasOrders(db, 'customer:1')).toBe(false);
    expect(await hasOrders(db, 'a.com')).toBe(true);
    expect((await allOrders(db)).map((o) => [o.id, o.accountId]).sort()).toEqual([['a1', 'a.com'], ['b1', 'b.com'], ['s1', 'a.com'], ['s2', 'a.com']]);
    expect(await countOrders(db)).toBe(4);
    db.close();
  });

  it('a line imported again under the survivor counts once, the survivor’s', async () => {
    const db = await fresh();
    await put(db, [order('s1', 'customer:1', { amount: 1 }), order('s2', 'customer:1')]);
    await alias(db, [['customer:1', 'a.com']]);
    await put(db, [order('s1', 'a.com', { amount: 2 })]);
    expect((await ordersOfAccount(db, 'a.com')).sort(byId)).toEqual([order('s1', 'a.com', { amount: 2 }), order('s2', 'a.com')]);
    expect(await countOrders(db)).toBe(2);
    db.close();
  });

  it('follows chains, and an absorbed id that is an account of its own again owns its lines again', async () => {
    const db = await fresh();
    await put(db, [order('x1', 'x'), order('y1', 'y'), order('z1', 'z')]);
    await alias(db, [['x', 'y']]);
    await alias(db, [['y', 'z']], ['z']);
    expect(await orderAliases(db)).toEqual(new Map([['x', 'z'], ['y', 'z']]));
    expect((await ordersOfAccount(db, 'z')).map((o) => o.id).sort()).toEqual(['x1', 'y1', 'z1']);
    // z goes into x (x was made again and is the survivor now): x's own lines are x's, and z's come with them.
    await alias(db, [['z', 'x']], ['x']);
    expect(await orderAliases(db)).toEqual(new Map([['y', 'x'], ['z', 'x']]));
    expect((await ordersOfAccount(db, 'x')).map((o) => o.id).sort()).toEqual(['x1', 'y1', 'z1']);
    db.close();
  });

  it('deleting the survivor deletes the lines it absorbed; settling moves them for real and reads the same', async () => {
    const db = await fresh();
    await put(db, [order('s1', 'customer:1'), order('a1', 'a.com'), order('s2', 'customer:2'), order('b1', 'b.com')]);
    await alias(db, [['customer:1', 'a.com'], ['customer:2', 'b.com']]);
    let tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([deleteOrdersOfAccount(tx, 'a.com'), tx.done]);
    expect((await allOrders(db)).map((o) => [o.id, o.accountId]).sort()).toEqual([['b1', 'b.com'], ['s2', 'b.com']]);
    expect(await orderAliases(db)).toEqual(new Map([['customer:2', 'b.com']]));
    const seen = await allOrders(db);
    tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([settleAliases(tx, 'b.com'), tx.done]);
    expect(await orderAliases(db)).toEqual(new Map());
    expect(await allOrders(db)).toEqual(seen);
    expect((await rawBucket(db, 'b.com'))?.orders.map((o) => [o.id, o.accountId])).toEqual([['b1', 'b.com'], ['s2', 'b.com']]);
    db.close();
  });
});

describe('relinking with aliases', () => {
  const crm: Account = { id: 'a.com', name: 'A GmbH', domains: ['a.com'], crmIds: [{ crm: 'salesforce', recordId: '001' }], customerKeys: ['1'], updatedAt: NOW };
  const stub: Account = { id: 'customer:1', name: 'Customer 1', domains: [], crmIds: [], customerKeys: ['1'], updatedAt: NOW };
  const other: Account = { id: 'b.com', name: 'B AG', domains: ['b.com'], crmIds: [], customerKeys: [], updatedAt: NOW };
  const touch = (id: string, accountId: string): Touch => ({ id, accountId, site: 'gmail', messageId: id, date: '2026-11-20', at: '2026-11-20T09:00:00.000Z', direction: 'in', from: { email: 'anna@a.com' }, to: [], cc: [] });

  async function seed(db: Db, touches: Touch[] = []) {
    const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'touchBuckets'], 'readwrite');
    await Promise.all([
      tx.objectStore('accounts').put(toStoredAccount(crm)),
      tx.objectStore('accounts').put(toStoredAccount(other)),
      tx.objectStore('accountStubBuckets').put({ id: bucketId(stub.id), stubs: [toStoredAccount(stub)] }),
      tx.objectStore('contacts').put(toStoredContact({ email: 'anna@a.com', accountId: 'a.com', name: 'Anna', crmIds: [], status: 'unknown', updatedAt: NOW })),
      putOrders(tx, [order('s1', 'customer:1', { key: 'customer:1' }), order('s2', 'customer:1', { key: 'customer:1' }), order('a1', 'a.com', { key: 'a.com' }), order('b1', 'b.com', { key: 'b.com' })]),
      ...groupTouchBuckets(touches).map((bucket) => tx.objectStore('touchBuckets').put(bucket)),
      tx.done,
    ]);
  }

  it('the stub’s lines count for the CRM account; linking again changes nothing; a backup holds them on the survivor', async () => {
    const db = await fresh();
    await seed(db);
    expect((await relinkAccounts(db)).merged).toBe(1);
    expect((await allOrders(db)).filter((o) => o.key === 'customer:1').map((o) => o.accountId)).toEqual(['a.com', 'a.com']);
    expect((await relinkAccounts(db)).merged).toBe(0);
    const backup = JSON.parse(await exportBackup(db, new Date(NOW))) as { stores: { orders: Order[] } };
    expect(backup.stores.orders.map((o) => [o.id, o.accountId]).sort()).toEqual([['a1', 'a.com'], ['b1', 'b.com'], ['s1', 'a.com'], ['s2', 'a.com']]);
    const restored = await fresh();
    await restoreBackup(restored, JSON.stringify(backup));
    expect(await orderAliases(restored)).toEqual(new Map());
    expect((await allOrders(restored)).sort(byId)).toEqual((await allOrders(db)).sort(byId));
    db.close();
    restored.close();
  });

  it('a user link moves the touches of the absorbed account in the same transaction; undoing it brings the orders back', async () => {
    const db = await fresh();
    await seed(db, [touch('gmail:m1', 'b.com'), touch('gmail:m2', 'a.com')]);
    await relinkAccounts(db);
    await linkAccounts(db, 'b.com', 'a.com', NOW);
    expect((await allTouches(db)).map((t) => [t.id, t.accountId])).toEqual([['gmail:m1', 'a.com'], ['gmail:m2', 'a.com']]);
    expect((await ordersOfAccount(db, 'a.com')).map((o) => o.id).sort()).toEqual(['a1', 'b1', 's1', 's2']);
    await unlinkAccounts(db, 'link:b.com');
    expect((await ordersOfAccount(db, 'b.com')).map((o) => o.id)).toEqual(['b1']);
    expect((await ordersOfAccount(db, 'a.com')).map((o) => o.id).sort()).toEqual(['a1', 's1', 's2']);
    db.close();
  });

  it('moves touches whether the store is read whole (few touches) or asked per moved account (many)', async () => {
    const db = await fresh();
    const many = Array.from({ length: 9 }, (_, i) => touch(`gmail:n${i}`, i < 3 ? 'b.com' : 'a.com'));
    await seed(db, many);
    await relinkAccounts(db);
    await linkAccounts(db, 'b.com', 'a.com', NOW);
    expect((await allTouches(db)).every((t) => t.accountId === 'a.com')).toBe(true);
    db.close();
  });

  it('a link that fails leaves orders, aliases and touches as they were (one transaction)', async () => {
    const db = await fresh();
    await seed(db, [touch('gmail:m1', 'b.com')]);
    await relinkAccounts(db);
    const [orders, aliases, touches] = [await allOrders(db), await orderAliases(db), await allTouches(db)];
    await expect(linkAccounts(db, 'b.com', 'gone.com', NOW)).rejects.toThrow(/No account gone\.com/);
    expect(await allOrders(db)).toEqual(orders);
    expect(await orderAliases(db)).toEqual(aliases);
    expect(await allTouches(db)).toEqual(touches);
    db.close();
  });
});
