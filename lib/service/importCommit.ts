import { unwrap } from 'idb';
import { countDataChange } from '../db/pending';
import type { Account, Activity, Contact, ImportRecord, Order, Product } from '../model/records';
import type { Db, StoredContact } from '../db/schema';
import { accountWrites } from '../db/accounts';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from '../db/repo';
import { orderBucketWrites } from '../db/orders';
import { mergeAccount, mergeContact } from '../import';
import { storageFullText, type StorageFullWhat } from '../words/storage';

export interface ImportBatch {
  accounts: Account[];
  contacts: Contact[];
  orders: Order[];
  activities: Activity[];
  products?: Product[];
}

/** The browser refused the transaction for want of space (QuotaExceededError): nothing of it was written. */
export class StorageFullError extends Error {
  constructor(readonly what: StorageFullWhat) {
    super(storageFullText(what));
    this.name = 'StorageFullError';
  }
}

export interface CommitOptions {
  /** Main-thread time spent issuing requests before yielding to the page (ms). */
  sliceMs?: number;
  /** Progress in records written so far (called once per slice). */
  onProgress?: (written: number, total: number) => void;
}

const STORES = ['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'activities', 'products', 'importHistory', 'meta'] as const;

/** One kind of record to write: the items and the request that writes one. */
export interface WriteSource {
  items: readonly unknown[];
  write: (item: never) => IDBRequest;
  /** Look at the clock after this many writes (default 64); 1 for writes that cost a millisecond or more each. */
  every?: number;
}

/**
 * Issues the writes of `sources` in slices of about `sliceMs` of main-thread work instead of all at once (200,000
 * puts in one go are seconds of frozen page): the next slice goes out when the one before the last has been
 * written, so two slices are in flight and IndexedDB stays busy. Requests still pending keep the transaction
 * alive, and a request may only be placed while it is active, i.e. in a request's success event
 * (https://w3c.github.io/IndexedDB/#transaction-lifetime). Call it while the transaction is active. No promise per
 * request: a failed request aborts the transaction, whose complete/abort event settles the caller.
 */
export function writeInSlices(sources: WriteSource[], options: CommitOptions = {}): void {
  const total = sources.reduce((sum, s) => sum + s.items.length, 0);
  const sliceMs = options.sliceMs ?? 12;
  let source = 0;
  let index = 0;
  let written = 0;
  let sinceCheck = 0;
  /** Issues requests for about sliceMs; returns the last request of the slice, or undefined when all are out. */
  const slice = (): IDBRequest | undefined => {
    const until = performance.now() + sliceMs;
    let last: IDBRequest | undefined;
    while (source < sources.length) {
      const { items, write, every = 64 } = sources[source];
      if (index >= items.length) {
        source++;
        index = 0;
        continue;
      }
      last = write(items[index++] as never);
      written++;
      if (++sinceCheck >= every) {
        sinceCheck = 0;
        if (performance.now() >= until) break;
      }
    }
    options.onProgress?.(written, total);
    return source < sources.length ? last : undefined;
  };
  const chain = (request: IDBRequest | undefined) => request?.addEventListener('success', () => chain(slice()), { once: true });
  chain(slice());
  chain(slice());
}

/** Settles when the transaction commits; rejects when it aborts. `signal` aborts it. */
export async function settle(tx: IDBTransaction, signal: AbortSignal | undefined, interrupted: string, what: StorageFullWhat = 'import'): Promise<void> {
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // already finished
    }
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? (signal?.aborted ? cancelled() : new Error(interrupted)));
    });
  } catch (error) {
    abort();
    if ((error as { name?: string })?.name === 'QuotaExceededError') throw new StorageFullError(what);
    if (signal?.aborted) throw cancelled();
    throw error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * Writes one file's records in ONE transaction: a cancel, a crash, a closed tab or a killed worker aborts
 * it and the database stays exactly as it was before the file. Records merge field by field (last write wins).
 * The writes go out in slices (writeInSlices) so that the page stays responsive during a 200,000-row file.
 */
export async function commitImport(db: Db, batch: ImportBatch, record: ImportRecord, signal?: AbortSignal, options: CommitOptions = {}): Promise<void> {
  if (signal?.aborted) throw cancelled();
  // Relaxed durability: the commit is still atomic (all or nothing); only the OS-level flush is not awaited, which
  // is what makes bulk writes fast (https://developer.chrome.com/blog/indexeddb-durability-mode-now-defaults-to-relaxed).
  const wrapped = db.transaction([...STORES], 'readwrite', { durability: 'relaxed' });
  wrapped.done.catch(() => undefined); // idb's own promise: an abort is reported by settle below, not as an unhandled rejection
  const tx = unwrap(wrapped) as IDBTransaction;
  const contacts = tx.objectStore('contacts');
  // Keys already stored, read once: a new contact is put straight away, only an existing one is read and merged.
  const existingContacts = new Set<IDBValidKey>();
  const mergedContact = (c: Contact) => {
    if (!existingContacts.has(c.email)) return contacts.put(toStoredContact(c));
    const request = contacts.get(c.email);
    request.onsuccess = () => contacts.put(toStoredContact(request.result ? mergeContact(fromStoredContact(request.result as StoredContact), c) : c));
    return request;
  };
  // Accounts: merged into `accounts` when already there, else into their stub bucket (lib/db/accounts.ts): an order
  // log's customers cost one put per touched bucket, not one per customer.
  const accounts = accountWrites(tx, batch.accounts, mergeAccount, toStoredAccount, fromStoredAccount);
  // An order file belongs to its feed (its source); the feed's as-of date is in the history record (lib/db/feeds.ts).
  const feed = record.feed && record.asOf && batch.orders.length ? record.feed : undefined;
  const orders = orderBucketWrites(tx, feed ? batch.orders.map((o) => ({ ...o, feed })) : batch.orders);
  const sources: WriteSource[] = [
    accounts,
    { items: batch.contacts, write: mergedContact },
    // One merged put per touched bucket (lib/db/orders.ts), not one put per order line.
    orders,
    putAll(tx, 'activities', batch.activities),
    putAll(tx, 'products', batch.products ?? []),
    putAll(tx, 'importHistory', [record]),
  ];
  // First what is already there (account and contact keys, the touched stub and order buckets), then the writes.
  let read = 0;
  const start = () => {
    if (++read === 3) writeInSlices(sources, options);
  };
  // The scores must follow this file: counted with it, so a rescore cut short is finished on the next wake-up.
  countDataChange(tx);
  const request = contacts.getAllKeys();
  request.onsuccess = () => {
    for (const key of request.result) existingContacts.add(key);
    start();
  };
  accounts.load(start);
  orders.load(start);
  await settle(tx, signal, 'Saving was interrupted; nothing from this file was saved.');
}

/** Puts every item into one store. */
export const putAll = <T>(tx: IDBTransaction, store: string, items: readonly T[]): WriteSource => ({ items, write: (item: T) => tx.objectStore(store).put(item) });

const cancelled = () => new DOMException('Import cancelled; nothing was saved.', 'AbortError');
