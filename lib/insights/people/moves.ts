// Champion moves, by one rule used everywhere (the book-wide scoring run, the options account view and the page
// matcher): the same full name (personKey) that stops at one company and then starts at another is a move; two
// people who share a name and write from two companies at the same time are namesakes, not a move.
import type { Account, Activity, Contact, Order } from '../../model/records';
import { companyDomainOfEmail, normalizeEmail } from '../../model/identity';
import { accountDomains, accountOfDomainIndex, emailKey, groupByAccount, isFullNameKey, nameFromEmail, personKey, type AccountRecords } from './identity';
import { peopleAt } from './people';
import type { ChampionDeparture, MovedContactLead, Person } from './types';
import { earliest, lastSeenAt, latest, movedTo, nameKeys, sharedByNamesakes, sightingsByName, spreadByName, startsAfterQuiet, type NameSpread, type Sighting } from './sightings';

export { QUIET_DAYS, movedTo, nameSpread, sharedByNamesakes, sightingsByName, startsAfterQuiet, type NameSpread, type Sighting } from './sightings';

function departuresAmong(
  account: Account,
  people: readonly Person[],
  byName: Map<string, Map<string, Sighting>>,
  spreadOf: (key: string) => NameSpread,
): ChampionDeparture[] {
  if (!people.length) return [];
  const domains = accountDomains(account);
  const mostTouched = people.reduce((best, p) => (p.touchesEver > best.touchesEver ? p : best));
  const departures: ChampionDeparture[] = [];
  const seenNames = new Set<string>();
  for (const person of people) {
    const key = personKey(person.name);
    if (seenNames.has(key)) continue;
    const sightings = byName.get(key);
    // Only a name seen at companies one after the other can have moved (sightings.ts); the rest need no scan.
    const apart = sightings !== undefined && spreadOf(key) === 'apart';
    if (!person.left && !apart) continue;
    const lastSeenHere = lastSeenAt(sightings?.values() ?? [], domains, person.lastTouch);
    const elsewhere = apart ? movedTo(sightings!.values(), domains, lastSeenHere) : undefined;
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
  const byName = sightingsByName(contacts, activity);
  // The account's own domains are one company: its people writing from two of them are not namesakes.
  const domains = accountDomains(account);
  const spreadOf = spreadByName(byName, (s) => (domains.has(s.domain) ? '\u0000here' : s.domain));
  return departuresAmong(account, peopleAt(account, contacts, activity, options), byName, spreadOf);
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
  // Companies are accounts: an account's own domains are one company (its people writing from two are one person).
  const accountOfDomain = accountOfDomainIndex(accounts);
  const spreadOf = spreadByName(byName, (s) => accountOfDomain.get(s.domain) ?? s.domain);
  // Only an account with a contact marked as left, or with someone under a name seen at another company afterwards,
  // can have a departure: the others (nearly all on a real book) are not looked at person by person.
  // (Every key a person there may go by is tried: the contact's name, and the name read from the address.)
  const apartNames = new Set<string>();
  for (const [key, sightings] of byName) if (sightings.size > 1 && spreadOf(key) === 'apart') apartNames.add(key);
  const keyOf = nameKeys(contacts);
  const movableEmails = new Map<string, boolean>();
  const movable = (email: string, name?: string) => {
    if (!apartNames.size) return false;
    if (name !== undefined && apartNames.has(personKey(name))) return true;
    let found = movableEmails.get(email);
    if (found === undefined) movableEmails.set(email, (found = apartNames.has(keyOf(email) ?? '') || apartNames.has(personKey(nameFromEmail(email)))));
    return found;
  };
  const mayHaveLeft = (own: AccountRecords) => own.contacts.some((c) => c.status === 'left' || movable(c.email, c.name)) || own.activities.some((a) => movable(a.email));
  const departures = accounts.flatMap((account) => {
    const own = grouped.get(account.id);
    if (!own || !mayHaveLeft(own)) return [];
    return departuresAmong(account, peopleAt(account, own.contacts, own.activities, { today: options.today }), byName, spreadOf);
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

