import type { Account, Activity, Contact, ImportRecord, Order, QuestionAsked } from '../model/records';
import { LapseRisk } from '../model/insight';
import { normalizeCompanyName } from '../model/identity';
import { ALL_STORES, type Db, type StoredAccount, type StoredContact } from './schema';
import type { ReadOnlyDb } from './readOnly';
import { countOrders, deleteOrdersOfAccount, ordersOfAccount } from './orders';
import { allAccounts, countAccounts, deleteAccountEverywhere, getAccount, hasAnyAccount } from './accounts';

export const crmKey = (crm: string, recordId: string) => `${crm}:${recordId}`;
export const personNameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function toStoredAccount(account: Account): StoredAccount {
  return {
    ...account,
    crmKeys: account.crmIds.map((id) => crmKey(id.crm, id.recordId)),
    nameKey: normalizeCompanyName(account.name),
  };
}

export function toStoredContact(contact: Contact): StoredContact {
  return { ...contact, crmKeys: contact.crmIds.map((id) => crmKey(id.crm, id.recordId)), nameKey: personNameKey(contact.name) };
}

export function fromStoredAccount({ crmKeys: _c, nameKey: _n, ...account }: StoredAccount): Account {
  return account;
}
export function fromStoredContact({ crmKeys: _c, nameKey: _n, ...contact }: StoredContact): Contact {
  return contact;
}

/** Everything the insights need about one account. */
export interface AccountBundle {
  account: Account;
  contacts: Contact[];
  orders: Order[];
  activities: Activity[];
  score?: LapseRisk;
  history: QuestionAsked[];
}

export async function loadAccountBundle(db: ReadOnlyDb, accountId: string): Promise<AccountBundle | undefined> {
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'activities', 'scores', 'questionHistory']);
  const [account, contacts, orders, activities, score, history] = await Promise.all([
    getAccount(tx, accountId),
    tx.objectStore('contacts').index('accountId').getAll(accountId),
    ordersOfAccount(tx, accountId),
    tx.objectStore('activities').index('accountId').getAll(accountId),
    tx.objectStore('scores').get(accountId),
    tx.objectStore('questionHistory').index('accountId').getAll(accountId),
  ]);
  if (!account) return undefined;
  return {
    account: fromStoredAccount(account),
    contacts: contacts.map(fromStoredContact),
    orders,
    activities,
    // A score stored by an older version (another shape) is not shown until the next rescore replaces it.
    score: score && LapseRisk.safeParse(score).success ? score : undefined,
    history,
  };
}

export interface DataCounts {
  accounts: number;
  contacts: number;
  orders: number;
  activities: number;
  products: number;
  questionHistory: number;
  importHistory: number;
}

export async function countRecords(db: ReadOnlyDb): Promise<DataCounts> {
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'activities', 'products', 'questionHistory', 'importHistory']);
  const [accounts, contacts, orders, activities, products, questionHistory, importHistory] = await Promise.all([
    countAccounts(tx),
    tx.objectStore('contacts').count(),
    countOrders(tx),
    tx.objectStore('activities').count(),
    tx.objectStore('products').count(),
    tx.objectStore('questionHistory').count(),
    tx.objectStore('importHistory').count(),
  ]);
  return { accounts, contacts, orders, activities, products, questionHistory, importHistory };
}

export async function hasAnyData(db: ReadOnlyDb): Promise<boolean> {
  return hasAnyAccount(db);
}

/** Deletes one account and everything that hangs off it, in one transaction. */
export async function deleteAccount(db: Db, accountId: string): Promise<void> {
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'activities', 'scores', 'questionHistory'], 'readwrite');
  const deletions: Promise<unknown>[] = [deleteAccountEverywhere(tx, accountId), tx.objectStore('scores').delete(accountId), deleteOrdersOfAccount(tx, accountId)];
  for (const store of ['contacts', 'activities', 'questionHistory'] as const) {
    const index = tx.objectStore(store).index('accountId');
    for (const key of await index.getAllKeys(accountId)) deletions.push(tx.objectStore(store).delete(key));
  }
  await Promise.all([...deletions, tx.done]);
}

export async function deleteEverything(db: Db): Promise<void> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  await Promise.all([...ALL_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
}

export async function recordQuestionAsked(db: Db, entry: QuestionAsked): Promise<void> {
  await db.put('questionHistory', entry);
}

export async function listImports(db: ReadOnlyDb): Promise<ImportRecord[]> {
  const all = await db.getAll('importHistory');
  return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

export async function saveScores(db: Db, scores: LapseRisk[], meta: { key: string; value: unknown }[] = []): Promise<void> {
  const tx = db.transaction(['scores', 'meta'], 'readwrite');
  const store = tx.objectStore('scores');
  await store.clear();
  await Promise.all([...scores.map((s) => store.put(s)), ...meta.map((m) => tx.objectStore('meta').put(m)), tx.done]);
}

export async function getMeta<T>(db: ReadOnlyDb, key: string): Promise<T | undefined> {
  return (await db.get('meta', key))?.value as T | undefined;
}

/**
 * Customer numbers and CRM company ids already stored ("customer:<key>" / "crm:<crm>:<id>" → account id), so that
 * the importer puts new rows on the accounts that exist (ParseOptions.accountIndex).
 */
export async function accountKeyIndex(db: ReadOnlyDb): Promise<Record<string, string>> {
  const index: Record<string, string> = {};
  for (const account of await allAccounts(db)) {
    for (const key of account.customerKeys) index[`customer:${key}`] = account.id;
    for (const id of account.crmIds) index[`crm:${id.crm}:${id.recordId}`] = account.id;
  }
  return index;
}
