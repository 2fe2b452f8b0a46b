// Writing one account per customer: the background runs relinkAccounts after every import, restore and user link
// (lib/import/link.ts decides; this module moves the records), so that every contact, activity, asked question and
// remembered touch of a customer carries the one surviving account id, and every order counts for it (an absorbed
// account's orders stay in their bucket under an alias, lib/db/orderMoves.ts). The user's links are remembered in store `links` and
// undone with the snapshot they keep. Each call is one transaction: all or nothing.
import type { IDBPTransaction } from 'idb';
import type { Account, AccountLink } from '../model/records';
import { keysOf, resolveAccounts, type LinkOffer } from '../import/link';
import type { AccountStubBucket, Db, KeepAccountDB, StoredAccount, StoredContact } from './schema';
import { fromStoredAccount, fromStoredContact, toStoredAccount, toStoredContact } from './repo';
import { allAccounts, getAccount, isAccountStub, stubBucketId } from './accounts';
import { aliasOrders, reassignOrders, settleAliases } from './orderMoves';
import { moveTouches } from './touches';
import type { ReadOnlyDb } from './readOnly';

const STORES = ['accounts', 'accountStubBuckets', 'contacts', 'orderBuckets', 'activities', 'scores', 'questionHistory', 'touchBuckets', 'links'] as const;
type Tx = IDBPTransaction<KeepAccountDB, (typeof STORES)[number][], 'readwrite'>;

export interface LinkSummary {
  /** Accounts that went into another one. */
  merged: number;
  /** Contacts that changed account. */
  contacts: number;
  offers: LinkOffer[];
}

/** The same record whatever the order of its fields (a merged account is built in another order than the stored one). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/**
 * Removes `remove` wherever they are stored and stores `put` (a stub in its bucket, anything else in `accounts`).
 * `full` says which ids are in `accounts` now (a delete there costs an index update per key even when nothing is found);
 * `stored`, when given, holds the records as they are: an account in `accounts` that the merge left as it was is not put
 * again (a put updates its four indexes: 5,000 of them were seconds when every stub went into its CRM account).
 */
async function replaceAccounts(tx: Tx, remove: Iterable<string>, put: readonly Account[], full: ReadonlySet<string>, stored?: ReadonlyMap<string, StoredAccount>): Promise<void> {
  const accounts = tx.objectStore('accounts');
  const buckets = tx.objectStore('accountStubBuckets');
  const gone = new Set(remove);
  for (const account of put) gone.add(account.id);
  const stubIds = [...gone].filter((id) => !full.has(id));
  const touched = [...new Set(stubIds.map(stubBucketId))];
  const inBuckets = await Promise.all(touched.map((id) => buckets.get(id)));
  const byBucket = new Map<string, AccountStubBucket['stubs']>();
  touched.forEach((id, i) => byBucket.set(id, (inBuckets[i]?.stubs ?? []).filter((s) => !gone.has(s.id))));
  const writes: Promise<unknown>[] = [];
  const kept = new Set<string>();
  for (const account of put) {
    if (isAccountStub(account)) byBucket.get(stubBucketId(account.id))!.push(toStoredAccount(account));
    else {
      kept.add(account.id);
      const record = toStoredAccount(account);
      const before = stored?.get(account.id);
      if (!before || !full.has(account.id) || canonical(before) !== canonical(record)) writes.push(accounts.put(record));
    }
  }
  for (const id of gone) if (full.has(id) && !kept.has(id)) writes.push(accounts.delete(id));
  for (const [id, stubs] of byBucket) {
    const before = inBuckets[touched.indexOf(id)]?.stubs.length ?? 0;
    if (stubs.length) writes.push(buckets.put({ id, stubs }));
    else if (before) writes.push(buckets.delete(id));
  }
  await Promise.all(writes);
}

/**
 * Rewrites the account id of activities, asked questions and remembered touches (issue 16), and drops the scores, of
 * accounts that went away. A store that is empty is skipped, and one with fewer records than four per move is read
 * whole rather than asked once per move (5,000 moves were 15,000 index lookups).
 */
async function reassignByIndex(tx: Tx, moves: ReadonlyMap<string, string>): Promise<void> {
  const writes: Promise<unknown>[] = [];
  await Promise.all(
    (['activities', 'questionHistory'] as const).map(async (name) => {
      const records = tx.objectStore(name);
      const count = await records.count();
      if (!count) return;
      const found = count < moves.size * 4 ? [(await records.getAll()).filter((r) => r.accountId !== undefined && moves.has(r.accountId))] : await Promise.all([...moves.keys()].map((id) => records.index('accountId').getAll(id)));
      for (const list of found) for (const record of list) writes.push(records.put({ ...record, accountId: moves.get(record.accountId!)! }));
    }),
  );
  // Remembered touches are in one bucket per account: the absorbed accounts' buckets go into the survivors'.
  writes.push(moveTouches(tx.objectStore('touchBuckets'), moves));
  const scored = new Set(await tx.objectStore('scores').getAllKeys());
  for (const id of moves.keys()) if (scored.has(id)) writes.push(tx.objectStore('scores').delete(id));
  await Promise.all(writes);
}

