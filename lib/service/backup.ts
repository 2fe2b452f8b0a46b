import { unwrap } from 'idb';
import type { Db } from '../db/schema';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from '../db/repo';
import { parseBackup, type BackupFile } from '../import';
import { putAll, settle, writeInSlices } from './importCommit';

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
 * replacement is one transaction, written in slices so that a large backup does not freeze the page.
 */
export async function restoreBackup(db: Db, text: string): Promise<{ ok: true; counts: Record<string, number> } | { ok: false; error: string }> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup: BackupFile = parsed.backup;
  const tx = unwrap(db.transaction([...BACKUP_STORES, 'scores'], 'readwrite')) as IDBTransaction;
  for (const store of [...BACKUP_STORES, 'scores'] as const) tx.objectStore(store).clear();
  const { accounts, contacts, ...rest } = backup.stores;
  writeInSlices([
    { items: accounts, write: (a: (typeof accounts)[number]) => tx.objectStore('accounts').put(toStoredAccount(a)) },
    { items: contacts, write: (c: (typeof contacts)[number]) => tx.objectStore('contacts').put(toStoredContact(c)) },
    ...(Object.entries(rest) as [string, unknown[]][]).map(([store, rows]) => putAll(tx, store, rows)),
  ]);
  await settle(tx, undefined, 'The restore was interrupted; nothing changed.');
  return {
    ok: true,
    counts: Object.fromEntries(Object.entries(backup.stores).map(([store, rows]) => [store, (rows as unknown[]).length])),
  };
}
