// Accounts live in two stores since schema v4: `accounts` (one record each, indexed by domain, CRM id and name) and
// `accountStubBuckets`, where the "account stubs" an order log creates (a customer number and a made-up name,
// nothing else: tens of thousands in one file) sit in bucket records, with the same bucket function as the orders
// (lib/db/orders.ts). IndexedDB costs ~65 µs per put whatever the size, so 23,570 stubs as ≤ 1,024 bucket puts commit
// many times faster. A stub never has a domain, a CRM id or a real name, so the index lookups need not search the
// buckets; once an import gives it one, the account moves to `accounts`. Every reader of "all accounts" or
// "the account with this id" goes through this module.
import { unwrap, type IDBPTransaction } from 'idb';
import type { Account } from '../model/records';
import { hasPlaceholderName } from '../import/merge';
import { bucketId } from './orders';
import type { AccountStubBucket, KeepAccountDB, KeepAccountStore, StoredAccount } from './schema';
import type { ReadOnlyDb } from './readOnly';

/** Any idb transaction whose scope includes `accounts` and `accountStubBuckets`. */
type AnyTx<Mode extends IDBTransactionMode = IDBTransactionMode> = Pick<IDBPTransaction<KeepAccountDB, ArrayLike<KeepAccountStore>, Mode>, 'objectStore' | 'mode'>;
/** Where accounts can be read from: the database (read-only or not) or a transaction covering both account stores. */
export type AccountsSource = ReadOnlyDb | AnyTx;

/** The stores every account read or write needs in its transaction's scope. */
export const ACCOUNT_STORES = ['accounts', 'accountStubBuckets'] as const;

/**
 * An account only an order log knows: customer numbers and a placeholder name, no domain, no CRM id, no firmographics.
 * Such accounts are stored in stub buckets; anything more makes it a real account (store `accounts`).
 */
export function isAccountStub(account: Account): boolean {
  return (
    account.domains.length === 0 &&
    account.crmIds.length === 0 &&
    (account.customerKeys ?? []).length > 0 &&
    account.industry === undefined &&
    account.employees === undefined &&
    account.annualRevenue === undefined &&
    account.currency === undefined &&
    account.owner === undefined &&
    hasPlaceholderName(account)
  );
}

/** The key of the stub bucket an account id belongs in (the orders' bucket function). */
export const stubBucketId = bucketId;

const isTx = (source: AccountsSource): source is AnyTx => 'objectStore' in source;

async function stubBuckets(source: AccountsSource): Promise<AccountStubBucket[]> {
  return isTx(source) ? source.objectStore('accountStubBuckets').getAll() : source.getAll('accountStubBuckets');
}

/** One account by id, wherever it is stored. */
export async function getAccount(source: AccountsSource, id: string): Promise<StoredAccount | undefined> {
  const found = isTx(source) ? await source.objectStore('accounts').get(id) : await source.get('accounts', id);
  if (found) return found;
  const bucket = isTx(source) ? await source.objectStore('accountStubBuckets').get(stubBucketId(id)) : await source.get('accountStubBuckets', stubBucketId(id));
  return bucket?.stubs.find((s) => s.id === id);
}

/** Every account: the full records and the stubs. */
export async function allAccounts(source: AccountsSource): Promise<StoredAccount[]> {
  const [full, buckets] = await Promise.all([isTx(source) ? source.objectStore('accounts').getAll() : source.getAll('accounts'), stubBuckets(source)]);
  for (const bucket of buckets) for (const stub of bucket.stubs) full.push(stub);
  return full;
}

/** How many accounts are stored, stubs included. */
export async function countAccounts(source: AccountsSource): Promise<number> {
  const [full, buckets] = await Promise.all([isTx(source) ? source.objectStore('accounts').count() : source.count('accounts'), stubBuckets(source)]);
  return buckets.reduce((sum, b) => sum + b.stubs.length, full);
}

/** Whether any account is stored. */
export async function hasAnyAccount(source: AccountsSource): Promise<boolean> {
  const [full, buckets] = await Promise.all([
    isTx(source) ? source.objectStore('accounts').count() : source.count('accounts'),
    isTx(source) ? source.objectStore('accountStubBuckets').count() : source.count('accountStubBuckets'),
  ]);
  return full + buckets > 0;
}

/** Deletes one account, full record or stub, inside the caller's read-write transaction. */
export async function deleteAccountEverywhere(tx: AnyTx<'readwrite'>, id: string): Promise<void> {
  const buckets = tx.objectStore('accountStubBuckets');
  const bucketKey = stubBucketId(id);
  const [, bucket] = await Promise.all([tx.objectStore('accounts').delete(id), buckets.get(bucketKey)]);
  if (!bucket) return;
  const kept = bucket.stubs.filter((s) => s.id !== id);
  if (kept.length === bucket.stubs.length) return;
  await (kept.length ? buckets.put({ id: bucketKey, stubs: kept }) : buckets.delete(bucketKey));
}

