import { describe, expect, it } from 'vitest';
import { settle, StorageFullError } from '../../../lib/service/importCommit';
import { storageFullText } from '../../../lib/words/storage';

// The quota path in the browser is tests/e2e/storage.spec.ts; here, what settle() makes of a transaction the
// browser aborted with QuotaExceededError (fake-indexeddb has no quota).
function abortedTransaction(name: string): IDBTransaction {
  const tx = { error: new DOMException('quota', name), abort() {}, oncomplete: null, onabort: null } as unknown as IDBTransaction;
  queueMicrotask(() => (tx.onabort as () => void)());
  return tx;
}

describe('storage full', () => {
  it('turns an import aborted for want of space into StorageFullError with the import sentence', async () => {
    const error = await settle(abortedTransaction('QuotaExceededError'), undefined, 'interrupted').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).what).toBe('import');
    expect((error as Error).message).toBe(storageFullText('import'));
    expect((error as Error).message).toContain('Nothing from this file was saved');
  });

  it('says a restore changed nothing', async () => {
    const error = await settle(abortedTransaction('QuotaExceededError'), undefined, 'interrupted', 'restore').catch((e: unknown) => e);
    expect((error as Error).message).toBe(storageFullText('restore'));
    expect((error as Error).message).toContain('Nothing changed');
  });

  it('leaves other aborts as they were', async () => {
    const error = await settle(abortedTransaction('UnknownError'), undefined, 'interrupted').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect((error as DOMException).name).toBe('UnknownError');
  });
});
