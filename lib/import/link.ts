// One account per real customer. A customer number, a CRM record id, a company domain, a VAT id, a buyer's email and
// a normalized company name are all keys of one account; any record that carries two of them links them. This module
// decides, for the whole book, which stored accounts are one customer (a union-find over their keys) and what the
// one account then looks like; lib/db/linking.ts writes the result, so that every order, contact and activity of a
// customer carries ONE account id and the matcher and the scoring need no special case.
//
// The rules, in order:
// 1. A link the user made ("this customer number is the same customer as …") always holds.
// 2. Accounts that share a key (domain, customer number, CRM id, VAT id, email) are one customer, unless both have
//    company domains and share none: then the shared key is offered to the user, never guessed.
// 3. Accounts with the same normalized name are one customer when nothing tells them apart; when two of them differ
//    in a key of the same kind (two domains, two customer numbers, two records of one CRM) the name is ambiguous:
//    they are offered to the user instead.
// The surviving id is the best of the group (a domain before a CRM id, a name, a customer number; then the smaller),
// so that the result does not depend on the order files were imported in.
import type { Account, AccountLink, Contact, LinkKey } from '../model/records';
import { normalizeCompanyName } from '../model/identity';
import { hasPlaceholderName, mergeAccount } from './merge';

/** Two or more accounts that may be one customer: offered in the options page, never merged without the user. */
export interface LinkOffer {
  kind: 'same-name' | 'shared-key';
  /** The normalized name or the shared key ("customer:10190"). */
  key: string;
  /** The shared key as data (kind 'shared-key'), for the sentence that says why the accounts are offered. */
  shared?: LinkKey;
  accountIds: string[];
}

/** An address carried by this many accounts (or more) before linking is a shared mailbox and links none of them. */
export const SHARED_MAILBOX_ACCOUNTS = 3;

export interface Resolution {
  /** Account id → the id of the account it becomes part of (only accounts that go away). */
  moves: Map<string, string>;
  /** The surviving account of every group that absorbed others, merged. */
  merged: Account[];
  /** Contacts whose account changes: email → account id. */
  contacts: Map<string, string>;
  offers: LinkOffer[];
}

/** Every key of an account, as data, in the order keysOf writes them. */
export function accountKeys(account: Pick<Account, 'id' | 'domains' | 'customerKeys' | 'crmIds' | 'emails' | 'taxIds'>): LinkKey[] {
  return [
    { kind: 'account-id', value: account.id },
    ...account.domains.map((value) => ({ kind: 'domain' as const, value })),
    ...(account.customerKeys ?? []).map((value) => ({ kind: 'customer-number' as const, value })),
    ...account.crmIds.map((c) => ({ kind: 'crm-record' as const, crm: c.crm, value: c.recordId })),
    ...(account.taxIds ?? []).map((value) => ({ kind: 'vat-id' as const, value })),
    ...(account.emails ?? []).map((value) => ({ kind: 'email' as const, value })),
  ];
}

/** A key as the string the union-find joins on (a domain and an account id are their own key). */
export function keyText(key: LinkKey): string {
  switch (key.kind) {
    case 'account-id':
    case 'domain':
      return key.value;
    case 'customer-number':
      return `customer:${key.value}`;
    case 'crm-record':
      return `crm:${key.crm}:${key.value}`;
    case 'vat-id':
      return `vat:${key.value}`;
    case 'email':
      return `email:${key.value}`;
  }
}

/** Every key of an account, as the strings the union-find joins on. */
export function keysOf(account: Pick<Account, 'id' | 'domains' | 'customerKeys' | 'crmIds' | 'emails' | 'taxIds'>): string[] {
  return accountKeys(account).map(keyText);
}

/** How good an id is to keep: a domain, then a CRM id, a name, a customer number, anything else. */
function idRank(id: string): number {
  if (id.startsWith('crm:')) return 1;
  if (id.startsWith('name:')) return 2;
  if (id.startsWith('customer:')) return 3;
  return id.includes('.') && !id.includes(':') && !id.includes('@') ? 0 : 4;
}

