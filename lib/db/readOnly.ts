// The database as the options page may hold it: reads only. The background service worker owns the database and
// does every write (docs/ARCHITECTURE.md, "Who owns the database"); the options page reads IndexedDB directly because a large book is
// tens of megabytes, which runtime messages would copy as JSON on every visit of a section.
import type { IDBPTransaction, StoreNames } from 'idb';
import { openKeepAccountDb, type Db, type KeepAccountDB, type OpenOptions } from './schema';

type Store = StoreNames<KeepAccountDB>;

/**
 * The read methods of the database and nothing else: no put, add, delete or clear, and every transaction is
 * 'readonly', whose object stores have no write methods either (idb types them `undefined`). The real `Db` is
 * assignable to it, so a function that only reads takes a `ReadOnlyDb` and serves the background and the page alike.
 */
export interface ReadOnlyDb {
  readonly name: string;
  get: Db['get'];
  getAll: Db['getAll'];
  getAllKeys: Db['getAllKeys'];
  getKey: Db['getKey'];
  count: Db['count'];
  getFromIndex: Db['getFromIndex'];
  getAllFromIndex: Db['getAllFromIndex'];
  getAllKeysFromIndex: Db['getAllKeysFromIndex'];
  getKeyFromIndex: Db['getKeyFromIndex'];
  countFromIndex: Db['countFromIndex'];
  transaction<Name extends Store>(storeNames: Name, mode?: 'readonly'): IDBPTransaction<KeepAccountDB, [Name], 'readonly'>;
  transaction<Names extends ArrayLike<Store>>(storeNames: Names, mode?: 'readonly'): IDBPTransaction<KeepAccountDB, Names, 'readonly'>;
}

/** Every method a ReadOnlyDb has besides `transaction`. */
export const READ_METHODS = [
  'get',
  'getAll',
  'getAllKeys',
  'getKey',
  'count',
  'getFromIndex',
  'getAllFromIndex',
  'getAllKeysFromIndex',
  'getKeyFromIndex',
  'countFromIndex',
] as const satisfies readonly (keyof ReadOnlyDb)[];

/**
 * A read-only view of an open database, read-only at run time too: the object has only the read methods (a cast
 * cannot conjure a `put`), and `transaction` opens 'readonly' whatever mode it is asked for, so a write request in it
 * fails with a ReadOnlyError instead of writing.
 */
export function readOnly(db: Db): ReadOnlyDb {
  const view: Record<string, unknown> = { name: db.name };
  for (const method of READ_METHODS) view[method] = (db[method] as (...args: unknown[]) => unknown).bind(db);
  view.transaction = (storeNames: Store | ArrayLike<Store>) => db.transaction(storeNames as Store[], 'readonly');
  return Object.freeze(view) as unknown as ReadOnlyDb;
}

/** Opens the database for reading (the options page); the connection is the same origin's, the handle has no writes. */
export async function openReadOnlyDb(options: Pick<OpenOptions, 'onVersionChange'> = {}): Promise<ReadOnlyDb> {
  return readOnly(await openKeepAccountDb(options));
}
