import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, openKeepAccountDb } from '../../../lib/db/schema';

// A schema upgrade opened elsewhere (a newer extension version) while this context holds the database: the
// connection steps aside and says so (the options page then asks the user to reload, the background opens again).
// In the browser: tests/e2e/tabs.spec.ts.
describe('a schema upgrade while a connection is open', () => {
  it('closes the old connection, tells its owner, and the upgrade is never blocked', async () => {
    const name = `version-change-${Math.random()}`;
    let told = 0;
    const old = await openKeepAccountDb({ name, onVersionChange: () => told++ });
    await old.put('meta', { key: 'kept', value: 1 });
    let blocked = 0;
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('fromTheFuture'),
      blocked: () => blocked++,
    });
    expect(told).toBe(1);
    expect(blocked).toBe(0);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.get('meta', 'kept')).toEqual({ key: 'kept', value: 1 });
    // The old connection is closed: it starts nothing new (and does not hang).
    expect(() => old.transaction('meta')).toThrow(/closing|closed|InvalidState/i);
    newer.close();
  });
});
