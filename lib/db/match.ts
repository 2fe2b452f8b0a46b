// Which local account is the page about? Email first, then CRM record id, then company domain, then company name.
// Next to the lookup it asks (./lookup.ts answers these questions from IndexedDB). A person on the page who is known
// under the same full name at another account is told by the one champion-move rule of lib/insights/people/moves.ts.
import type { MatchEvidence, PageContext, PersonOnPage, PersonRole } from '../model/page';

export type { MatchEvidence };
import type { Account, Activity, Contact } from '../model/records';
import { companyDomainOfEmail, domainFromWebsite, normalizeCompanyName, normalizeEmail } from '../model/identity';
import { contactMovedHere } from '../insights/people/moves';
import type { MovedContactLead } from '../insights/people/types';

export interface AccountLookup {
  contactByEmail(email: string): Promise<Contact | undefined>;
  contactsByName(name: string): Promise<Contact[]>; // exact full-name match, case-insensitive
  accountById(id: string): Promise<Account | undefined>;
  accountsByDomain(domain: string): Promise<Account[]>;
  accountsByCrmId(crm: string, recordId: string): Promise<Account[]>;
  contactsByCrmId(crm: string, recordId: string): Promise<Contact[]>;
  accountsByName(normalizedName: string): Promise<Account[]>;
  activitiesByEmail(email: string): Promise<Activity[]>;
}

/** A known person now writing from another company's domain: a risk for the old account, an opening at the new one. */
export type MovedContact = MovedContactLead;

type MatchedBy = MatchEvidence['by'];

/** Why nothing matched: nobody on the page (with the recognizer's own reason), or nobody known. */
export type NoMatch = { why: 'nobody-on-page'; pageReason?: string } | { why: 'no-account' } | { why: 'moved-here' };

export type MatchResult =
  | { kind: 'account'; account: Account; contact?: Contact; matchedBy: MatchedBy; evidence: MatchEvidence; moved?: MovedContact; names?: NamesOnPage }
  | { kind: 'choose'; candidates: { account: Account; matchedBy: MatchedBy; evidence: MatchEvidence }[] }
  | ({ kind: 'none'; moved?: MovedContact } & NoMatch);

/**
 * People the page shows by name only (Outlook), after the match: `resolved` are the ones one contact of the matched
 * account bears that full name, with that contact's address; `unresolved` are the names left.
 */
export interface NamesOnPage {
  resolved: PersonOnPage[];
  unresolved: string[];
}

interface Candidate {
  account: Account;
  contact?: Contact;
  matchedBy: MatchedBy;
  evidence: MatchEvidence;
}

/** Roles in the order they speak for the page; 'mentioned' addresses never decide the account. */
const ROLE_ORDER: readonly PersonRole[] = ['from', 'record', 'to', 'cc', 'bcc'];

function byRole(people: readonly PersonOnPage[]): PersonOnPage[][] {
  return ROLE_ORDER.map((role) => people.filter((person) => person.role === role));
}

function distinct(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const candidate of candidates) if (!seen.has(candidate.account.id)) seen.set(candidate.account.id, candidate);
  return [...seen.values()];
}

function decide(candidates: Candidate[], moved?: MovedContact): MatchResult | undefined {
  const unique = distinct(candidates);
  if (!unique.length) return undefined;
  if (unique.length === 1) {
    const [only] = unique as [Candidate];
    return { kind: 'account', account: only.account, ...(only.contact ? { contact: only.contact } : {}), matchedBy: only.matchedBy, evidence: only.evidence, ...(moved ? { moved } : {}) };
  }
  return { kind: 'choose', candidates: unique.map(({ account, matchedBy, evidence }) => ({ account, matchedBy, evidence })) };
}

async function byEmail(people: readonly PersonOnPage[], lookup: AccountLookup, known: Map<string, Contact | undefined>): Promise<Candidate[]> {
  for (const tier of byRole(people)) {
    const found: Candidate[] = [];
    for (const person of tier) {
      const contact = known.get(person.email);
      if (!contact?.accountId) continue;
      const account = await lookup.accountById(contact.accountId);
      if (account) found.push({ account, contact, matchedBy: 'email', evidence: { by: 'email', email: person.email, ...(contact.name ? { contactName: contact.name } : {}), accountName: account.name } });
    }
    if (found.length) return found;
  }
  return [];
}

async function byCrmId(ctx: PageContext, lookup: AccountLookup): Promise<Candidate[]> {
  if (!ctx.record) return [];
  const { crm, recordId } = ctx.record;
  const found: Candidate[] = (await lookup.accountsByCrmId(crm, recordId)).map((account) => ({
    account,
    matchedBy: 'crm-id' as const,
    evidence: { by: 'crm-id' as const, crm, recordId, accountName: account.name },
  }));
  for (const contact of await lookup.contactsByCrmId(crm, recordId)) {
    const account = contact.accountId ? await lookup.accountById(contact.accountId) : undefined;
    if (account) found.push({ account, contact, matchedBy: 'crm-id', evidence: { by: 'crm-id', crm, recordId, contactName: contact.name, accountName: account.name } });
  }
  return found;
}

