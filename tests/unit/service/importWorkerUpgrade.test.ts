import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { serveImportSession, type ImportWorkerReply } from '../../../lib/service/importWorker';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';
import { IMPORT_AFTER_UPGRADE } from '../../../lib/words/storage';

// A file parsed in an options page that was loaded before a newer version upgraded the database: the commit cannot
// open it (VersionError) and says so in words, nothing saved. (The page's own banner: tests/e2e/tabs.spec.ts.)
describe('the import worker after a schema upgrade elsewhere', () => {
  it('refuses the commit with a clear message', async () => {
    (await openDB(DB_NAME, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('fromTheFuture') })).close();
    const replies: ImportWorkerReply[] = [];
    const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (m: ImportWorkerReply) => replies.push(m) };
    serveImportSession(scope);
    const until = async (type: ImportWorkerReply['type'] | 'error') => {
      for (let i = 0; i < 400 && !replies.some((r) => r.type === type || r.type === 'error'); i++) await new Promise((r) => setTimeout(r, 10));
    };
    const csv = 'Invoice No,Invoice Date,Customer ID,Customer Name,Amount\nINV-1,2026-01-05,C1,Northwind Foods,120.00\n';
    scope.onmessage!({ data: { type: 'parse', file: new Blob([csv]), options: { fileName: 'orders.csv', now: new Date('2026-11-23T12:00:00Z') } } });
    await until('parsed');
    expect(replies.at(-1)?.type).toBe('parsed');
    const record = { id: 'r1', fileName: 'orders.csv', source: 'generic', kind: 'orders', rowsRead: 1, rowsImported: 1, rowsRejected: 0, importedAt: '2026-11-23T10:00:00.000Z' };
    replies.length = 0;
    scope.onmessage!({ data: { type: 'commit', record } });
    await until('committed');
    expect(replies.at(-1)).toEqual({ type: 'error', message: IMPORT_AFTER_UPGRADE });
  });
});
