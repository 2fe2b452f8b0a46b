import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, openKeepAccountDb, type KeepAccountDB, type OrderBucket } from '../../../lib/db/schema';
import { countRecords, deleteAccount, loadAccountBundle, toStoredAccount, toStoredContact } from '../../../lib/db/repo';
import { indexedDbLookup } from '../../../lib/db/lookup';
import { addTouches, allTouches, countRemembered, forgetTouchesBefore, touchesOfAccount } from '../../../lib/db/touches';
import { readOnly } from '../../../lib/db/readOnly';
import { allOrders, bucketId, mergeBucket, ordersOfAccount } from '../../../lib/db/orders';
import type { Order } from '../../../lib/model/records';

const now = '2026-11-23T10:00:00.000Z';

/** The orders fillVersion1 writes: 50 of Acme's and 30 spread over other accounts, some with optional fields. */
const V1_ORDERS: Order[] = [
  ...Array.from({ length: 50 }, (_, i) => ({ id: `o${i}`, accountId: 'acmeflavors.com', date: `2025-0${1 + (i % 9)}-1${i % 10}`, amount: 100 + i, currency: 'EUR' })),
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `x${i}`,
    accountId: `customer-${i % 7}.example`,
    date: `2024-1${i % 3}-0${1 + (i % 9)}`,
    amount: -5 + i * 1.25,
    ...(i % 2 ? { product: `SKU-${i}`, quantity: i } : {}),
  })),
];

async function fillVersion1(name: string) {
  const v1 = await openDB<KeepAccountDB>(name, 1, { upgrade: (db, _old, _new, tx) => MIGRATIONS[1](db, tx) });
  const tx = v1.transaction(['accounts', 'contacts', 'orders', 'activities', 'playbooks', 'questionHistory', 'importHistory', 'products'], 'readwrite');
  await tx.objectStore('accounts').put(
    toStoredAccount({ id: 'acmeflavors.com', name: 'Acme Flavors', domains: ['acmeflavors.com'], crmIds: [{ crm: 'hubspot', recordId: '901' }], customerKeys: ['C-17'], updatedAt: now }),
  );
  await tx.objectStore('contacts').put(
    toStoredContact({ email: 'joe.park@acmeflavors.com', accountId: 'acmeflavors.com', name: 'Joe Park', title: 'Purchasing Manager', crmIds: [{ crm: 'hubspot', recordId: '51' }], status: 'active', updatedAt: now }),
  );
  for (const order of V1_ORDERS) await tx.objectStore('orders').put(order);
  await tx.objectStore('activities').put({ id: 'a1', accountId: 'acmeflavors.com', email: 'joe.park@acmeflavors.com', date: '2026-03-02', kind: 'email-in' });
  await tx.objectStore('products').put({ id: 'vanilla', name: 'Vanilla extract' });
  await tx.objectStore('playbooks').put({ id: 'mine', name: 'Mine', description: '', enabled: true, questions: [] });
  await tx.objectStore('questionHistory').put({ id: 'q1', accountId: 'acmeflavors.com', playbookId: 'mine', questionId: 'x', text: 'Who else?', askedAt: now, site: 'gmail' });
  await tx.objectStore('importHistory').put({ id: 'i1', fileName: 'orders.csv', source: 'generic', kind: 'orders', rowsRead: 50, rowsImported: 50, rowsRejected: 0, importedAt: now });
  await tx.done;
  v1.close();
}

