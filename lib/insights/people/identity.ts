// One person key and one rule for who belongs to an account: used by the people insight, champion moves, the
// options views and the matcher alike (issue 12: "one rule per concept").
import type { Account, Activity, Contact } from '../../model/records';
import { companyDomainOfEmail, normalizeEmail } from '../../model/identity';

const ASCII = /^[\x20-\x7e]*$/;

/** Same person, for matching one name across companies: accents, case and middle spacing do not count. */
export function personKey(name: string): string {
  // An address standing in for a name (nameFromEmail found none in it) is that one address: one word, never a full
  // name, so "buyer1@acme.com" and "buyer2@acme.com" are two people and neither is matched to anyone at another domain.
  if (name.includes('@')) return name.trim().toLowerCase().replace(/\s+/g, '');
  // Plain ASCII (most names) has no accents to take off: NFKD, the slow part, is skipped.
  const plain = ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A single word is not enough to call two people the same. */
export const isFullNameKey = (key: string): boolean => key.includes(' ');

/** "joe.park@acme.com" → "Joe Park": a readable name for an address that only appears in activity. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const parts = local.split(/[._-]+/).filter((p) => /^[a-z]{2,}$/i.test(p));
  if (parts.length < 2) return email;
  return parts.map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

/** The address as stored keys use it: normalized, else lower-cased. */
export const emailKey = (email: string): string => normalizeEmail(email) ?? email.toLowerCase();

/** A record's account: its own account id when it has one, else the account of its address's company domain. */
export function accountIdOf(email: string, accountId: string | undefined, accountOfDomain: ReadonlyMap<string, string>): string | undefined {
  return accountId ?? accountOfDomain.get(companyDomainOfEmail(email) ?? '');
}

export function accountOfDomainIndex(accounts: readonly Account[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const a of accounts) for (const d of a.domains) index.set(d.toLowerCase(), a.id);
  return index;
}

export interface AccountRecords {
  contacts: Contact[];
  activities: Activity[];
}

/**
 * Contacts and activity grouped by account in one pass, by the membership rule above, so that the whole book costs
 * one pass rather than one per account.
 */
export function groupByAccount(
  accounts: readonly Account[],
  contacts: readonly Contact[],
  activities: readonly Activity[],
): Map<string, AccountRecords> {
  const accountOfDomain = accountOfDomainIndex(accounts);
  const byAccount = new Map<string, AccountRecords>();
  const slot = (email: string, accountId: string | undefined) => {
    const id = accountIdOf(email, accountId, accountOfDomain);
    if (id === undefined) return undefined;
    let records = byAccount.get(id);
    if (!records) byAccount.set(id, (records = { contacts: [], activities: [] }));
    return records;
  };
  for (const c of contacts) slot(c.email, c.accountId)?.contacts.push(c);
  for (const a of activities) slot(a.email, a.accountId)?.activities.push(a);
  return byAccount;
}

/** Whether a record belongs to the account: by its account id when it has one, else by its address's domain. */
export function belongsTo(account: Account, domains: ReadonlySet<string>, email: string, accountId?: string): boolean {
  if (accountId !== undefined) return accountId === account.id;
  const domain = companyDomainOfEmail(email);
  return domain !== undefined && domains.has(domain);
}

export const accountDomains = (account: Account): Set<string> => new Set(account.domains.map((d) => d.toLowerCase()));
