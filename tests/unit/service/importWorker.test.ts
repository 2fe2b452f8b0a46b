import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serveImportSession, type ImportWorkerReply } from '../../../lib/service/importWorker';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { countRecords } from '../../../lib/db/repo';

const NOW = new Date('2026-11-23T12:00:00Z');

function session() {
  const replies: ImportWorkerReply[] = [];
  const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (m: ImportWorkerReply) => replies.push(m) };
  serveImportSession(scope);
  const send = async (data: unknown, until: ImportWorkerReply['type'][]) => {
    const from = replies.length;
    scope.onmessage!({ data });
    for (let i = 0; i < 400 && !replies.slice(from).some((r) => until.includes(r.type)); i++) await new Promise((r) => setTimeout(r, 10));
    return replies.slice(from);
  };
  return { send };
}

const csv = 'Invoice No,Invoice Date,Customer ID,Customer Name,Customer Domain,Product,SKU,Quantity,Amount,Currency\n' +
  'INV-1,2026-01-05,C1,Northwind Foods,northwind-foods.com,Vanilla extract,VAN-1,2,120.00,EUR\n' +
  'INV-2,2026-02-03,C1,Northwind Foods,northwind-foods.com,Vanilla extract,VAN-1,1,60.00,EUR\n';

describe('the import worker keeps the rows and writes them itself', () => {
  it('answers a parse with a summary (no rows), then commits on request', async () => {
    const worker = session();
    const parsed = await worker.send({ type: 'parse', file: new Blob([csv]), options: { fileName: 'orders.csv', now: NOW } }, ['parsed', 'error']);
    const summary = parsed.find((r) => r.type === 'parsed');
    expect(summary).toBeDefined();
    if (summary?.type !== 'parsed') return;
    expect(summary.summary.counts).toMatchObject({ orders: 2, accounts: 1 });
    expect('batch' in summary.summary).toBe(false);
    const record = { id: 'r1', fileName: 'orders.csv', source: summary.summary.format, kind: 'orders', rowsRead: 2, rowsImported: 2, rowsRejected: 0, importedAt: '2026-11-23T10:00:00.000Z' };
    const committed = await worker.send({ type: 'commit', record }, ['committed', 'error']);
    expect(committed.at(-1)).toEqual({ type: 'committed' });
    const db = await openKeepAccountDb();
    expect(await countRecords(db)).toMatchObject({ accounts: 1, orders: 2, importHistory: 1 });
    db.close();
  });

  it('reports progress while it parses, and parse errors as messages (never throws)', async () => {
    const worker = session();
    const lines = ['Invoice No,Invoice Date,Customer ID,Amount'];
    for (let i = 0; i < 30_000; i++) lines.push(`I${i},2024-01-01,C${i % 50},1`);
    const replies = await worker.send({ type: 'parse', file: new Blob([lines.join('\n')]), options: { fileName: 'big.csv', now: NOW } }, ['parsed', 'error']);
    expect(replies.some((r) => r.type === 'progress')).toBe(true);
    expect(replies.at(-1)?.type).toBe('parsed');
    expect((await worker.send({ type: 'parse', file: new Blob(['']), options: { fileName: 'empty.csv', now: NOW } }, ['error'])).at(-1)).toEqual({ type: 'error', message: 'empty.csv is empty.' });
    expect((await worker.send({ type: 'parse', file: 'not a file', options: { fileName: 'x.csv', now: NOW } }, ['error'])).at(-1)?.type).toBe('error');
  });

  it('refuses a commit before any parse, and messages that do not parse', async () => {
    const worker = session();
    expect((await worker.send({ type: 'commit', record: { id: 'x', fileName: 'a', source: 'a', kind: 'orders', rowsRead: 0, rowsImported: 0, rowsRejected: 0, importedAt: 'now' } }, ['error'])).at(-1)).toMatchObject({
      type: 'error',
      message: expect.stringContaining('Nothing was read yet'),
    });
    expect((await worker.send({ type: 'drop tables' }, ['error'])).at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('Unexpected message') });
  });
});
