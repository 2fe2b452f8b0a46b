// What the rep reads when the browser refuses to store more (IndexedDB's QuotaExceededError aborts the one
// transaction of an import or a restore, so nothing of it was written: lib/service/importCommit.ts settle()).

/** What was being saved when the storage ran out. */
export type StorageFullWhat = 'import' | 'restore';

export function storageFullText(what: StorageFullWhat): string {
  return what === 'import'
    ? 'Not enough storage: the browser refused to store this file (storage quota reached). Nothing from this file was saved; your data is as it was. Free disk space or delete data you no longer need (Your data → Delete), then import the file again.'
    : 'Not enough storage: the browser refused to store this backup (storage quota reached). Nothing changed; your data is as it was. Free disk space, then restore the backup again.';
}

/**
 * An options page whose database connection was closed so that a newer version of Keep Account could upgrade the
 * database (IndexedDB `versionchange`): this page runs the old code and must be reloaded.
 */
export const RELOAD_AFTER_UPGRADE =
  'Keep Account was updated in another tab or window. This page let go of your data so that the update could finish, and shows nothing new until it is reloaded. Your data is safe.';

/** An import committed from a page whose code is older than the database (upgraded meanwhile by a newer version). */
export const IMPORT_AFTER_UPGRADE =
  'Keep Account was updated in another tab or window, so this page can no longer save. Nothing from this file was saved; reload this page and import the file again.';
