import type { ParseOptions } from '../../lib/import';
import type { ImportRecord } from '../../lib/model/records';
import type { ImportSummary, ImportWorkerReply } from '../../lib/service/importWorker';
// Vite bundles the worker as its own file in the extension (worker-src 'self'); no blob: or data: URL.
import ImportWorker from '../../lib/service/importWorker.ts?worker';

export type { ImportSummary };

const cancelled = () => new DOMException('Import cancelled; nothing was saved.', 'AbortError');

/**
 * One file's import, run in its own Web Worker: the worker parses the file and keeps the rows; this page gets a
 * summary, then asks it to commit. Cancel (or closing the page) terminates the worker, which aborts its single
 * IndexedDB transaction: the database stays as it was. A 200,000-row file never touches this page's main thread.
 * The worker writes the database itself, the one exception to "the background does every write" (lib/db/owner.ts);
 * after a commit the page sends `dataChanged` and the background rescores.
 */
export class ImportSession {
  private current: Worker | undefined;
  private get worker(): Worker {
    return (this.current ??= new ImportWorker());
  }

  private run<T>(message: unknown, signal: AbortSignal, onReply: (reply: ImportWorkerReply, done: (value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        signal.removeEventListener('abort', onAbort);
        this.worker.onmessage = null;
        this.worker.onerror = null;
      };
      const onAbort = () => {
        settle();
        this.dispose();
        reject(cancelled());
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'error') {
          settle();
          reject(new Error(reply.message));
          return;
        }
        onReply(reply, (value) => {
          settle();
          resolve(value);
        });
      };
      this.worker.onerror = (event) => {
        settle();
        reject(new Error(event.message || 'The import worker stopped unexpectedly.'));
      };
      this.worker.postMessage(message);
    });
  }

  parse(file: File, options: Omit<ParseOptions, 'onProgress' | 'signal'>, onProgress: (p: { rows: number; fraction: number }) => void, signal: AbortSignal): Promise<ImportSummary> {
    return this.run<ImportSummary>({ type: 'parse', file, options }, signal, (reply, done) => {
      if (reply.type === 'progress') onProgress({ rows: reply.rows, fraction: reply.fraction });
      if (reply.type === 'parsed') done(reply.summary);
    });
  }

  commit(record: ImportRecord, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<void> {
    return this.run<void>({ type: 'commit', record }, signal, (reply, done) => {
      if (reply.type === 'writing') onProgress(reply.fraction);
      if (reply.type === 'committed') done();
    });
  }

  dispose() {
    this.current?.terminate();
    this.current = undefined;
  }
}