async function relinkIn(tx: Tx): Promise<LinkSummary> {
  const [stored, contacts, links] = await Promise.all([allAccounts(tx), tx.objectStore('contacts').getAll(), tx.objectStore('links').getAll()]);
  // Stored accounts keep their name key, which the resolver uses instead of normalizing every name again.
  const resolution = resolveAccounts(stored, contacts, links);
  const { moves, merged } = resolution;
  const full = new Set(stored.filter((a) => !isAccountStub(a)).map((a) => a.id));
  if (moves.size || merged.length) await replaceAccounts(tx, moves.keys(), merged, full, new Map(stored.map((a) => [a.id, a])));
  // The orders stay where they are: the absorbed ids become aliases of the survivors (lib/db/orderMoves.ts).
  await aliasOrders(tx, moves, new Set(stored.map((a) => a.id).filter((id) => !moves.has(id))));
  if (moves.size) await reassignByIndex(tx, moves);
  const byEmail = new Map<string, StoredContact>(contacts.map((c) => [c.email, c]));
  await Promise.all([...resolution.contacts].map(([email, accountId]) => tx.objectStore('contacts').put(toStoredContact({ ...fromStoredContact(byEmail.get(email)!), accountId }))));
  return { merged: moves.size, contacts: resolution.contacts.size, offers: resolution.offers };
}

/** Runs `work` in one read-write transaction; a failure aborts it, so that nothing of it is kept. */
async function inOneTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = db.transaction([...STORES], 'readwrite') as Tx;
  const done = tx.done.catch(() => undefined);
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished
    }
    await done;
    throw error;
  }
}

/** Links the whole book: accounts that are one customer become one (lib/import/link.ts). Changes nothing when already linked. */
export function relinkAccounts(db: Db): Promise<LinkSummary> {
  return inOneTransaction(db, relinkIn);
}

/** "`fromId` is the same customer as `intoId`": remembered, then the book is linked again (one transaction). */
export async function linkAccounts(db: Db, fromId: string, intoId: string, linkedAt: string): Promise<LinkSummary> {
  if (fromId === intoId) throw new Error('An account cannot be linked to itself.');
  return inOneTransaction(db, async (tx) => {
    const [from, into] = await Promise.all([getAccount(tx, fromId), getAccount(tx, intoId)]);
    if (!from || !into) throw new Error(`No account ${!from ? fromId : intoId}: reload the page.`);
    const intoKeys = new Set(keysOf(into));
    const link: AccountLink = { id: `link:${fromId}`, from: fromStoredAccount(from), intoId, addedKeys: [...new Set(keysOf(from).filter((k) => !intoKeys.has(k)))], linkedAt };
    await tx.objectStore('links').put(link);
    return relinkIn(tx);
  });
}

/** Every link the user made, newest first. */
export async function listLinks(db: ReadOnlyDb): Promise<AccountLink[]> {
  return (await db.getAll('links')).sort((a, b) => b.linkedAt.localeCompare(a.linkedAt));
}

/**
 * Undoes a link: the absorbed account comes back as it was, with the orders imported under its keys and the contacts
 * at its domains or addresses; the surviving account loses the keys the link gave it. The book is then linked again
 * (a key the two still share in the data joins them again: the link was not needed).
 */
export async function unlinkAccounts(db: Db, linkId: string): Promise<LinkSummary> {
  return inOneTransaction(db, async (tx) => {
    const link = await tx.objectStore('links').get(linkId);
    if (!link) throw new Error('This link is already undone.');
    await tx.objectStore('links').delete(linkId);
    const stored = await getAccount(tx, link.intoId);
    if (stored) {
      const added = new Set(link.addedKeys);
      const into = fromStoredAccount(stored);
      const kept: Account = {
        ...into,
        domains: into.domains.filter((d) => !added.has(d)),
        customerKeys: (into.customerKeys ?? []).filter((k) => !added.has(`customer:${k}`)),
        crmIds: into.crmIds.filter((c) => !added.has(`crm:${c.crm}:${c.recordId}`)),
        ...(into.emails ? { emails: into.emails.filter((e) => !added.has(`email:${e}`)) } : {}),
        ...(into.taxIds ? { taxIds: into.taxIds.filter((v) => !added.has(`vat:${v}`)) } : {}),
      };
      const back = new Set([...added, link.from.id]);
      await replaceAccounts(tx, [], [kept, link.from], new Set(isAccountStub(into) ? [] : [into.id]));
      // The lines that count for the survivor through aliases move into its bucket first, so that each can go back by its key.
      await settleAliases(tx, into.id);
      await reassignOrders(tx, [into.id], (o) => (o.accountId === into.id && o.key !== undefined && back.has(o.key) ? link.from.id : undefined));
      const contacts = await tx.objectStore('contacts').index('accountId').getAll(into.id);
      const domains = new Set(link.from.domains.filter((d) => added.has(d)));
      const emails = new Set((link.from.emails ?? []).filter((e) => added.has(`email:${e}`)));
      await Promise.all(
        contacts.filter((c) => emails.has(c.email) || domains.has(c.email.slice(c.email.indexOf('@') + 1))).map((c) => tx.objectStore('contacts').put({ ...c, accountId: link.from.id })),
      );
    }
    return relinkIn(tx);
  });
}
