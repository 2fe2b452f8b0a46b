// Who writes the database: the rule, and its one exception, named here once (docs/ARCHITECTURE.md, "Who owns the database").
// tests/unit/dbOwner.test.ts holds the code to it.

/**
 * The owner: the background service worker opens the database for writing and does every write, on typed messages
 * from the options page (zod-parsed by lib/messaging/router.ts, refused from content scripts).
 */
export const DB_OWNER = 'entrypoints/background.ts';

/**
 * The one exception: the import worker writes the file it has just parsed, in one transaction, from inside the worker.
 * Sending 200,000 parsed rows to the background would copy them once more as JSON (and past 64 MiB Chrome refuses
 * the message); kept in the worker, they never leave it. The options page starts the worker (`startedBy`) and
 * terminates it on Cancel or when the page closes, which aborts the transaction: nothing is saved. After a commit the
 * page sends `dataChanged` and the background rescores, as after any other write.
 */
export const DIRECT_WRITER = { module: 'lib/service/importWorker.ts', startedBy: 'components/options/importRunner.ts' } as const;

/** Opens the database read-only for the options page (lib/db/readOnly.ts): reading is not writing. */
export const READ_ONLY_OPENER = 'lib/db/readOnly.ts';