describe('IndexedDB schema and migrations', () => {
  it('upgrades a filled version-1 database to the current version without losing anything', async () => {
    await fillVersion1('migrate-test');
    const db = await openKeepAccountDb({ name: 'migrate-test' });
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThan(1);
    expect(await countRecords(db)).toEqual({ accounts: 1, contacts: 1, orders: V1_ORDERS.length, activities: 1, products: 1, questionHistory: 1, importHistory: 1 });
    expect(await db.get('playbooks', 'mine')).toMatchObject({ name: 'Mine' });
    const bundle = await loadAccountBundle(db, 'acmeflavors.com');
    expect(bundle?.account.name).toBe('Acme Flavors');
    expect(bundle?.contacts.map((c) => c.email)).toEqual(['joe.park@acmeflavors.com']);
    expect(bundle?.orders).toHaveLength(50);
    // Stores added by later versions exist and work.
    await db.put('scores', { accountId: 'acmeflavors.com', level: 'low', horizonDays: 90, asOf: now.slice(0, 10), orderCount: 50, thinEvidence: false, model: 'bgnbd', scoredAt: now });
    expect(await db.count('scores')).toBe(1);
    db.close();
  });

  it('moves every order of a version-1 database into buckets on the way to v3 (same ids, same fields)', async () => {
    await fillVersion1('buckets-test');
    // Through v2 first, as an installed extension would have been, then on to the current version.
    (await openKeepAccountDb({ name: 'buckets-test', version: 2 })).close();
    const db = await openKeepAccountDb({ name: 'buckets-test' });
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    const byId = (a: Order, b: Order) => a.id.localeCompare(b.id);
    expect((await allOrders(db)).sort(byId)).toEqual([...V1_ORDERS].sort(byId));
    for (let c = 0; c < 7; c++) {
      const id = `customer-${c}.example`;
      expect((await ordersOfAccount(db, id)).sort(byId)).toEqual(V1_ORDERS.filter((o) => o.accountId === id).sort(byId));
    }
    // The old store stays (no migration drops a store), empty; every bucket holds only its own accounts' orders.
    expect(db.objectStoreNames.contains('orders')).toBe(true);
    expect(await db.count('orders')).toBe(0);
    for (const bucket of (await db.getAll('orderBuckets')) as OrderBucket[]) {
      expect(bucket.orders.length).toBeGreaterThan(0);
      for (const order of bucket.orders) expect(bucketId(order.accountId)).toBe(bucket.id);
    }
    db.close();
  });

  it('adds the account stub buckets on the way to v4 and leaves the stored accounts where they are', async () => {
    await fillVersion1('stubs-migration-test');
    // A v3 database holding an order log's customer as a plain account (what imports wrote before v4).
    const v3 = await openKeepAccountDb({ name: 'stubs-migration-test', version: 3 });
    expect(v3.objectStoreNames.contains('accountStubBuckets')).toBe(false);
    await v3.put('accounts', toStoredAccount({ id: 'customer:42', name: 'Customer 42', domains: [], crmIds: [], customerKeys: ['42'], updatedAt: now }));
    v3.close();
    const db = await openKeepAccountDb({ name: 'stubs-migration-test' });
    expect(DB_VERSION).toBeGreaterThanOrEqual(4);
    expect(db.objectStoreNames.contains('accountStubBuckets')).toBe(true);
    expect(await db.count('accountStubBuckets')).toBe(0);
    expect((await db.getAllKeys('accounts')).sort()).toEqual(['acmeflavors.com', 'customer:42']);
    expect((await countRecords(db)).accounts).toBe(2);
    expect((await indexedDbLookup(db).accountById('customer:42'))?.name).toBe('Customer 42');
    db.close();
  });

  it('adds the links store on the way to v5 and computes every name key again with the new name rules', async () => {
    await fillVersion1('links-migration-test');
    const v4 = await openKeepAccountDb({ name: 'links-migration-test', version: 4 });
    expect(v4.objectStoreNames.contains('links')).toBe(false);
    // Name keys as v4 stored them (umlauts dropped, legal form kept in the middle of the rules of the time).
    await v4.put('accounts', { ...toStoredAccount({ id: 'baeckerei-schroeder.de', name: 'Bäckerei Schröder GmbH', domains: ['baeckerei-schroeder.de'], crmIds: [], customerKeys: [], updatedAt: now }), nameKey: 'backerei schroder' });
    const stub = { ...toStoredAccount({ id: 'customer:7', name: 'Customer 7', domains: [], crmIds: [], customerKeys: ['7'], updatedAt: now }), nameKey: 'customer 7 old' };
    await v4.put('accountStubBuckets', { id: 'b:1', stubs: [stub] });
    v4.close();
    const db = await openKeepAccountDb({ name: 'links-migration-test' });
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
    expect(db.objectStoreNames.contains('links')).toBe(true);
    expect(await db.count('links')).toBe(0);
    expect((await indexedDbLookup(db).accountsByName('baeckerei schroeder')).map((a) => a.id)).toEqual(['baeckerei-schroeder.de']);
    expect((await db.get('accountStubBuckets', 'b:1'))?.stubs.map((s) => s.nameKey)).toEqual(['customer 7']);
    expect((await countRecords(db)).accounts).toBe(3);
    db.close();
  });

  it('adds the touches store on the way to v6 (issue 16), keyed by message, found by account and date', async () => {
    await fillVersion1('touches-test');
    (await openKeepAccountDb({ name: 'touches-test', version: 5 })).close();
    const db = await openKeepAccountDb({ name: 'touches-test' });
    expect(DB_VERSION).toBeGreaterThanOrEqual(6);
    expect((await countRecords(db)).activities).toBe(1);
    const touch = { id: 'gmail:18ba', site: 'gmail' as const, messageId: '18ba', at: now, date: now.slice(0, 10), accountId: 'acmeflavors.com', direction: 'in' as const, from: { email: 'joe.park@acmeflavors.com' }, to: [], cc: [] };
    expect(await addTouches(db, [touch])).toBe(1);
    expect(await addTouches(db, [{ ...touch, to: [{ email: 'x@acmeflavors.com' }] }])).toBe(0);
    expect(await touchesOfAccount(db, 'acmeflavors.com')).toEqual([touch]);
    expect(await forgetTouchesBefore(db, '2026-11-23')).toBe(0);
    expect(await forgetTouchesBefore(db, '2026-11-24')).toBe(1);
    db.close();
  });

  it('adds the thread index of the touches on the way to v7: remembered messages counted in conversations', async () => {
    (await openKeepAccountDb({ name: 'thread-test', version: 6 })).close();
    const db = await openKeepAccountDb({ name: 'thread-test' });
    expect(DB_VERSION).toBeGreaterThanOrEqual(7);
    expect([...db.transaction('touches').store.indexNames]).toEqual(expect.arrayContaining(['accountId', 'date', 'thread']));
    const touch = (id: string, thread?: string) => ({ id: `outlook:${id}`, site: 'outlook' as const, messageId: id, ...(thread ? { thread } : {}), at: now, date: now.slice(0, 10), direction: 'in' as const, from: { email: 'a@b.com' }, to: [], cc: [] });
    await addTouches(db, [touch('m1', 'outlook:c1'), touch('m2', 'outlook:c1'), touch('m3', 'outlook:c2'), touch('m4')]);
    expect(await countRemembered(readOnly(db))).toEqual({ conversations: 3, messages: 4 });
    db.close();
  });

  it('finds accounts and contacts by the keys the matcher uses', async () => {
    await fillVersion1('lookup-test');
    const db = await openKeepAccountDb({ name: 'lookup-test' });
    const lookup = indexedDbLookup(db);
    expect((await lookup.contactByEmail('Joe.Park@AcmeFlavors.com'))?.name).toBe('Joe Park');
    expect((await lookup.accountsByDomain('acmeflavors.com')).map((a) => a.id)).toEqual(['acmeflavors.com']);
    expect((await lookup.accountsByCrmId('hubspot', '901')).map((a) => a.id)).toEqual(['acmeflavors.com']);
    expect((await lookup.contactsByCrmId('hubspot', '51')).map((c) => c.email)).toEqual(['joe.park@acmeflavors.com']);
    expect((await lookup.accountsByName('acme flavors')).map((a) => a.id)).toEqual(['acmeflavors.com']);
    expect((await lookup.contactsByName('joe  park')).length).toBe(1);
    expect(await lookup.accountById('nope.com')).toBeUndefined();
    db.close();
  });

  it('deletes one account with everything that hangs off it', async () => {
    await fillVersion1('delete-test');
    const db = await openKeepAccountDb({ name: 'delete-test' });
    await deleteAccount(db, 'acmeflavors.com');
    const counts = await countRecords(db);
    // Other accounts' orders (some may share Acme's bucket) stay.
    expect(counts).toMatchObject({ accounts: 0, contacts: 0, orders: V1_ORDERS.length - 50, activities: 0, questionHistory: 0, products: 1, importHistory: 1 });
    expect(await ordersOfAccount(db, 'acmeflavors.com')).toEqual([]);
    expect(await ordersOfAccount(db, 'customer-3.example')).toHaveLength(V1_ORDERS.filter((o) => o.accountId === 'customer-3.example').length);
    db.close();
  });

  // A database as each past version left it: version-1 records, plus a record in every store that version added,
  // written in that version's shape. Upgraded to the current version, every record reads back the same.
  for (let written = 1; written < DB_VERSION; written++) {
    it(`upgrades a database written by version ${written} with every record intact`, async () => {
      const name = `written-by-v${written}`;
      await fillVersion1(name);
      const old = await openKeepAccountDb({ name, version: written });
      const score = { accountId: 'acmeflavors.com', level: 'low', horizonDays: 90, asOf: now.slice(0, 10), orderCount: 50, thinEvidence: false, model: 'bgnbd', scoredAt: now } as const;
      const lateOrder: Order = { id: 'late', accountId: 'late.example', date: '2026-01-02', amount: 7, currency: 'EUR' };
      const stub = toStoredAccount({ id: 'customer:C-99', name: 'Customer 99', domains: [], crmIds: [], customerKeys: ['C-99'], updatedAt: now });
      const link = { id: 'link-1', from: { id: 'customer:C-17', name: 'C-17', domains: [], crmIds: [], customerKeys: ['C-17'], updatedAt: now }, intoId: 'acmeflavors.com', addedKeys: ['C-17'], linkedAt: now };
      if (written >= 2) {
        await old.put('scores', score);
        await old.put('meta', { key: 'scoredAt', value: now });
      }
      if (written >= 3) await old.put('orderBuckets', mergeBucket(bucketId(lateOrder.accountId), (await old.get('orderBuckets', bucketId(lateOrder.accountId))) as OrderBucket | undefined, [lateOrder]));
      if (written >= 4) await old.put('accountStubBuckets', { id: bucketId(stub.id), stubs: [stub] });
      if (written >= 5) await old.put('links', link);
      // v6's touch had no thread id.
      const oldTouch = { id: 'gmail:18ba', site: 'gmail' as const, messageId: '18ba', at: now, date: now.slice(0, 10), accountId: 'acmeflavors.com', direction: 'in' as const, from: { email: 'joe.park@acmeflavors.com' }, to: [], cc: [] };
      if (written >= 6) await old.put('touches', oldTouch);
      // v7's touches carried their conversation; two at another account.
      const v7Touches = [
        { ...oldTouch, id: 'gmail:18c1', messageId: '18c1', thread: 'gmail:t0' },
        { ...oldTouch, id: 'gmail:18c2', messageId: '18c2', thread: 'gmail:t0', accountId: 'late.example' },
        { ...oldTouch, id: 'gmail:18c3', messageId: '18c3', thread: 'gmail:t9', accountId: 'late.example' },
      ];
      if (written >= 7) for (const touch of v7Touches) await old.put('touches', touch);
      old.close();

      const db = await openKeepAccountDb({ name });
      expect(db.version).toBe(DB_VERSION);
      const byId = (a: Order, b: Order) => a.id.localeCompare(b.id);
      expect((await allOrders(db)).sort(byId)).toEqual([...V1_ORDERS, ...(written >= 3 ? [lateOrder] : [])].sort(byId));
      expect(await countRecords(db)).toEqual({
        accounts: written >= 4 ? 2 : 1,
        contacts: 1,
        orders: V1_ORDERS.length + (written >= 3 ? 1 : 0),
        activities: 1,
        products: 1,
        questionHistory: 1,
        importHistory: 1,
      });
      expect((await loadAccountBundle(db, 'acmeflavors.com'))?.contacts.map((c) => c.email)).toEqual(['joe.park@acmeflavors.com']);
      expect(await db.get('playbooks', 'mine')).toMatchObject({ name: 'Mine' });
      expect(await db.get('questionHistory', 'q1')).toMatchObject({ text: 'Who else?' });
      if (written >= 2) {
        expect(await db.get('scores', 'acmeflavors.com')).toEqual(score);
        expect(await db.get('meta', 'scoredAt')).toEqual({ key: 'scoredAt', value: now });
      }
      if (written >= 4) expect((await db.get('accountStubBuckets', bucketId(stub.id)))?.stubs.map((s) => s.id)).toEqual([stub.id]);
      if (written >= 5) expect(await db.get('links', 'link-1')).toEqual(link);
      // v8: every remembered touch moved into its account's bucket, the same record; the old store stays, empty.
      expect(await touchesOfAccount(db, 'acmeflavors.com')).toEqual([...(written >= 6 ? [oldTouch] : []), ...(written >= 7 ? [v7Touches[0]] : [])]);
      expect(await touchesOfAccount(db, 'late.example')).toEqual(written >= 7 ? v7Touches.slice(1) : []);
      expect(await db.count('touches')).toBe(0);
      // Every store of the current version exists and takes its records.
      await db.put('links', link);
      expect(await db.get('links', 'link-1')).toEqual(link);
      await addTouches(db, [{ ...oldTouch, id: 'gmail:18bb', messageId: '18bb', thread: 'gmail:t1' }, { ...oldTouch, id: 'gmail:18bc', messageId: '18bc', thread: 'gmail:t1' }]);
      // A message remembered before v7 has no thread: a conversation of its own.
      const before = (written >= 6 ? { conversations: 1, messages: 1 } : { conversations: 0, messages: 0 });
      if (written >= 7) Object.assign(before, { conversations: 3, messages: 4 });
      expect(await countRemembered(readOnly(db))).toEqual({ conversations: before.conversations + 1, messages: before.messages + 2 });
      expect((await allTouches(db)).filter((t) => t.thread === 'gmail:t1')).toHaveLength(2);
      db.close();
    });
  }
});
