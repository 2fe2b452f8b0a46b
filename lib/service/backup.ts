import type { Db } from '../db/schema';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from '../db/repo';
import { parseBackup, type BackupFile } from '../import';

export const BACKUP_STORES = ['accounts', 'contacts', 'orders', 'products', 'activities', 'playbooks', 'questionHistory', 'importHistory'] as const;

/** The whole database as one versioned JSON document. */
export async function exportBackup(db: Db, now = new Date()): Promise<string> {
  const tx = db.transaction([...BACKUP_STORES]);
  const [accounts, contacts, orders, products, activities, playbooks, questionHistory, importHistory] = await Promise.all(
    BACKUP_STORES.map((store) => tx.objectStore(store).getAll()),
  );
  const backup = {
    format: 'keep-account/backup',
    version: 1,
    exportedAt: now.toISOString(),
    stores: {
      accounts: (accounts as Parameters<typeof fromStoredAccount>[0][]).map(fromStoredAccount),
      contacts: (contacts as Parameters<typeof fromStoredContact>[0][]).map(fromStoredContact),
      orders,
      products,
      activities,
      playbooks,
      questionHistory,
      importHistory,
    },
  };
  return JSON.stringify(backup);
}

/**
 * Replaces the database with a backup. The file is validated first; a bad file changes nothing, and the
 * replacement is one transaction.
 */
export async function restoreBackup(db: Db, text: string): Promise<{ ok: true; counts: Record<string, number> } | { ok: false; error: string }> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup: BackupFile = parsed.backup;
  const tx = db.transaction([...BACKUP_STORES, 'scores'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const store of [...BACKUP_STORES, 'scores'] as const) writes.push(tx.objectStore(store).clear());
  for (const a of backup.stores.accounts) writes.push(tx.objectStore('accounts').put(toStoredAccount(a)));
  for (const c of backup.stores.contacts) writes.push(tx.objectStore('contacts').put(toStoredContact(c)));
  for (const o of backup.stores.orders) writes.push(tx.objectStore('orders').put(o));
  for (const p of backup.stores.products) writes.push(tx.objectStore('products').put(p));
  for (const a of backup.stores.activities) writes.push(tx.objectStore('activities').put(a));
  for (const p of backup.stores.playbooks) writes.push(tx.objectStore('playbooks').put(p));
  for (const q of backup.stores.questionHistory) writes.push(tx.objectStore('questionHistory').put(q));
  for (const i of backup.stores.importHistory) writes.push(tx.objectStore('importHistory').put(i));
  await Promise.all([...writes, tx.done]);
  return {
    ok: true,
    counts: Object.fromEntries(Object.entries(backup.stores).map(([store, rows]) => [store, (rows as unknown[]).length])),
  };
}