/** acme.com for mail.eu.acme.com: try the domain, then its parents down to two labels. */
function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const out: string[] = [];
  for (let i = 0; i <= labels.length - 2; i += 1) out.push(labels.slice(i).join('.'));
  return out;
}

async function byDomain(ctx: PageContext, lookup: AccountLookup): Promise<Candidate[]> {
  type SeenAs = { email: string } | { website: true };
  const tiers: { domain: string; seenAs: SeenAs }[][] = byRole(ctx.people).map((tier) =>
    tier.flatMap((person) => {
      const domain = companyDomainOfEmail(person.email);
      return domain ? [{ domain, seenAs: { email: person.email } }] : [];
    }),
  );
  const pageDomain = domainFromWebsite(ctx.companyDomain);
  if (pageDomain) tiers.splice(2, 0, [{ domain: pageDomain, seenAs: { website: true } }]);
  for (const tier of tiers) {
    const found: Candidate[] = [];
    for (const { domain, seenAs } of tier) {
      for (const candidate of domainAndParents(domain)) {
        const accounts = await lookup.accountsByDomain(candidate);
        for (const account of accounts) found.push({ account, matchedBy: 'domain', evidence: { by: 'domain', domain, seenAs, accountName: account.name } });
        if (accounts.length) break;
      }
    }
    if (found.length) return found;
  }
  return [];
}

async function byCompanyName(ctx: PageContext, lookup: AccountLookup): Promise<Candidate[]> {
  const normalized = ctx.companyName ? normalizeCompanyName(ctx.companyName) : '';
  if (!normalized) return [];
  return (await lookup.accountsByName(normalized)).map((account) => ({
    account,
    matchedBy: 'company-name' as const,
    evidence: { by: 'company-name' as const, pageName: ctx.companyName!, accountName: account.name },
  }));
}

/**
 * A sender unknown by email whose full name is a known contact at another account, and who writes from another
 * company's domain after going quiet there: a move by the one rule (a namesake writing at the same time is not).
 */
async function findMoved(ctx: PageContext, lookup: AccountLookup, known: Map<string, Contact | undefined>, today: string): Promise<MovedContact | undefined> {
  for (const person of ctx.people) {
    if ((person.role !== 'from' && person.role !== 'record') || known.get(person.email) || !person.name) continue;
    const name = person.name.trim();
    if (name.split(/\s+/).length < 2 || !companyDomainOfEmail(person.email)) continue;
    const namesakes = await lookup.contactsByName(name);
    if (!namesakes.length) continue;
    const accounts = new Map<string, Account>();
    for (const c of namesakes) {
      const account = c.accountId ? await lookup.accountById(c.accountId) : undefined;
      if (account) accounts.set(account.id, account);
    }
    for (const account of await lookup.accountsByDomain(companyDomainOfEmail(person.email)!)) accounts.set(account.id, account);
    const activity = (await Promise.all([person.email, ...namesakes.map((c) => c.email)].map((e) => lookup.activitiesByEmail(e)))).flat();
    const lead = contactMovedHere(person.email, namesakes, activity, [...accounts.values()], { today, seenOnPage: { name } });
    if (lead) return lead;
  }
  return undefined;
}

/** Names shown without an address, resolved against the matched account's contacts (exact full name, one contact). */
export async function resolveNames(named: PageContext['namedOnly'], accountId: string | undefined, lookup: AccountLookup): Promise<NamesOnPage> {
  const resolved: PersonOnPage[] = [];
  const unresolved: string[] = [];
  for (const person of named ?? []) {
    if (person.role === 'mentioned') continue;
    const namesakes = accountId ? (await lookup.contactsByName(person.name)).filter((c) => c.accountId === accountId) : [];
    if (namesakes.length === 1) resolved.push({ email: namesakes[0]!.email, name: person.name, role: person.role });
    else if (!unresolved.includes(person.name)) unresolved.push(person.name);
  }
  return { resolved, unresolved };
}

export async function matchAccount(ctx: PageContext, lookup: AccountLookup, options: { today: string }): Promise<MatchResult> {
  const known = new Map<string, Contact | undefined>();
  for (const person of ctx.people) {
    const email = normalizeEmail(person.email);
    if (email && person.role !== 'mentioned' && !known.has(email)) known.set(email, await lookup.contactByEmail(email));
  }
  const moved = await findMoved(ctx, lookup, known, options.today);
  for (const level of [() => byEmail(ctx.people, lookup, known), () => byCrmId(ctx, lookup), () => byDomain(ctx, lookup), () => byCompanyName(ctx, lookup)]) {
    const result = decide(await level(), moved);
    if (result?.kind === 'account' && ctx.namedOnly?.length) return { ...result, names: await resolveNames(ctx.namedOnly, result.account.id, lookup) };
    if (result) return result;
  }
  if (moved) return { kind: 'none', why: 'moved-here', moved };
  return ctx.people.length || ctx.record || ctx.companyName || ctx.companyDomain
    ? { kind: 'none', why: 'no-account' }
    : { kind: 'none', why: 'nobody-on-page', ...(ctx.reason ? { pageReason: ctx.reason } : {}) };
}
