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
  let newest: Sighting | undefined;
  for (const s of sightings) if (!domains.has(s.domain) && startsAfterQuiet(lastHere, s.first) && (!newest || s.last > newest.last)) newest = s;
  return newest;
}

/**
 * Whether a name is shared by namesakes: two of the companies it was seen at (`companyOf` a sighting, by default its
 * domain) overlap in time, the one writing before the other went quiet. Then nobody under that name is read as having
 * moved, however the others line up: with three John Smiths writing at once, one of them going quiet is no sign that
 * he is the one now writing from a fourth company (and a common name seen at thousands of companies costs one sort).
 */
export function sharedByNamesakes(sightings: Iterable<Sighting>, companyOf: (s: Sighting) => string = (s) => s.domain): boolean {
  const spans = new Map<string, { first: string; last: string }>();
  for (const s of sightings) {
    const company = companyOf(s);
    const span = spans.get(company);
    if (!span) spans.set(company, { first: s.first, last: s.last });
    else {
      span.first = earliest(span.first, s.first)!;
      span.last = latest(span.last, s.last)!;
    }
  }
  if (spans.size < 2) return false;
  const ordered = [...spans.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let end = ordered[0]!.last;
  for (let i = 1; i < ordered.length; i++) {
    if (!startsAfterQuiet(end, ordered[i]!.first)) return true;
    end = latest(end, ordered[i]!.last)!;
  }
  return false;
}

/** The last day a name was seen at `domains` (or `lastTouch`, the account's own record of the person). */
function lastSeenAt(sightings: Iterable<Sighting>, domains: ReadonlySet<string>, lastTouch: string | undefined): string | undefined {
  let last = lastTouch;
  for (const s of sightings) if (domains.has(s.domain)) last = latest(last, s.last);
  return last;
}

/** `sharedByNamesakes` by domain, once per name over a whole book. */
function namesakesByName(byName: Map<string, Map<string, Sighting>>): (key: string) => boolean {
  const known = new Map<string, boolean>();
  return (key) => {
    let shared = known.get(key);
    if (shared === undefined) known.set(key, (shared = sharedByNamesakes(byName.get(key)?.values() ?? [])));
    return shared;
  };
}

function departuresAmong(
  account: Account,
  people: readonly Person[],
  byName: Map<string, Map<string, Sighting>>,
  sharedName: (key: string) => boolean = namesakesByName(byName),
): ChampionDeparture[] {
  if (!people.length) return [];
  const domains = accountDomains(account);
  // The account's own domains are one company: its people writing from two of them are not namesakes.
  const here = '\u0000here';
  const shared = (key: string): boolean => {
    if (!sharedName(key)) return false;
    if (domains.size < 2) return true;
    const sightings = byName.get(key)?.values() ?? [];
    return sharedByNamesakes(sightings, (s) => (domains.has(s.domain) ? here : s.domain));
  };
  const mostTouched = people.reduce((best, p) => (p.touchesEver > best.touchesEver ? p : best));
  const departures: ChampionDeparture[] = [];
  const seenNames = new Set<string>();
  for (const person of people) {
    const key = personKey(person.name);
    if (seenNames.has(key)) continue;
    const sightings = byName.get(key);
    const lastHere = () => lastSeenAt(sightings?.values() ?? [], domains, person.lastTouch);
    const elsewhere = !sightings || shared(key) ? undefined : movedTo(sightings.values(), domains, lastHere());
    if (!person.left && !elsewhere) continue;
    const lastSeenHere = lastHere();
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
      ...(lastSeenHere ? { lastSeenHere } : {}),
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

/** What a lead looks up, indexed once when many leads are read from one book (championMoves). */
export interface LeadIndex {
  contactOf: (email: string) => Contact | undefined;
  emailsOfName: (key: string) => readonly string[];
  accountByDomain: ReadonlyMap<string, Account>;
  accountById: ReadonlyMap<string, Account>;
  customerSince: (accountId: string) => string | undefined;
}

export function leadIndex(contacts: readonly Contact[], accounts: readonly Account[], options: LeadOptions): LeadIndex {
  const byEmail = new Map<string, Contact>();
  const byName = new Map<string, string[]>();
  for (const c of contacts) {
    const email = emailKey(c.email);
    if (!byEmail.has(email)) byEmail.set(email, c);
    if (!c.name) continue;
    const key = personKey(c.name);
    const emails = byName.get(key);
    if (emails) emails.push(email);
    else byName.set(key, [email]);
  }
  const accountByDomain = new Map<string, Account>();
  for (const a of accounts) for (const d of a.domains) accountByDomain.set(d.toLowerCase(), a);
  let firstOrder: Map<string, string> | undefined;
  return {
    contactOf: (email) => byEmail.get(email),
    emailsOfName: (key) => byName.get(key) ?? [],
    accountByDomain,
    accountById: new Map(accounts.map((a) => [a.id, a] as const)),
    customerSince: (accountId) => {
      if (!options.orders) return undefined;
      if (!firstOrder) {
        firstOrder = new Map();
        for (const o of options.orders) if (o.date <= options.today) firstOrder.set(o.accountId, earliest(firstOrder.get(o.accountId), o.date)!);
      }
      return firstOrder.get(accountId);
    },
  };
}

/**
 * The other side of a champion move: the address on screen belongs to someone known under the same full name at
 * another account, who went quiet there before this address started. `contacts` and `activity` are everything
 * known (all accounts); the page's own day counts as a sighting of the address on screen. A name shared by
 * namesakes (sharedByNamesakes) gives no lead.
 */
export function contactMovedHere(
  email: string,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  accounts: readonly Account[],
  options: LeadOptions & { seenOnPage?: { name?: string }; byName?: Map<string, Map<string, Sighting>>; index?: LeadIndex },
): MovedContactLead | undefined {
  const address = normalizeEmail(email);
  const newDomain = address ? companyDomainOfEmail(address) : undefined;
  if (!address || !newDomain) return undefined;
  const index = options.index ?? leadIndex(contacts, accounts, options);
  const onScreen = index.contactOf(address);
  const name = onScreen?.name || options.seenOnPage?.name || nameFromEmail(address);
  const key = personKey(name);
  if (!isFullNameKey(key)) return undefined;
  // championMoves passes the index it already built over the whole book, so that each lead costs no second pass.
  const byName = options.byName ?? sightingsByName(contacts, activity);
  const sightings = [...(byName.get(key)?.values() ?? [])];
  const here = sightings.find((s) => s.email === address);
  const firstHere = earliest(here?.first, options.seenOnPage ? options.today : undefined);
  if (!firstHere) return undefined;
  const { accountByDomain, accountById } = index;
  const newAccount = accountByDomain.get(newDomain);
  const accountOfEmail = (e: string): Account | undefined => {
    const c = index.contactOf(e);
    const domain = companyDomainOfEmail(e);
    return (c?.accountId ? accountById.get(c.accountId) : undefined) ?? (domain ? accountByDomain.get(domain) : undefined);
  };
  const onPage: Sighting = { email: address, domain: newDomain, first: firstHere, last: latest(here?.last, firstHere)! };
  const companyOf = (s: Sighting) => accountOfEmail(s.email)?.id ?? s.domain;
  if (sharedByNamesakes([...sightings.filter((s) => s.email !== address), onPage], companyOf)) return undefined;
  // The former address: another company's, known to an account (a namesake contact, or an address seen in activity),
  // and quiet there before this address started (the one rule).
  const formerEmails = new Set<string>([...index.emailsOfName(key), ...sightings.map((s) => s.email)]);
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
  const since = index.customerSince(former.account.id);
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
  const sharedName = namesakesByName(byName);
  const departures = accounts.flatMap((account) => {
    const own = grouped.get(account.id);
    return departuresAmong(account, peopleAt(account, own?.contacts ?? [], own?.activities ?? [], { today: options.today }), byName, sharedName);
  });
  let index: LeadIndex | undefined;
  const leads = departures.flatMap((d) => {
    if (!d.newEmail) return [];
    index ??= leadIndex(contacts, accounts, options);
    const lead = contactMovedHere(d.newEmail, contacts, activity, accounts, { ...options, byName, index });
    return lead ? [lead] : [];
  });
  return { departures, leads };
}

