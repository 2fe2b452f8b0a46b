import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { allOrders, bucketId, countOrders, deleteOrdersOfAccount, hasOrders, ORDER_BUCKETS, ordersOfAccount, putOrders } from '../../../lib/db/orders';
import { commitImport } from '../../../lib/service/importCommit';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import type { ImportRecord, Order } from '../../../lib/model/records';

const order = (id: string, accountId: string, amount = 10, extra: Partial<Order> = {}): Order => ({ id, accountId, date: '2026-01-02', amount, ...extra });
const record = (id: string): ImportRecord => ({ id, fileName: `${id}.csv`, source: 'generic', kind: 'orders', rowsRead: 1, rowsImported: 1, rowsRejected: 0, importedAt: '2026-11-23T10:00:00.000Z' });
const byId = (a: Order, b: Order) => a.id.localeCompare(b.id);

describe('orders in buckets', () => {
  it('maps an account to one stable bucket and spreads many accounts over all of them', () => {
    expect(bucketId('acmeflavors.com')).toBe(bucketId('acmeflavors.com'));
    expect(bucketId('acmeflavors.com')).toMatch(/^b:\d+$/);
    const used = new Set(Array.from({ length: 20_000 }, (_, i) => bucketId(`cdnow:${i}`)));
    expect(used.size).toBe(ORDER_BUCKETS);
    const sizes = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) sizes.set(bucketId(`cdnow:${i}`), (sizes.get(bucketId(`cdnow:${i}`)) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThan((3 * 20_000) / ORDER_BUCKETS);
  });

  it('merges by order id: last write wins, writing the same orders twice changes nothing', async () => {
    const db = await openKeepAccountDb({ name: 'orders-merge' });
    const first = [order('o1', 'a.com', 1), order('o2', 'a.com', 2), order('o3', 'b.com', 3)];
    let tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([putOrders(tx, first), tx.done]);
    tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([putOrders(tx, first), tx.done]);
    expect(await countOrders(db)).toBe(3);
    tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([putOrders(tx, [order('o2', 'a.com', 20, { product: 'X' }), order('o4', 'a.com', 4), order('o4', 'a.com', 44)]), tx.done]);
    expect((await ordersOfAccount(db, 'a.com')).sort(byId)).toEqual([order('o1', 'a.com', 1), order('o2', 'a.com', 20, { product: 'X' }), order('o4', 'a.com', 44)]);
    expect(await ordersOfAccount(db, 'b.com')).toEqual([order('o3', 'b.com', 3)]);
    expect(await hasOrders(db, 'b.com')).toBe(true);
    expect(await hasOrders(db, 'c.com')).toBe(false);
    expect(await countOrders(db)).toBe(4);
    const del = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([deleteOrdersOfAccount(del, 'a.com'), del.done]);
    expect(await allOrders(db)).toEqual([order('o3', 'b.com', 3)]);
    db.close();
  });

  it('an import writes its orders into buckets, merged with what was there; a cancelled import leaves them unchanged', async () => {
    const db = await openKeepAccountDb({ name: 'orders-commit' });
    const lines = Array.from({ length: 5000 }, (_, i) => order(`l${i}`, `acct-${i % 900}`, i));
    await commitImport(db, { accounts: [], contacts: [], orders: lines.slice(0, 3000), activities: [] }, record('one'), undefined, { sliceMs: 1 });
    await commitImport(db, { accounts: [], contacts: [], orders: lines.slice(2000), activities: [] }, record('two'), undefined, { sliceMs: 1 });
    expect(await countOrders(db)).toBe(5000);
    expect((await allOrders(db)).sort(byId)).toEqual([...lines].sort(byId));
    expect((await ordersOfAccount(db, 'acct-7')).length).toBe(lines.filter((o) => o.accountId === 'acct-7').length);
    const controller = new AbortController();
    const cancelled = commitImport(db, { accounts: [], contacts: [], orders: [order('new', 'acct-7', 1), order('l0', 'acct-0', -1)], activities: [] }, record('three'), controller.signal);
    controller.abort();
    await expect(cancelled).rejects.toThrow(/cancelled/i);
    expect(await countOrders(db)).toBe(5000);
    expect((await ordersOfAccount(db, 'acct-0')).find((o) => o.id === 'l0')?.amount).toBe(0);
    db.close();
  });

  it('a backup keeps a flat orders array; restoring it rebuilds the buckets', async () => {
    const db = await openKeepAccountDb({ name: 'orders-backup' });
    const lines = Array.from({ length: 700 }, (_, i) => order(`l${i}`, `acct-${i % 90}`, i, i % 3 ? {} : { quantity: 2, currency: 'USD' }));
    await commitImport(db, { accounts: [], contacts: [], orders: lines, activities: [] }, record('one'));
    const backup = await exportBackup(db, new Date('2026-11-23T10:00:00Z'));
    const stores = JSON.parse(backup).stores as Record<string, unknown[]>;
    expect((stores.orders as Order[]).sort(byId)).toEqual([...lines].sort(byId));
    const tx = db.transaction('orderBuckets', 'readwrite');
    await Promise.all([putOrders(tx, [order('extra', 'acct-1', 1)]), tx.done]);
    const restored = await restoreBackup(db, backup);
    expect(restored).toMatchObject({ ok: true, counts: { orders: 700 } });
    expect((await allOrders(db)).sort(byId)).toEqual([...lines].sort(byId));
    db.close();
  });
});
