// The import worker's parse protocol: parses one file off the options page's main thread (the worker entry that
// also writes the file is lib/service/importWorker.ts). Messages in are validated
// (they come from our own page, but a worker trusts nothing it is handed); one parse at a time.
import { z } from 'zod';
import { parseImportFile } from './parse';
import type { ImportPreview, ParseOptions } from './types';

const TargetColumns = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const WorkerRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('parse'),
    file: z.instanceof(Blob),
    options: z.object({
      fileName: z.string(),
      format: z.string().optional(),
      mapping: z.object({ kind: z.enum(['contacts', 'companies', 'deals', 'orders', 'activities']), columns: TargetColumns }).optional(),
      dateOrder: z.enum(['dmy', 'mdy']).optional(),
      accountIndex: z.record(z.string(), z.string()).optional(),
    }),
  }),
  z.object({ type: z.literal('cancel') }),
]);

export type WorkerResponse =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'done'; preview: ImportPreview }
  | { type: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

/** Wires the message protocol to a scope; exported so that a test can drive it without a real worker. */
export function serveImports(scope: WorkerScope): void {
  let running: AbortController | undefined;
  scope.onmessage = (event) => {
    const parsed = WorkerRequest.safeParse(event.data);
    if (!parsed.success) {
      scope.postMessage({ type: 'error', message: `Unexpected message to the import worker: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return;
    }
    const request = parsed.data;
    if (request.type === 'cancel') {
      running?.abort();
      return;
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    let lastProgress = 0;
    parseImportFile(request.file, {
      ...(request.options as Omit<ParseOptions, 'onProgress' | 'signal'>),
      signal: controller.signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastProgress < 100 && p.fraction < 1) return;
        lastProgress = now;
        scope.postMessage({ type: 'progress', rows: p.rows, fraction: p.fraction });
      },
    }).then(
      (preview) => {
        if (!controller.signal.aborted) scope.postMessage({ type: 'done', preview });
      },
      (error: unknown) => {
        scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    ).finally(() => {
      if (running === controller) running = undefined;
    });
  };
}