/** Stubs grouped by the bucket they belong in. */
export function groupStubsByBucket<T extends { id: string }>(accounts: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const account of accounts) {
    const id = stubBucketId(account.id);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = []));
    group.push(account);
  }
  return groups;
}

/** The plain IDBTransaction under an idb wrapper, or `tx` itself. */
export const rawTx = (tx: IDBTransaction | AnyTx): IDBTransaction => (unwrap(tx as IDBPTransaction) as IDBTransaction | undefined) ?? (tx as IDBTransaction);

/** The account writes of one import, for writeInSlices (lib/service/importCommit.ts). */
export interface AccountWrites {
  /** One item per account already in `accounts`, then one per touched stub bucket. */
  items: readonly unknown[];
  every: number;
  /** Reads what is needed (keys of `accounts`, the touched stub buckets); calls `ready` in a success event. */
  load: (ready: () => void) => void;
  write: (item: never) => IDBRequest;
}

/**
 * Writes accounts merged with what is stored (`merge(existing, incoming)`, last write wins), inside the caller's
 * read-write transaction covering ACCOUNT_STORES. An account already in `accounts` stays there (read, merged, put).
 * Any other account is looked for in its stub bucket: merged with the stub if there is one; the result goes to its
 * bucket if it is still a stub, else to `accounts` (and leaves the bucket). One put per touched bucket. Use once per
 * transaction, `load` before `write`.
 */
export function accountWrites(tx: IDBTransaction, incoming: readonly Account[], merge: (existing: Account, incoming: Account) => Account, save: (account: Account) => StoredAccount, load: (stored: StoredAccount) => Account): AccountWrites {
  const accounts = tx.objectStore('accounts');
  const buckets = tx.objectStore('accountStubBuckets');
  const inAccounts: Account[] = [];
  let groups: [string, Account[]][] = [];
  const stored = new Map<string, AccountStubBucket | undefined>();
  const writes: AccountWrites = {
    items: [],
    every: 1,
    load(ready) {
      let existingKeys: Set<IDBValidKey> | undefined;
      let bucketKeys: Set<IDBValidKey> | undefined;
      const afterKeys = () => {
        if (!existingKeys || !bucketKeys) return;
        const rest: Account[] = [];
        for (const account of incoming) (existingKeys.has(account.id) ? inAccounts : rest).push(account);
        groups = [...groupStubsByBucket(rest)];
        writes.items = [...inAccounts, ...groups];
        const toRead = groups.filter(([id]) => bucketKeys!.has(id));
        let pending = toRead.length;
        if (pending === 0) return ready();
        for (const [id] of toRead) {
          const request = buckets.get(id) as IDBRequest<AccountStubBucket | undefined>;
          request.onsuccess = () => {
            stored.set(id, request.result);
            if (--pending === 0) ready();
          };
        }
      };
      const keys = accounts.getAllKeys();
      keys.onsuccess = () => {
        existingKeys = new Set(keys.result);
        afterKeys();
      };
      const ids = buckets.getAllKeys();
      ids.onsuccess = () => {
        bucketKeys = new Set(ids.result);
        afterKeys();
      };
    },
    write: ((item: Account | [string, Account[]]) => {
      if (!Array.isArray(item)) {
        const request = accounts.get(item.id);
        request.onsuccess = () => accounts.put(save(request.result ? merge(load(request.result as StoredAccount), item) : item));
        return request;
      }
      const [id, group] = item;
      const before = stored.get(id)?.stubs ?? [];
      const stubs = new Map<string, Account>(before.map((s) => [s.id, load(s)]));
      let last: IDBRequest | undefined;
      let changed = false;
      for (const account of group) {
        const existing = stubs.get(account.id);
        const merged = existing ? merge(existing, account) : account;
        if (isAccountStub(merged)) {
          stubs.set(account.id, merged);
          changed = true;
        } else {
          if (existing) {
            stubs.delete(account.id);
            changed = true;
          }
          last = accounts.put(save(merged));
        }
      }
      if (changed) last = stubs.size ? buckets.put({ id, stubs: [...stubs.values()].map(save) }) : buckets.delete(id);
      // Nothing to write for this bucket: a cheap read keeps the slice chain going.
      return last ?? buckets.count(id);
    }) as (item: never) => IDBRequest,
  };
  return writes;
}
