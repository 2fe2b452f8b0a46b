import type { Account, Activity, Contact, ImportRecord, Order, Product } from '../model/records';
import type { Db } from '../db/schema';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from '../db/repo';
import { mergeAccount, mergeContact } from '../import';

export interface ImportBatch {
  accounts: Account[];
  contacts: Contact[];
  orders: Order[];
  activities: Activity[];
  products?: Product[];
}

export class StorageFullError extends Error {
  constructor() {
    super('The browser refused to store more data (storage quota reached). Nothing from this file was saved; free space or delete old data and try again.');
  }
}

/**
 * Writes one file's records in ONE transaction: a cancel, a crash, a closed tab or a killed worker aborts
 * it and the database stays exactly as it was before the file. Records merge field by field (last write wins).
 */
export async function commitImport(db: Db, batch: ImportBatch, record: ImportRecord, signal?: AbortSignal): Promise<void> {
  const tx = db.transaction(['accounts', 'contacts', 'orders', 'activities', 'products', 'importHistory'], 'readwrite');
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // already finished
    }
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const accounts = tx.objectStore('accounts');
    const contacts = tx.objectStore('contacts');
    const pending: Promise<unknown>[] = [];
    for (const incoming of batch.accounts) {
      pending.push(
        accounts.get(incoming.id).then((existing) => accounts.put(toStoredAccount(existing ? mergeAccount(fromStoredAccount(existing), incoming) : incoming))),
      );
    }
    for (const incoming of batch.contacts) {
      pending.push(
        contacts.get(incoming.email).then((existing) => contacts.put(toStoredContact(existing ? mergeContact(fromStoredContact(existing), incoming) : incoming))),
      );
    }
    const orders = tx.objectStore('orders');
    for (const order of batch.orders) pending.push(orders.put(order));
    const activities = tx.objectStore('activities');
    for (const activity of batch.activities) pending.push(activities.put(activity));
    const products = tx.objectStore('products');
    for (const product of batch.products ?? []) pending.push(products.put(product));
    pending.push(tx.objectStore('importHistory').put(record));
    await Promise.all(pending);
    await tx.done;
  } catch (error) {
    abort();
    const name = (error as { name?: string })?.name ?? (tx.error as { name?: string } | null)?.name;
    if (name === 'QuotaExceededError') throw new StorageFullError();
    if (signal?.aborted) throw new DOMException('Import cancelled; nothing was saved.', 'AbortError');
    throw error;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
