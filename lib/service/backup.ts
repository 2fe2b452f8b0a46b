import { unwrap } from 'idb';
import { countDataChange } from '../db/pending';
import type { Db, TouchBucket } from '../db/schema';
import { groupTouchBuckets, touchesIn } from '../db/touches';
import type { ReadOnlyDb } from '../db/readOnly';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from '../db/repo';
import { allOrders, orderBucketWrites } from '../db/orders';
import { allAccounts, groupStubsByBucket, isAccountStub } from '../db/accounts';
import { BACKUP_VERSION, parseBackup, type BackupFile } from '../import';
import { Remembered } from '../import/backup';
import { CaptureSettings, Settings } from '../model/settings';
import type { z } from 'zod';
import { SETTINGS_KEY as GENERAL_SETTINGS_KEY } from './settings';
import { CAPTURE_KEY } from './capture';
import { PLAYBOOK_ORDER_KEY } from './playbookStore';
import { ColumnMappingSchema, FileSettingsSchema } from '../model/mapping';
import type { MetaEntry } from '../db/schema';
import { putAll, settle, writeInSlices } from './importCommit';
import { DISMISSALS_KEY } from './linkDismissals';
import { LinkDismissals } from '../model/records';
import { MAPPING_PREFIX, SETTINGS_PREFIX } from './mappingStore';

/** The meta keys that start with `prefix` (each "prefix…" kept beside the data by one module). */
const prefixed = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** What the user answered that lives in `meta` beside the data, for a backup (entries that no longer parse are left out). */
async function rememberedIn(tx: ReturnType<ReadOnlyDb['transaction']>): Promise<Remembered> {
  const meta = tx.objectStore('meta');
  const [dismissed, mappings, settings, general, capture, playbookOrder] = await Promise.all([
    meta.get(DISMISSALS_KEY), meta.getAll(prefixed(MAPPING_PREFIX)), meta.getAll(prefixed(SETTINGS_PREFIX)),
    meta.get(GENERAL_SETTINGS_KEY), meta.get(CAPTURE_KEY), meta.get(PLAYBOOK_ORDER_KEY),
  ]);
  const dismissals = LinkDismissals.safeParse(dismissed?.value ?? []);
  // A setting that is missing or no longer parses is left out (the restoring computer keeps its own).
  const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return value !== undefined && parsed.success ? parsed.data : undefined;
  };
  const layout = (row: MetaEntry, prefix: string) => row.key.slice(prefix.length);
  return {
    linkDismissals: dismissals.success ? dismissals.data : [],
    ...definedOnly({
      settings: valid(Settings, general?.value),
      capture: valid(CaptureSettings, capture?.value),
      playbookOrder: valid(Remembered.shape.playbookOrder.unwrap(), playbookOrder?.value),
    }),
    mappings: mappings.flatMap((row) => {
      const mapping = ColumnMappingSchema.safeParse(row.value);
      return mapping.success ? [{ layout: layout(row, MAPPING_PREFIX), mapping: mapping.data }] : [];
    }),
    fileSettings: settings.flatMap((row) => {
      const answers = FileSettingsSchema.safeParse(row.value);
      return answers.success ? [{ layout: layout(row, SETTINGS_PREFIX), settings: answers.data }] : [];
    }),
  };
}

