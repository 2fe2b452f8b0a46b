// The import worker: parses one file AND writes it, so that the parsed rows never cross to the options page.
// The page gets a summary (counts, rejected rows, questions to ask) and later says "commit"; closing the page or
// pressing Cancel terminates this worker, which aborts its one IndexedDB transaction: nothing is saved.
// It is the one writer of the database besides the background, which owns it: the exception is named in
// lib/db/owner.ts (DIRECT_WRITER) and held to by tests/unit/dbOwner.test.ts.
import { z } from 'zod';
import { feedOf, ordersThroughOf, parseImportFile } from '../import';
import type { ImportPreview } from '../import/types';
import { WorkerRequest } from '../import/worker';
import { ImportRecord } from '../model/records';
import { openKeepAccountDb } from '../db/schema';
import { commitImport, StorageFullError } from './importCommit';
import { IMPORT_AFTER_UPGRADE } from '../words/storage';

/** What the page sees of a parsed file: everything but the rows themselves. */
export type ImportSummary = Omit<ImportPreview, 'batch'> & {
  counts: { accounts: number; contacts: number; orders: number; activities: number };
  /** The newest order in the file (yyyy-mm-dd): the default as-of date of its orders. */
  ordersThrough?: string;
  /** The order source the file belongs to: the same export (format and headers) imported again is the same feed. */
  feed: string;
};

export type ImportWorkerReply =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'parsed'; summary: ImportSummary }
  | { type: 'writing'; fraction: number }
  | { type: 'committed' }
  | { type: 'error'; message: string };

const Request = z.union([WorkerRequest, z.object({ type: z.literal('commit'), record: ImportRecord })]);

interface Scope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: ImportWorkerReply): void;
}

export function summarize({ batch, ...rest }: ImportPreview): ImportSummary {
  const ordersThrough = ordersThroughOf(batch.orders);
  return {
    ...rest,
    counts: { accounts: batch.accounts.length, contacts: batch.contacts.length, orders: batch.orders.length, activities: batch.activities.length },
    ...(ordersThrough ? { ordersThrough } : {}),
    feed: feedOf(rest.format, rest.headers),
  };
}

export function serveImportSession(scope: Scope): void {
  let parsed: ImportPreview | undefined;
  let busy = false;
  scope.onmessage = async (event) => {
    const request = Request.safeParse(event.data);
    if (!request.success) {
      scope.postMessage({ type: 'error', message: `Unexpected message to the import worker: ${request.error.issues[0]?.message ?? 'invalid'}` });
      return;
    }
    const message = request.data;
    if (message.type === 'cancel') return; // the page terminates the worker; nothing to keep
    if (busy) {
      scope.postMessage({ type: 'error', message: 'The import worker is busy with this file.' });
      return;
    }
    busy = true;
    try {
      if (message.type === 'parse') {
        let last = 0;
        parsed = await parseImportFile(message.file, {
          ...(message.options as Parameters<typeof parseImportFile>[1]),
          onProgress: (p) => {
            if (performance.now() - last < 100 && p.fraction < 1) return;
            last = performance.now();
            scope.postMessage({ type: 'progress', rows: p.rows, fraction: p.fraction });
          },
        });
        scope.postMessage({ type: 'parsed', summary: summarize(parsed) });
      } else {
        if (!parsed) throw new Error('Nothing was read yet: choose the file again.');
        const db = await openKeepAccountDb();
        let shownAt = 0;
        await commitImport(db, parsed.batch, message.record, undefined, {
          onProgress: (written, total) => {
            if (performance.now() - shownAt < 100) return;
            shownAt = performance.now();
            scope.postMessage({ type: 'writing', fraction: total ? written / total : 1 });
          },
        });
        db.close();
        parsed = undefined;
        scope.postMessage({ type: 'committed' });
      }
    } catch (error) {
      // A newer version upgraded the database since this page loaded: its code cannot open it (VersionError).
      const newer = (error as { name?: string })?.name === 'VersionError';
      const text = newer ? IMPORT_AFTER_UPGRADE : error instanceof StorageFullError || error instanceof Error ? error.message : String(error);
      scope.postMessage({ type: 'error', message: text });
    } finally {
      busy = false;
    }
  };
}

declare const self: unknown;
if (typeof self !== 'undefined' && typeof (self as { postMessage?: unknown }).postMessage === 'function' && typeof (globalThis as { window?: unknown }).window === 'undefined') {
  serveImportSession(self as Scope);
}
