import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { accountKeyIndex, countRecords, deleteAccount, hasAnyData, loadAccountBundle, toStoredAccount } from '../../../lib/db/repo';
import { allAccounts, countAccounts, getAccount, isAccountStub, stubBucketId } from '../../../lib/db/accounts';
import { bucketId } from '../../../lib/db/orders';
import { indexedDbLookup } from '../../../lib/db/lookup';
import { commitImport, type ImportBatch } from '../../../lib/service/importCommit';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import type { Account, ImportRecord, Order } from '../../../lib/model/records';

const now = '2026-11-23T10:00:00.000Z';
let dbCount = 0;
const freshDb = () => openKeepAccountDb({ name: `stubs-${++dbCount}` });

const stub = (key: string): Account => ({ id: `customer:${key}`, name: `Customer ${key}`, domains: [], crmIds: [], customerKeys: [key], updatedAt: now });
const order = (key: string, i: number): Order => ({ id: `o-${key}-${i}`, accountId: `customer:${key}`, date: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, amount: 10 + i });
const record = (id: string): ImportRecord => ({ id, fileName: `${id}.csv`, source: 'generic', kind: 'orders', rowsRead: 1, rowsImported: 1, rowsRejected: 0, importedAt: now });

/** An order log's batch: `n` customers, two orders each. */
function orderLog(n: number): ImportBatch {
  const keys = Array.from({ length: n }, (_, i) => String(1000 + i));
  return { accounts: keys.map(stub), contacts: [], orders: keys.flatMap((k) => [order(k, 0), order(k, 1)]), activities: [] };
}

const stubsStored = async (db: Db) => (await db.getAll('accountStubBuckets')).reduce((sum, b) => sum + b.stubs.length, 0);

