import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Account, AccountLink, Activity, Contact, ImportRecord, Order, Product, QuestionAsked, Touch } from '../model/records';
import { normalizeCompanyName } from '../model/identity';
import type { Playbook } from '../model/playbook';
import type { LapseRisk } from '../model/insight';
import { groupByBucket, mergeBucket } from './orders';
import { groupTouchBuckets } from './touches';

/** Accounts as stored: flat keys beside the record so that multiEntry indexes can find them. */
export interface StoredAccount extends Account {
  /** "crm:recordId" for every CRM id the account was seen with. */
  crmKeys: string[];
  /** normalizeCompanyName(name). */
  nameKey: string;
}
export interface StoredContact extends Contact {
  crmKeys: string[];
  /** Lower-cased full name, for "the same person writing from another company". */
  nameKey: string;
}

/** Orders as stored since v3: every order of the accounts whose id hashes to bucket n (lib/db/orders.ts). */
export interface OrderBucket {
  /** "b:<n>". */
  id: string;
  orders: Order[];
}

/**
 * The one record of `orderBuckets` that is not a bucket (id "aliases", outside the buckets' keys "b:…"): account ids
 * that went into another account, and that account's id. The orders stored under an absorbed id count for the account
 * it went into (lib/db/orders.ts reads them so), so that linking writes this record instead of rewriting buckets.
 */
export interface OrderAliases {
  id: 'aliases';
  /** [absorbed account id, surviving account id]. */
  into: [string, string][];
}

/** Account stubs as stored since v4: every stub whose id hashes to bucket n (lib/db/accounts.ts). */
export interface AccountStubBucket {
  /** "b:<n>", the orders' bucket function. */
  id: string;
  stubs: StoredAccount[];
}

/**
 * Remembered touches as stored since v8: every message remembered at one account (id: the account id, or for a
 * company not in the book its bucket id of lib/db/touches.ts touchBucketId), with the keys its indexes need. Read and written only through lib/db/touches.ts.
 */
