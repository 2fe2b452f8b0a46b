import 'fake-indexeddb/auto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { READ_METHODS, readOnly, type ReadOnlyDb } from '../../../lib/db/readOnly';
import { countRecords, getMeta } from '../../../lib/db/repo';
import { exportBackup } from '../../../lib/service/backup';
import { loadBook } from '../../../lib/service/accountViews';
import { loadSavedMapping, saveMapping } from '../../../lib/service/mappingStore';
import { loadLocalPlaybooks } from '../../../lib/service/playbookStore';
import { demoDatabase, DEMO_NOW } from '../service/demoDb';

describe('ReadOnlyDb: the options page holds the database read-only', () => {
  it('has the read methods and no write method, in its type and at run time', async () => {
    expectTypeOf<ReadOnlyDb>().not.toHaveProperty('put');
    expectTypeOf<ReadOnlyDb>().not.toHaveProperty('add');
    expectTypeOf<ReadOnlyDb>().not.toHaveProperty('delete');
    expectTypeOf<ReadOnlyDb>().not.toHaveProperty('clear');
    expectTypeOf<ReadOnlyDb>().not.toHaveProperty('createObjectStore');
    // The writable database serves every reader: a function that only reads takes a ReadOnlyDb.
    expectTypeOf<Db>().toExtend<ReadOnlyDb>();
    const db = readOnly(await openKeepAccountDb({ name: 'read-only-shape' }));
    expect(Object.keys(db).sort()).toEqual(['name', 'transaction', ...READ_METHODS].sort());
    for (const write of ['put', 'add', 'delete', 'clear', 'close', 'createObjectStore', 'deleteObjectStore']) expect(write in db).toBe(false);
    expect(Object.isFrozen(db)).toBe(true);
  });

  it('opens every transaction read-only, even one asked as readwrite through a cast: the write fails and nothing changes', async () => {
    const raw = await openKeepAccountDb({ name: 'read-only-tx' });
    await raw.put('meta', { key: 'k', value: 1 });
    const db = readOnly(raw);
    const tx = db.transaction('meta', 'readwrite' as 'readonly');
    expect(tx.mode).toBe('readonly');
    const store = tx.objectStore('meta') as unknown as { put(value: unknown): Promise<unknown> };
    // IndexedDB refuses a write request in a readonly transaction on the spot (ReadOnlyError).
    expect(() => store.put({ key: 'k', value: 2 })).toThrow(expect.objectContaining({ name: 'ReadOnlyError' }));
    await tx.done.catch(() => undefined);
    expect(await getMeta(db, 'k')).toBe(1);
  });

  it('reads everything the options page shows: counts, the book, playbooks, a saved mapping and the backup', async () => {
    const { db: raw } = await demoDatabase('read-only-reads');
    const db = readOnly(raw);
    expect(await countRecords(db)).toEqual(await countRecords(raw));
    expect((await loadLocalPlaybooks(db)).length).toBeGreaterThan(0);
    // loadBook is typed with Db (lib/service/accountViews.ts) but only reads: the read-only view serves it.
    const book = await loadBook(db as unknown as Db);
    expect(book.accounts.length).toBe((await countRecords(raw)).accounts);
    expect(JSON.parse(await exportBackup(db, DEMO_NOW))).toMatchObject({ format: 'keep-account/backup', exportedAt: DEMO_NOW.toISOString() });
    const mapping = { kind: 'orders' as const, columns: { date: 'Datum', amount: ['Summe', 'Betrag'] } };
    await saveMapping(raw, 'map-0a1b', mapping);
    expect(await loadSavedMapping(db, 'map-0a1b')).toEqual(mapping);
    expect(await loadSavedMapping(db, 'map-ffff')).toBeUndefined();
    await raw.put('meta', { key: 'mapping:map-bad', value: { kind: 'invoices', columns: {} } });
    expect(await loadSavedMapping(db, 'map-bad')).toBeUndefined();
  });
});