const better = (preferred: ReadonlySet<string>) => (a: string, b: string): number =>
  Number(!preferred.has(a)) - Number(!preferred.has(b)) || idRank(a) - idRank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** What tells two customers apart: keys of one kind that both have and do not share. */
interface Traits {
  domains: Set<string>;
  customers: Set<string>;
  /** crm → record ids */
  crm: Map<string, Set<string>>;
}

const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

function differ(a: Traits, b: Traits, kinds: 'domains' | 'all'): boolean {
  if (disjoint(a.domains, b.domains)) return true;
  if (kinds === 'domains') return false;
  if (disjoint(a.customers, b.customers)) return true;
  for (const [crm, ids] of a.crm) if (disjoint(ids, b.crm.get(crm) ?? new Set())) return true;
  return false;
}

const NONE: ReadonlySet<string> = new Set();
const NO_CRM: ReadonlyMap<string, Set<string>> = new Map();

/** An account's traits; empty ones are shared (most accounts have one domain or one customer number). */
function traitsOf(account: Account): Traits {
  let crm = NO_CRM as Map<string, Set<string>>;
  if (account.crmIds.length) {
    crm = new Map();
    for (const c of account.crmIds) {
      let ids = crm.get(c.crm);
      if (!ids) crm.set(c.crm, (ids = new Set()));
      ids.add(c.recordId);
    }
  }
  const customers = account.customerKeys ?? [];
  return { domains: account.domains.length ? new Set(account.domains) : (NONE as Set<string>), customers: customers.length ? new Set(customers) : (NONE as Set<string>), crm };
}

/** `into` takes `from`'s traits (copying a shared empty one before it grows). */
function absorb(into: Traits, from: Traits): void {
  const add = (mine: Set<string>, theirs: ReadonlySet<string>): Set<string> => {
    if (!theirs.size) return mine;
    const out = mine === NONE ? new Set<string>() : mine;
    for (const x of theirs) out.add(x);
    return out;
  };
  into.domains = add(into.domains, from.domains);
  into.customers = add(into.customers, from.customers);
  if (from.crm.size) {
    if (into.crm === NO_CRM) into.crm = new Map();
    for (const [crm, ids] of from.crm) into.crm.set(crm, add(into.crm.get(crm) ?? (NONE as Set<string>), ids));
  }
}

/**
 * Which accounts are one customer, for the whole book (accounts, the contacts' accounts, the user's links). Pure and
 * deterministic: the same book gives the same answer, and a book already linked gives no moves (re-importing the same
 * files changes nothing).
 */
