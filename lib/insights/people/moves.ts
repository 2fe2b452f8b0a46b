// Champion moves, by one rule used everywhere (the book-wide scoring run, the options account view and the page
// matcher): the same full name (personKey) that stops at one company and then starts at another is a move; two
// people who share a name and write from two companies at the same time are namesakes, not a move.
import type { Account, Activity, Contact, Order } from '../../model/records';
import { companyDomainOfEmail, normalizeEmail } from '../../model/identity';
import { accountDomains, emailKey, groupByAccount, isFullNameKey, nameFromEmail, personKey } from './identity';
import { daysBetween, peopleAt } from './people';
import type { ChampionDeparture, MovedContactLead, Person } from './types';

/** The old address must have been quiet this long before the new one first appears (the demo's move: 3+ weeks). */
export const QUIET_DAYS = 14;

/** The rule: a sighting elsewhere is a move when it starts only after the address here went quiet. */
export function startsAfterQuiet(lastHere: string | undefined, firstElsewhere: string): boolean {
  return lastHere === undefined || daysBetween(lastHere, firstElsewhere) >= QUIET_DAYS;
}

/** One address a name was seen under, with the first and last day it was seen. */
export interface Sighting {
  email: string;
  domain: string;
  first: string;
  last: string;
}

const latest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);
const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a < b ? a : b);

/** Every company address each full name appears under: from contacts, and from activity addresses like joe.park@. */
export function sightingsByName(contacts: readonly Contact[], activity: readonly Activity[]): Map<string, Map<string, Sighting>> {
  const nameOf = new Map<string, string>();
  for (const c of contacts) {
    const email = normalizeEmail(c.email);
    if (email && c.name) nameOf.set(email, personKey(c.name));
  }
  const byName = new Map<string, Map<string, Sighting>>();
  const see = (email: string, date: string | undefined) => {
    const domain = companyDomainOfEmail(email);
    if (!domain) return;
    const key = nameOf.get(email) ?? personKey(nameFromEmail(email));
    if (!isFullNameKey(key)) return;
    let addresses = byName.get(key);
    if (!addresses) byName.set(key, (addresses = new Map()));
    const seen = addresses.get(email);
    if (!seen) {
      if (date) addresses.set(email, { email, domain, first: date, last: date });
    } else if (date) {
      seen.first = earliest(seen.first, date)!;
      seen.last = latest(seen.last, date)!;
    }
  };
  for (const c of contacts) {
    const email = normalizeEmail(c.email);
    if (email) see(email, c.lastActivity ?? c.createdAt);
  }
  for (const a of activity) {
    const email = normalizeEmail(a.email);
    if (email) see(email, a.date);
  }
  return byName;
}

/** The newest address of a name outside `domains` that started after the address here went quiet. */
export function movedTo(sightings: Iterable<Sighting>, domains: ReadonlySet<string>, lastHere: string | undefined): Sighting | undefined {
  return [...sightings]
    .filter((s) => !domains.has(s.domain) && startsAfterQuiet(lastHere, s.first))
    .sort((a, b) => b.last.localeCompare(a.last))[0];
}

function departuresAmong(account: Account, people: readonly Person[], byName: Map<string, Map<string, Sighting>>): ChampionDeparture[] {
  if (!people.length) return [];
  const domains = accountDomains(account);
  const mostTouched = people.reduce((best, p) => (p.touchesEver > best.touchesEver ? p : best));
  const departures: ChampionDeparture[] = [];
  const seenNames = new Set<string>();
  for (const person of people) {
    const key = personKey(person.name);
    if (seenNames.has(key)) continue;
    const sightings = [...(byName.get(key)?.values() ?? [])];
    const lastHere = sightings.filter((s) => domains.has(s.domain)).reduce<string | undefined>((d, s) => latest(d, s.last), person.lastTouch);
    const elsewhere = movedTo(sightings, domains, lastHere);
    if (!person.left && !elsewhere) continue;
    seenNames.add(key);
    const main = person === mostTouched && person.touchesEver > 0;
    departures.push({
      accountId: account.id,
      email: person.email,
      name: person.name,
      ...(person.title ? { title: person.title } : {}),
      wasMainContact: main,
      keyContact: main || person.roles.includes('economic-buyer') || person.roles.includes('finance') || person.touchesEver >= 3,
      ownDomain: companyDomainOfEmail(person.email) ?? account.domains[0] ?? account.name,
      ...(lastHere ? { lastSeenHere: lastHere } : {}),
      ...(elsewhere ? { newEmail: elsewhere.email, newDomain: elsewhere.domain } : {}),
    });
  }
  return departures.sort((a, b) => departureWeight(b) - departureWeight(a));
}

/** How much a departure matters: the main contact most, then a key contact. */
export const departureWeight = (d: ChampionDeparture): number => (d.wasMainContact ? 0.9 : d.keyContact ? 0.7 : 0.4);

/**
 * Key contacts who left the account: marked 'left' in the CRM, or the same full name now writing from another
 * company's domain after going quiet here. Pass all activity you have (other companies' included) so that the new
 * address can be seen.
 */
