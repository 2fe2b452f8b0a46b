import type { ImportPreview, ParseOptions } from '../../lib/import';
// Vite bundles the worker as its own file in the extension (worker-src 'self'); no blob: or data: URL.
import ImportWorker from '../../lib/import/worker.ts?worker';

/** Runs one parse in a Web Worker so that a 200,000-row file never blocks this page. */
export function parseInWorker(
  file: File,
  options: Omit<ParseOptions, 'onProgress' | 'signal'>,
  onProgress: (progress: { rows: number; fraction: number }) => void,
  signal: AbortSignal,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    const finish = () => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('Import cancelled; nothing was saved.', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent) => {
      const message = event.data as { type: string; rows?: number; fraction?: number; preview?: ImportPreview; message?: string };
      if (message.type === 'progress') onProgress({ rows: message.rows ?? 0, fraction: message.fraction ?? 0 });
      else if (message.type === 'done' && message.preview) {
        finish();
        resolve(message.preview);
      } else if (message.type === 'error') {
        finish();
        reject(new Error(message.message ?? 'The file could not be read.'));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The import worker stopped unexpectedly.'));
    };
    worker.postMessage({ type: 'parse', file, options });
  });
}