export interface TouchBucket {
  id: string;
  touches: Touch[];
  /** Every touch's id ("site:message id"), multiEntry index `ids`: is a message remembered, and where. */
  ids: string[];
  /** The conversations the touches belong to (lib/db/touches.ts conversationOf), multiEntry index `conversations`. */
  conversations: string[];
  /** The oldest touch's date (index `oldest`): the buckets the retention limit must rewrite. */
  oldest: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface KeepAccountDB extends DBSchema {
  accounts: { key: string; value: StoredAccount; indexes: { domains: string; crmKeys: string; nameKey: string; customerKeys: string } };
  contacts: { key: string; value: StoredContact; indexes: { accountId: string; crmKeys: string; nameKey: string } };
  /** One record per order line until v2; empty since v3 (kept so that no migration drops a store). */
  orders: { key: string; value: Order; indexes: { accountId: string } };
  /** Orders, in buckets (lib/db/orders.ts): read and written only through that module. */
  orderBuckets: { key: string; value: OrderBucket | OrderAliases };
  /** Account stubs (order-log customers with nothing but a customer number), in buckets: only through lib/db/accounts.ts. */
  accountStubBuckets: { key: string; value: AccountStubBucket };
  products: { key: string; value: Product };
  activities: { key: string; value: Activity; indexes: { accountId: string; email: string } };
  playbooks: { key: string; value: Playbook };
  questionHistory: { key: string; value: QuestionAsked; indexes: { accountId: string } };
  importHistory: { key: string; value: ImportRecord };
  scores: { key: string; value: LapseRisk };
  meta: { key: string; value: MetaEntry };
  /** The user's links between accounts (lib/db/linking.ts), since v5. */
  links: { key: string; value: AccountLink };
  /** Messages of conversations the rep opened, one record each, v6 and v7; empty since v8 (kept: no migration drops a store). */
  touches: { key: string; value: Touch; indexes: { accountId: string; date: string; thread: string } };
  /** Messages of conversations the rep opened, remembered on this computer, one bucket per account (lib/db/touches.ts), since v8. */
  touchBuckets: { key: string; value: TouchBucket; indexes: { ids: string; conversations: string; oldest: string } };
}

export type KeepAccountStore = StoreNames<KeepAccountDB>;
export type UpgradeTx = IDBPTransaction<KeepAccountDB, KeepAccountStore[], 'versionchange'>;
export type Db = IDBPDatabase<KeepAccountDB>;

export const DB_NAME = 'keep-account';

/**
 * Migrations, keyed on the version they upgrade to. A migration runs when the stored database is older
 * (`oldVersion` < its version): each step only adds, never drops, so no user data is lost on upgrade.
 */
export const MIGRATIONS: Record<number, (db: IDBPDatabase<KeepAccountDB>, tx: UpgradeTx) => void> = {
  1: (db) => {
    const accounts = db.createObjectStore('accounts', { keyPath: 'id' });
    accounts.createIndex('domains', 'domains', { multiEntry: true });
    accounts.createIndex('crmKeys', 'crmKeys', { multiEntry: true });
    accounts.createIndex('nameKey', 'nameKey');
    accounts.createIndex('customerKeys', 'customerKeys', { multiEntry: true });
    const contacts = db.createObjectStore('contacts', { keyPath: 'email' });
    contacts.createIndex('accountId', 'accountId');
    contacts.createIndex('crmKeys', 'crmKeys', { multiEntry: true });
    contacts.createIndex('nameKey', 'nameKey');
    db.createObjectStore('orders', { keyPath: 'id' }).createIndex('accountId', 'accountId');
    db.createObjectStore('products', { keyPath: 'id' });
    const activities = db.createObjectStore('activities', { keyPath: 'id' });
    activities.createIndex('accountId', 'accountId');
    activities.createIndex('email', 'email');
    db.createObjectStore('playbooks', { keyPath: 'id' });
    db.createObjectStore('questionHistory', { keyPath: 'id' }).createIndex('accountId', 'accountId');
    db.createObjectStore('importHistory', { keyPath: 'id' });
  },
  // v2: stored lapse-risk scores (computed by the scoring job, read by the sidebar) and small settings.
  2: (db) => {
    db.createObjectStore('scores', { keyPath: 'accountId' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // v3: orders in buckets (IndexedDB costs ~70 µs per put whatever the size: one record per order line made a
  // 200,000-line import take 17 s to commit). Every stored order moves into its bucket; the old store stays, empty.
  3: (db, tx) => {
    db.createObjectStore('orderBuckets', { keyPath: 'id' });
    const raw = unwrap(tx) as IDBTransaction;
    const old = raw.objectStore('orders');
    const read = old.getAll() as IDBRequest<Order[]>;
    read.onsuccess = () => {
      const buckets = raw.objectStore('orderBuckets');
      for (const [id, orders] of groupByBucket(read.result)) buckets.put(mergeBucket(id, undefined, orders));
      old.clear();
    };
  },
  // v4: account stubs in buckets (lib/db/accounts.ts): an order log's 23,570 customers were 23,570 puts. Adds the
  // store only; the accounts already stored stay where they are.
  4: (db) => {
    db.createObjectStore('accountStubBuckets', { keyPath: 'id' });
  },
  // v5: the user's links between accounts ("this customer number is the same customer as …", lib/db/linking.ts), and
  // every account's nameKey computed again: company names are now compared with legal forms, ä/ae and "&"/"und"
  // folded (lib/model/identity.ts normalizeCompanyName), and the matcher's name index must agree.
  5: (db, tx) => {
    db.createObjectStore('links', { keyPath: 'id' });
    const raw = unwrap(tx) as IDBTransaction;
    const rekey = (account: StoredAccount) => ({ ...account, nameKey: normalizeCompanyName(account.name) });
    const accounts = raw.objectStore('accounts');
    const all = accounts.getAll() as IDBRequest<StoredAccount[]>;
    all.onsuccess = () => {
      for (const account of all.result) accounts.put(rekey(account));
    };
    const buckets = raw.objectStore('accountStubBuckets');
    const stubs = buckets.getAll() as IDBRequest<AccountStubBucket[]>;
    stubs.onsuccess = () => {
      for (const bucket of stubs.result) buckets.put({ ...bucket, stubs: bucket.stubs.map(rekey) });
    };
  },
  // v6 (issue 16): remembered touches, one per message the rep opened, keyed "site:message id" (lib/db/touches.ts).
  6: (db) => {
    const touches = db.createObjectStore('touches', { keyPath: 'id' });
    touches.createIndex('accountId', 'accountId');
    touches.createIndex('date', 'date');
  },
  // v7: the conversation of each remembered message ("site:thread id", `Touch.thread`), to count conversations.
  // Messages remembered before carry none (the page's thread id was not kept): the index leaves them out.
  7: (_db, tx) => {
    tx.objectStore('touches').createIndex('thread', 'thread');
  },
  // v8 (issue 16): remembered touches in one bucket per account (lib/db/touches.ts): the sidebar read an account's
  // messages as one record each, 2,000 of them 70 ms. Every stored touch moves into its bucket; the old store stays, empty.
  8: (db, tx) => {
    const buckets = db.createObjectStore('touchBuckets', { keyPath: 'id' });
    buckets.createIndex('ids', 'ids', { unique: true, multiEntry: true });
    buckets.createIndex('conversations', 'conversations', { multiEntry: true });
    buckets.createIndex('oldest', 'oldest');
    const raw = unwrap(tx) as IDBTransaction;
    const old = raw.objectStore('touches');
    const read = old.getAll() as IDBRequest<Touch[]>;
    read.onsuccess = () => {
      const store = raw.objectStore('touchBuckets');
      for (const bucket of groupTouchBuckets(read.result)) store.put(bucket);
      old.clear();
    };
  },
};

export const DB_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));

export interface OpenOptions {
  name?: string;
  version?: number;
  /**
   * Called after this connection has closed itself because another context opened the database with a higher
   * version (a schema upgrade: the `versionchange` event). The connection is gone: the caller must open again, or
   * tell the user to reload a page that still runs the old code.
   */
  onVersionChange?: () => void;
}

export function openKeepAccountDb(options: OpenOptions = {}): Promise<Db> {
  const version = options.version ?? DB_VERSION;
  return openDB<KeepAccountDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
    },
    blocking(_current, _next, event) {
      // Another context (a newer extension version) wants to upgrade: step aside rather than block it. Transactions
      // already running finish first (close() waits for them: https://w3c.github.io/IndexedDB/#dom-idbdatabase-close),
      // then the upgrade runs; nothing new starts on this connection.
      (event.target as IDBDatabase).close();
      options.onVersionChange?.();
    },
  });
}

export const ALL_STORES: KeepAccountStore[] = [
  'accounts', 'accountStubBuckets', 'contacts', 'orders', 'orderBuckets', 'products', 'activities', 'playbooks', 'questionHistory', 'importHistory', 'scores', 'meta', 'links', 'touches', 'touchBuckets',
];
