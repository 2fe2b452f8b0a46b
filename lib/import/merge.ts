// Merging a record read from a file into the one already stored: the incoming value wins field by field
// (last write wins), lists are unioned, and merging the same record twice changes nothing.
import type { Account, Contact, CrmId } from '../model/records';

function defined<T extends object>(record: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

function union(a: string[], b: string[]): string[] {
  const seen = new Set(a);
  const out = [...a];
  for (const item of b) if (!seen.has(item)) {
    seen.add(item);
    out.push(item);
  }
  return out;
}

function unionCrmIds(a: CrmId[], b: CrmId[]): CrmId[] {
  const seen = new Set(a.map((id) => `${id.crm}:${id.recordId}`));
  const out = [...a];
  for (const id of b) if (!seen.has(`${id.crm}:${id.recordId}`)) {
    seen.add(`${id.crm}:${id.recordId}`);
    out.push(id);
  }
  return out;
}

/**
 * Names the importer makes up when a file names no company (the domain, "Customer 00042", "salesforce
 * account 001…"): they never replace a real name.
 */
export function placeholderAccountName(key: { domain?: string; customerKey?: string; crmId?: CrmId }): string {
  if (key.domain) return key.domain;
  if (key.customerKey) return `Customer ${key.customerKey}`;
  if (key.crmId) return `${key.crmId.crm} account ${key.crmId.recordId}`;
  return 'Unknown company';
}

export function hasPlaceholderName(account: Account): boolean {
  const { name } = account;
  return (
    name === account.id ||
    name === 'Unknown company' ||
    account.domains.includes(name) ||
    (account.customerKeys ?? []).some((key) => name === `Customer ${key}`) ||
    account.crmIds.some((id) => name === `${id.crm} account ${id.recordId}`)
  );
}

/**
 * Field by field, last write wins, with two rules for the name: a made-up name never replaces a real one, and a name
 * from a file without CRM ids (an order log, a customer master) never replaces a CRM's name, so that importing the
 * same files again, in any order, keeps the name the CRM gives.
 */
export function mergeAccount(existing: Account, incoming: Account): Account {
  const keepName = (hasPlaceholderName(incoming) && !hasPlaceholderName(existing)) || (incoming.crmIds.length === 0 && existing.crmIds.length > 0 && !hasPlaceholderName(existing));
  const emails = union(existing.emails ?? [], incoming.emails ?? []);
  const taxIds = union(existing.taxIds ?? [], incoming.taxIds ?? []);
  return {
    ...existing,
    ...defined(incoming),
    name: keepName ? existing.name : incoming.name,
    domains: union(existing.domains, incoming.domains),
    crmIds: unionCrmIds(existing.crmIds, incoming.crmIds),
    customerKeys: union(existing.customerKeys ?? [], incoming.customerKeys ?? []),
    ...(emails.length ? { emails } : {}),
    ...(taxIds.length ? { taxIds } : {}),
  };
}

/**
 * As for accounts, with three exceptions that keep knowledge from being lost: a made-up name (the
 * address itself) and status "unknown" never overwrite, and lastActivity keeps the later date.
 */
export function mergeContact(existing: Contact, incoming: Contact): Contact {
  const lastActivity = [existing.lastActivity, incoming.lastActivity].filter((d): d is string => !!d).sort().pop();
  return {
    ...existing,
    ...defined(incoming),
    name: incoming.name === incoming.email && existing.name ? existing.name : incoming.name,
    status: incoming.status === 'unknown' ? existing.status : incoming.status,
    crmIds: unionCrmIds(existing.crmIds, incoming.crmIds),
    ...(lastActivity ? { lastActivity } : {}),
  };
}