export function resolveAccounts(accounts: readonly Account[], contacts: readonly Pick<Contact, 'email' | 'accountId'>[], links: readonly Pick<AccountLink, 'from' | 'intoId'>[] = []): Resolution {
  const sorted = [...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((a, i) => [a.id, i]));
  const parent = sorted.map((_, i) => i);
  const traits = sorted.map(traitsOf);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number, kinds: 'domains' | 'all' | 'none'): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    if (kinds !== 'none' && differ(traits[ra]!, traits[rb]!, kinds)) return false;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    absorb(traits[root]!, traits[child]!);
    return true;
  };
  const pending: { kind: LinkOffer['kind']; key: string; members: number[]; shared?: LinkKey }[] = [];
  const offer = (kind: LinkOffer['kind'], key: string, members: number[], shared?: LinkKey) => pending.push({ kind, key, members, ...(shared ? { shared } : {}) });

  // 1. The user's links.
  const preferred = new Set<string>();
  for (const link of links) {
    const into = index.get(link.intoId);
    if (into === undefined) continue;
    preferred.add(link.intoId);
    const from = index.get(link.from.id);
    if (from !== undefined) union(into, from, 'none');
  }
  // 2. Shared keys: the account's own, and every contact's address on the contact's account.
  // An address on three or more accounts is a shared mailbox, not a customer's identity: our own sales address in an
  // invoice log's email column, a distributor's accounts-payable box. It links nothing (and offers nothing: it says
  // nothing about which customers are one).
  const carriers = new Map<string, Set<number>>();
  const carry = (key: string, i: number) => {
    let set = carriers.get(key);
    if (!set) carriers.set(key, (set = new Set()));
    set.add(i);
  };
  sorted.forEach((account, i) => (account.emails ?? []).forEach((e) => carry(`email:${e}`, i)));
  for (const contact of contacts) {
    const i = contact.accountId === undefined ? undefined : index.get(contact.accountId);
    if (i !== undefined) carry(`email:${contact.email}`, i);
  }
  const sharedMailboxes = new Set([...carriers].filter(([, set]) => set.size >= SHARED_MAILBOX_ACCOUNTS).map(([key]) => key));
  const owner = new Map<string, number>();
  const join = (key: string, i: number, typed: LinkKey) => {
    if (sharedMailboxes.has(key)) return;
    const first = owner.get(key);
    if (first === undefined) owner.set(key, i);
    else if (!union(first, i, 'domains')) offer('shared-key', key, [first, i], typed);
  };
  sorted.forEach((account, i) => {
    for (const key of accountKeys(account)) join(keyText(key), i, key);
  });
  for (const contact of contacts) {
    const i = contact.accountId === undefined ? undefined : index.get(contact.accountId);
    if (i !== undefined) join(`email:${contact.email}`, i, { kind: 'email', value: contact.email });
  }
  // 3. The same name, when nothing tells the accounts apart.
  const byName = new Map<string, number[]>();
  sorted.forEach((account, i) => {
    if (hasPlaceholderName(account)) return;
    // The stored name key (lib/db/schema.ts StoredAccount.nameKey) when the caller passes stored accounts.
    const key = (account as { nameKey?: string }).nameKey ?? normalizeCompanyName(account.name);
    if (!key) return;
    let group = byName.get(key);
    if (!group) byName.set(key, (group = []));
    group.push(i);
  });
  for (const [key, group] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const roots = [...new Set(group.map(find))];
    if (roots.length < 2) continue;
    const ambiguous = roots.some((a, x) => roots.slice(x + 1).some((b) => differ(traits[a]!, traits[b]!, 'all')));
    if (ambiguous) offer('same-name', key, roots);
    else for (const r of roots.slice(1)) union(roots[0]!, r, 'none');
  }

  // The groups, their surviving id and merged record.
  const groups = new Map<number, number[]>();
  sorted.forEach((_, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(i);
  });
  const order = better(preferred);
  const moves = new Map<string, string>();
  const merged: Account[] = [];
  const canonical = new Map<number, string>();
  for (const [root, members] of groups) {
    const ids = members.map((m) => sorted[m]!.id).sort(order);
    const keep = ids[0]!;
    canonical.set(root, keep);
    if (ids.length === 1) continue;
    for (const id of ids.slice(1)) moves.set(id, keep);
    // Worst first, the surviving account last: its fields win (mergeAccount: last write wins).
    const records = ids.map((id) => sorted[index.get(id)!]!).reverse();
    const account = records.slice(1).reduce((acc, next) => mergeAccount(acc, next), records[0]!);
    merged.push({ ...account, id: keep });
  }
  // Contacts: onto the surviving account; a buyer address with no account goes to the account it is a key of.
  const contactMoves = new Map<string, string>();
  for (const contact of contacts) {
    const i = contact.accountId !== undefined ? index.get(contact.accountId) : owner.get(`email:${contact.email}`);
    if (i === undefined) continue;
    const target = canonical.get(find(i))!;
    if (target !== contact.accountId) contactMoves.set(contact.email, target);
  }
  // Offers name the surviving accounts; one between accounts that ended up as one is moot.
  const offers: LinkOffer[] = [];
  const offered = new Set<string>();
  for (const { kind, key, members, shared } of pending) {
    const accountIds = [...new Set(members.map((m) => canonical.get(find(m))!))].sort();
    const id = `${kind}|${key}|${accountIds.join('|')}`;
    if (accountIds.length < 2 || offered.has(id)) continue;
    offered.add(id);
    offers.push({ kind, key, accountIds, ...(shared ? { shared } : {}) });
  }
  return { moves, merged, contacts: contactMoves, offers };
}