export function championDepartures(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: { today: string }): ChampionDeparture[] {
  return departuresAmong(account, peopleAt(account, contacts, activity, options), sightingsByName(contacts, activity));
}

/** The first order of an account up to today: how long it has been a customer. */
export function customerSince(orders: readonly Order[], accountId: string, today: string): string | undefined {
  let first: string | undefined;
  for (const o of orders) if (o.accountId === accountId && o.date <= today) first = earliest(first, o.date);
  return first;
}

export interface LeadOptions {
  today: string;
  /** Orders of the former account, to say how long it has been a customer. */
  orders?: readonly Order[];
}

/**
 * The other side of a champion move: the address on screen belongs to someone known under the same full name at
 * another account, who went quiet there before this address started. `contacts` and `activity` are everything
 * known (all accounts); the page's own day counts as a sighting of the address on screen.
 */
export function contactMovedHere(
  email: string,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  accounts: readonly Account[],
  options: LeadOptions & { seenOnPage?: { name?: string }; byName?: Map<string, Map<string, Sighting>> },
): MovedContactLead | undefined {
  const address = normalizeEmail(email);
  const newDomain = address ? companyDomainOfEmail(address) : undefined;
  if (!address || !newDomain) return undefined;
  const onScreen = contacts.find((c) => emailKey(c.email) === address);
  const name = onScreen?.name || options.seenOnPage?.name || nameFromEmail(address);
  const key = personKey(name);
  if (!isFullNameKey(key)) return undefined;
  // championMoves passes the index it already built over the whole book, so that each lead costs no second pass.
  const byName = options.byName ?? sightingsByName(contacts, activity);
  const sightings = [...(byName.get(key)?.values() ?? [])];
  const here = sightings.find((s) => s.email === address);
  const firstHere = earliest(here?.first, options.seenOnPage ? options.today : undefined);
  if (!firstHere) return undefined;
  const accountByDomain = new Map<string, Account>();
  for (const a of accounts) for (const d of a.domains) accountByDomain.set(d.toLowerCase(), a);
  const accountById = new Map(accounts.map((a) => [a.id, a] as const));
  const newAccount = accountByDomain.get(newDomain);
  const accountOfEmail = (e: string): Account | undefined => {
    const c = contacts.find((x) => emailKey(x.email) === e);
    const domain = companyDomainOfEmail(e);
    return (c?.accountId ? accountById.get(c.accountId) : undefined) ?? (domain ? accountByDomain.get(domain) : undefined);
  };
  // The former address: another company's, known to an account (a namesake contact, or an address seen in activity),
  // and quiet there before this address started (the one rule).
  const formerEmails = new Set<string>([
    ...contacts.filter((c) => c.name && personKey(c.name) === key).map((c) => emailKey(c.email)),
    ...sightings.map((s) => s.email),
  ]);
  const lastSeen = (e: string) => sightings.find((s) => s.email === e)?.last;
  const former = [...formerEmails]
    .filter((e) => e !== address && companyDomainOfEmail(e) !== undefined && companyDomainOfEmail(e) !== newDomain)
    .map((e) => ({ email: e, account: accountOfEmail(e) }))
    .filter((f): f is { email: string; account: Account } => !!f.account && f.account.id !== newAccount?.id)
    .filter((f) => {
      const lastThere = sightings.filter((s) => f.account.domains.includes(s.domain)).reduce<string | undefined>((d, s) => latest(d, s.last), undefined);
      return startsAfterQuiet(lastThere, firstHere);
    })
    .sort((a, b) => (lastSeen(b.email) ?? '').localeCompare(lastSeen(a.email) ?? ''))[0];
  if (!former) return undefined;
  const since = options.orders ? customerSince(options.orders, former.account.id, options.today) : undefined;
  return {
    name,
    email: address,
    formerEmail: former.email,
    formerAccountId: former.account.id,
    formerAccountName: former.account.name,
    newDomain,
    ...(newAccount ? { newAccountId: newAccount.id, newAccountName: newAccount.name } : {}),
    ...(since ? { formerCustomerSince: since } : {}),
  };
}

/**
 * Champion moves over the whole data set, both sides: each account's departures, and a lead for each new address
 * a departed person now writes from.
 */
export function championMoves(
  accounts: readonly Account[],
  contacts: readonly Contact[],
  activity: readonly Activity[],
  options: LeadOptions,
): { departures: ChampionDeparture[]; leads: MovedContactLead[] } {
  const grouped = groupByAccount(accounts, contacts, activity);
  const byName = sightingsByName(contacts, activity);
  const departures = accounts.flatMap((account) => {
    const own = grouped.get(account.id);
    return departuresAmong(account, peopleAt(account, own?.contacts ?? [], own?.activities ?? [], { today: options.today }), byName);
  });
  const leads = departures.flatMap((d) => {
    if (!d.newEmail) return [];
    const lead = contactMovedHere(d.newEmail, contacts, activity, accounts, { ...options, byName });
    return lead ? [lead] : [];
  });
  return { departures, leads };
}