describe('account stubs in buckets (schema v4)', () => {
  it('tells a stub from a real account', () => {
    expect(isAccountStub(stub('7'))).toBe(true);
    expect(isAccountStub({ ...stub('7'), name: 'Acme Flavors' })).toBe(false);
    expect(isAccountStub({ ...stub('7'), domains: ['acme.com'] })).toBe(false);
    expect(isAccountStub({ ...stub('7'), crmIds: [{ crm: 'hubspot', recordId: '9' }] })).toBe(false);
    expect(isAccountStub({ ...stub('7'), industry: 'Food' })).toBe(false);
    expect(isAccountStub({ ...stub('7'), customerKeys: [] })).toBe(false);
    expect(stubBucketId('customer:7')).toBe(bucketId('customer:7'));
  });

  it('stores new stubs in buckets, not in `accounts`, and every reader sees them', async () => {
    const db = await freshDb();
    await commitImport(db, orderLog(300), record('i1'));
    expect(await db.count('accounts')).toBe(0);
    expect(await stubsStored(db)).toBe(300);
    expect(await db.count('accountStubBuckets')).toBeLessThanOrEqual(300);
    for (const bucket of await db.getAll('accountStubBuckets')) for (const s of bucket.stubs) expect(stubBucketId(s.id)).toBe(bucket.id);
    expect(await countAccounts(db)).toBe(300);
    expect((await countRecords(db)).accounts).toBe(300);
    expect(await hasAnyData(db)).toBe(true);
    expect((await allAccounts(db)).map((a) => a.id).sort()).toEqual(orderLog(300).accounts.map((a) => a.id).sort());
    expect(await getAccount(db, 'customer:1042')).toMatchObject({ name: 'Customer 1042', customerKeys: ['1042'], nameKey: expect.any(String) });
    expect(await getAccount(db, 'customer:nope')).toBeUndefined();
    expect(await indexedDbLookup(db).accountById('customer:1042')).toEqual(stub('1042'));
    const bundle = await loadAccountBundle(db, 'customer:1042');
    expect(bundle?.account).toEqual(stub('1042'));
    expect(bundle?.orders).toHaveLength(2);
    expect((await accountKeyIndex(db))['customer:1042']).toBe('customer:1042');
    db.close();
  });

  it('a re-import of the same log changes nothing', async () => {
    const db = await freshDb();
    await commitImport(db, orderLog(200), record('i1'));
    const before = await db.getAll('accountStubBuckets');
    await commitImport(db, orderLog(200), record('i2'));
    expect(await db.getAll('accountStubBuckets')).toEqual(before);
    expect(await db.count('accounts')).toBe(0);
    expect(await countRecords(db)).toMatchObject({ accounts: 200, orders: 400, importHistory: 2 });
    db.close();
  });

  it('promotes a stub to `accounts` when an import gives it a CRM id, a domain or a real name', async () => {
    const db = await freshDb();
    await commitImport(db, orderLog(50), record('i1'));
    const crm: Account = { ...stub('1001'), crmIds: [{ crm: 'hubspot', recordId: '77' }] };
    const named: Account = { ...stub('1002'), name: 'Acme Flavors' };
    const domain: Account = { ...stub('1003'), domains: ['acme.example'] };
    await commitImport(db, { accounts: [crm, named, domain], contacts: [], orders: [], activities: [] }, record('i2'));
    expect((await db.getAllKeys('accounts')).sort()).toEqual(['customer:1001', 'customer:1002', 'customer:1003']);
    expect(await stubsStored(db)).toBe(47);
    expect(await countAccounts(db)).toBe(50);
    expect(await getAccount(db, 'customer:1001')).toMatchObject({ crmIds: [{ crm: 'hubspot', recordId: '77' }], customerKeys: ['1001'] });
    expect((await indexedDbLookup(db).accountsByCrmId('hubspot', '77')).map((a) => a.id)).toEqual(['customer:1001']);
    expect((await indexedDbLookup(db).accountsByDomain('acme.example')).map((a) => a.id)).toEqual(['customer:1003']);
    // The real name stays when the order log comes again with its placeholder; the account stays in `accounts`.
    await commitImport(db, orderLog(50), record('i3'));
    expect(await getAccount(db, 'customer:1002')).toMatchObject({ name: 'Acme Flavors' });
    expect(await db.count('accounts')).toBe(3);
    expect(await countAccounts(db)).toBe(50);
    db.close();
  });

  it('puts a new real account straight into `accounts` and merges a stub into an account already there', async () => {
    const db = await freshDb();
    await db.put('accounts', toStoredAccount({ ...stub('5'), name: 'Old Co' }));
    await commitImport(db, { accounts: [stub('5'), { ...stub('6'), name: 'New Co' }], contacts: [], orders: [], activities: [] }, record('i1'));
    expect((await db.getAllKeys('accounts')).sort()).toEqual(['customer:5', 'customer:6']);
    expect(await getAccount(db, 'customer:5')).toMatchObject({ name: 'Old Co' });
    expect(await stubsStored(db)).toBe(0);
    db.close();
  });

  it('deleting a stub removes it from its bucket with its orders', async () => {
    const db = await freshDb();
    await commitImport(db, orderLog(20), record('i1'));
    await deleteAccount(db, 'customer:1005');
    expect(await getAccount(db, 'customer:1005')).toBeUndefined();
    expect(await countRecords(db)).toMatchObject({ accounts: 19, orders: 38 });
    // The last stub of a bucket: the bucket goes.
    const db2 = await freshDb();
    await commitImport(db2, orderLog(1), record('i1'));
    await deleteAccount(db2, 'customer:1000');
    expect(await db2.count('accountStubBuckets')).toBe(0);
    expect(await hasAnyData(db2)).toBe(false);
    db.close();
    db2.close();
  });

  it('a backup exports stubs as plain accounts and a restore puts them back in buckets', async () => {
    const db = await freshDb();
    await commitImport(db, orderLog(30), record('i1'));
    await commitImport(db, { accounts: [{ ...stub('1001'), name: 'Acme Flavors' }], contacts: [], orders: [], activities: [] }, record('i2'));
    const text = await exportBackup(db, new Date('2026-11-23T12:00:00Z'));
    const exported = JSON.parse(text).stores.accounts as Account[];
    expect(exported).toHaveLength(30);
    expect(exported.find((a) => a.id === 'customer:1002')).toEqual(stub('1002'));
    const target = await freshDb();
    expect(await restoreBackup(target, text)).toMatchObject({ ok: true });
    expect(await target.count('accounts')).toBe(1);
    expect(await stubsStored(target)).toBe(29);
    expect(await countRecords(target)).toEqual(await countRecords(db));
    db.close();
    target.close();
  });
});
