import { describe, expect, it } from 'vitest';
import { serveImports, type WorkerResponse } from '../../../lib/import/worker';
import { fixture } from './fixtures';

function fakeWorker() {
  const messages: WorkerResponse[] = [];
  const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (m: WorkerResponse) => messages.push(m) };
  serveImports(scope);
  const send = (data: unknown) => scope.onmessage!({ data });
  const until = async (type: WorkerResponse['type']) => {
    for (let i = 0; i < 200 && !messages.some((m) => m.type === type); i++) await new Promise((r) => setTimeout(r, 5));
    return messages.find((m) => m.type === type);
  };
  return { messages, send, until };
}

describe('import worker protocol', () => {
  it('parse → progress … done with the preview', async () => {
    const worker = fakeWorker();
    worker.send({ type: 'parse', file: fixture('orders.csv'), options: { fileName: 'orders.csv' } });
    const done = await worker.until('done');
    expect(done?.type === 'done' && done.preview.batch.orders).toHaveLength(4);
    expect(worker.messages.some((m) => m.type === 'progress')).toBe(true);
  });

  it('rejects malformed messages with an error message', async () => {
    const worker = fakeWorker();
    worker.send({ type: 'parse', file: 'not a file', options: { fileName: 'x.csv' } });
    expect((await worker.until('error'))?.type).toBe('error');
    worker.send({ type: 'explode' });
    expect(worker.messages.filter((m) => m.type === 'error')).toHaveLength(2);
  });

  it('cancel stops the parse with a clear message', async () => {
    const worker = fakeWorker();
    const lines = ['Invoice No,Invoice Date,Customer ID,Amount'];
    for (let i = 0; i < 80_000; i++) lines.push(`I${i},2024-01-01,C1,1`);
    worker.send({ type: 'parse', file: new Blob([lines.join('\n')]), options: { fileName: 'big.csv' } });
    worker.send({ type: 'cancel' });
    const error = await worker.until('error');
    expect(error).toEqual({ type: 'error', message: 'Import cancelled; nothing was saved.' });
    expect(worker.messages.some((m) => m.type === 'done')).toBe(false);
  });

  it('errors from the parse are reported, not thrown', async () => {
    const worker = fakeWorker();
    worker.send({ type: 'parse', file: new Blob(['']), options: { fileName: 'empty.csv' } });
    expect(await worker.until('error')).toEqual({ type: 'error', message: 'empty.csv is empty.' });
  });
});