/** Replaces what the user answered beside the data with a backup's (a backup before version 3 has none: nothing changes). */
function restoreRemembered(tx: IDBTransaction, remembered: Remembered | undefined): void {
  if (!remembered) return;
  const meta = tx.objectStore('meta');
  meta.delete(prefixed(MAPPING_PREFIX));
  meta.delete(prefixed(SETTINGS_PREFIX));
  meta.delete(DISMISSALS_KEY);
  if (remembered.linkDismissals.length) meta.put({ key: DISMISSALS_KEY, value: remembered.linkDismissals });
  for (const { layout, mapping } of remembered.mappings) meta.put({ key: `${MAPPING_PREFIX}${layout}`, value: mapping });
  for (const { layout, settings } of remembered.fileSettings) meta.put({ key: `${SETTINGS_PREFIX}${layout}`, value: settings });
  if (remembered.settings) meta.put({ key: GENERAL_SETTINGS_KEY, value: remembered.settings });
  if (remembered.capture) meta.put({ key: CAPTURE_KEY, value: remembered.capture });
  if (remembered.playbookOrder) meta.put({ key: PLAYBOOK_ORDER_KEY, value: remembered.playbookOrder });
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The stores of the backup FILE (`stores.orders` is a flat array of orders, whatever the database keeps them in). */
export const BACKUP_STORES = ['accounts', 'contacts', 'orders', 'products', 'activities', 'playbooks', 'questionHistory', 'importHistory', 'links', 'touches'] as const;
/** The database stores a backup reads and a restore replaces (orders live in `orderBuckets` since schema v3, account stubs in `accountStubBuckets` since v4, touches in `touchBuckets` since v8). */
const DB_STORES = ['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'products', 'activities', 'playbooks', 'questionHistory', 'importHistory', 'links', 'touchBuckets'] as const;

/** The whole database as one versioned JSON document. */
export async function exportBackup(db: ReadOnlyDb, now: Date): Promise<string> {
  const tx = db.transaction([...DB_STORES, 'meta']);
  const [accounts, contacts, orders, products, activities, playbooks, questionHistory, importHistory, links, touches, remembered] = await Promise.all([
    allAccounts(tx),
    tx.objectStore('contacts').getAll(),
    allOrders(tx),
    tx.objectStore('products').getAll(),
    tx.objectStore('activities').getAll(),
    tx.objectStore('playbooks').getAll(),
    tx.objectStore('questionHistory').getAll(),
    tx.objectStore('importHistory').getAll(),
    tx.objectStore('links').getAll(),
    touchesIn(tx.objectStore('touchBuckets')),
    rememberedIn(tx),
  ]);
  const backup = {
    format: 'keep-account/backup',
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    stores: {
      accounts: accounts.map(fromStoredAccount),
      contacts: contacts.map(fromStoredContact),
      orders,
      products,
      activities,
      playbooks,
      questionHistory,
      importHistory,
      links,
      touches,
    },
    remembered,
  };
  return JSON.stringify(backup);
}

/** What a restore did: how many records of each store the backup held, or why nothing was restored. */
export type RestoreResult = { ok: true; counts: Record<string, number> } | { ok: false; error: string };

/**
 * Replaces the database with a backup (the background, on the options page's `restoreBackup` message). The file is
 * validated first; a bad file changes nothing, and the replacement is one transaction (all or nothing), written in
 * slices so that the background still answers the sidebar while a large backup goes in.
 */
export async function restoreBackup(db: Db, text: string): Promise<RestoreResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup: BackupFile = parsed.backup;
  // The legacy `orders` and `touches` stores are cleared too (empty since v3 and v8), so that nothing from before the restore survives.
  const cleared = [...DB_STORES, 'orders', 'touches', 'scores'] as const;
  const tx = unwrap(db.transaction([...cleared, 'meta'], 'readwrite')) as IDBTransaction;
  for (const store of cleared) tx.objectStore(store).clear();
  // The restored book is unscored until the rescore that follows: counted, so a wake-up finishes it if that is cut short.
  countDataChange(tx);
  restoreRemembered(tx, backup.remembered);
  const { accounts, contacts, orders, touches, ...rest } = backup.stores;
  const orderWrites = orderBucketWrites(tx, orders);
  // Stubs go back into their buckets (the stores were just cleared: one put per bucket, nothing to merge).
  const full = accounts.filter((a) => !isAccountStub(a));
  const stubs = [...groupStubsByBucket(accounts.filter(isAccountStub))];
  // The buckets were just cleared: loading them reads nothing, but it is the order the writes need.
  orderWrites.load(() =>
    writeInSlices([
      { items: full, write: (a: (typeof accounts)[number]) => tx.objectStore('accounts').put(toStoredAccount(a)) },
      { items: stubs, every: 1, write: ([id, group]: [string, typeof accounts]) => tx.objectStore('accountStubBuckets').put({ id, stubs: group.map(toStoredAccount) }) },
      { items: contacts, write: (c: (typeof contacts)[number]) => tx.objectStore('contacts').put(toStoredContact(c)) },
      // Touches go into their account's bucket (one put each; a message id twice in the file is kept once).
      { items: groupTouchBuckets(touches), every: 1, write: (bucket: TouchBucket) => tx.objectStore('touchBuckets').put(bucket) },
      orderWrites,
      ...(Object.entries(rest) as [string, unknown[]][]).map(([store, rows]) => putAll(tx, store, rows)),
    ]),
  );
  await settle(tx, undefined, 'The restore was interrupted; nothing changed.', 'restore');
  return {
    ok: true,
    counts: Object.fromEntries(Object.entries(backup.stores).map(([store, rows]) => [store, (rows as unknown[]).length])),
  };
}
