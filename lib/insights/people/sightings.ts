// Where and when each full name was seen, and the one rule for reading a move from it (used by champion moves, the
// options account view and the page matcher): the same name that stops at one company and then starts at another.
import type { Activity, Contact } from '../../model/records';
import { companyDomainOfEmail, normalizeEmail } from '../../model/identity';
import { isFullNameKey, nameFromEmail, personKey } from './identity';
import { daysBetween } from './people';

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

export const latest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);
export const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a < b ? a : b);

/** The name key of a normalized address: its contact's name when a contact has one, else the name read from it. */
export function nameKeys(contacts: readonly Contact[]): (email: string) => string | undefined {
  const nameOf = new Map<string, string>();
  for (const c of contacts) {
    const email = normalizeEmail(c.email);
    if (email && c.name) nameOf.set(email, personKey(c.name));
  }
  // Read once per address: a book's activity names the same few thousand addresses again and again.
  const known = new Map<string, string | undefined>();
  return (raw) => {
    if (known.has(raw)) return known.get(raw);
    const email = normalizeEmail(raw);
    const key = email === undefined ? undefined : (nameOf.get(email) ?? personKey(nameFromEmail(email)));
    known.set(raw, key);
    return key;
  };
}

/** Every company address each full name appears under: from contacts, and from activity addresses like joe.park@. */
export function sightingsByName(contacts: readonly Contact[], activity: readonly Activity[]): Map<string, Map<string, Sighting>> {
  const keyOf = nameKeys(contacts);
  const byName = new Map<string, Map<string, Sighting>>();
  // Where an address's sightings go: its normalized form, domain and its name's map of addresses.
  const slotOf = (raw: string): { email: string; domain: string; addresses: Map<string, Sighting> } | undefined => {
    const email = normalizeEmail(raw);
    const key = email === undefined ? undefined : keyOf(email);
    if (email === undefined || key === undefined || !isFullNameKey(key)) return undefined;
    const domain = companyDomainOfEmail(email);
    if (!domain) return undefined;
    let addresses = byName.get(key);
    if (!addresses) byName.set(key, (addresses = new Map()));
    return { email, domain, addresses };
  };
  // Per address as written, read once (a book's activity names the same few thousand addresses again and again);
  // null for an address that is no full name at a company.
  const targets = new Map<string, ReturnType<typeof slotOf> | null>();
  const see = (raw: string, date: string | undefined) => {
    let target = targets.get(raw);
    if (target === undefined) targets.set(raw, (target = slotOf(raw) ?? null));
    if (!target || !date) return;
    const seen = target.addresses.get(target.email);
    if (!seen) target.addresses.set(target.email, { email: target.email, domain: target.domain, first: date, last: date });
    else {
      if (date < seen.first) seen.first = date;
      if (date > seen.last) seen.last = date;
    }
  };
  for (const c of contacts) see(c.email, c.lastActivity ?? c.createdAt);
  for (const a of activity) see(a.email, a.date);
  // A name with no dated sighting is no name seen anywhere.
  for (const [key, addresses] of byName) if (!addresses.size) byName.delete(key);
  return byName;
}

/** The newest address of a name outside `domains` that started after the address here went quiet. */
export function movedTo(sightings: Iterable<Sighting>, domains: ReadonlySet<string>, lastHere: string | undefined): Sighting | undefined {
  let newest: Sighting | undefined;
  for (const s of sightings) if (!domains.has(s.domain) && startsAfterQuiet(lastHere, s.first) && (!newest || s.last > newest.last)) newest = s;
  return newest;
}

/** How a name's sightings lie over companies: at one only, at several one after another, or at several at once. */
export type NameSpread = 'one-company' | 'apart' | 'at-once';

/**
 * How a name lies over the companies it was seen at (`companyOf` a sighting, by default its domain). `at-once`: two
 * of them overlap in time, the one writing before the other went quiet: the name is shared by namesakes, and then
 * nobody under it is read as having moved, however the others line up (with three John Smiths writing at once, one
 * of them going quiet is no sign that he is the one now writing from a fourth company). One sort, so a common name
 * seen at thousands of companies stays cheap.
 */
export function nameSpread(sightings: Iterable<Sighting>, companyOf: (s: Sighting) => string = (s) => s.domain): NameSpread {
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
  if (spans.size < 2) return 'one-company';
  const ordered = [...spans.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let end = ordered[0]!.last;
  for (let i = 1; i < ordered.length; i++) {
    if (!startsAfterQuiet(end, ordered[i]!.first)) return 'at-once';
    end = latest(end, ordered[i]!.last)!;
  }
  return 'apart';
}

export const sharedByNamesakes = (sightings: Iterable<Sighting>, companyOf?: (s: Sighting) => string): boolean => nameSpread(sightings, companyOf) === 'at-once';

/** The last day a name was seen at `domains` (or `lastTouch`, the account's own record of the person). */
export function lastSeenAt(sightings: Iterable<Sighting>, domains: ReadonlySet<string>, lastTouch: string | undefined): string | undefined {
  let last = lastTouch;
  for (const s of sightings) if (domains.has(s.domain)) last = latest(last, s.last);
  return last;
}

/** `nameSpread` once per name over a whole book, companies told apart by `companyOf`. */
export function spreadByName(byName: Map<string, Map<string, Sighting>>, companyOf?: (s: Sighting) => string): (key: string) => NameSpread {
  const known = new Map<string, NameSpread>();
  return (key) => {
    let spread = known.get(key);
    if (spread === undefined) known.set(key, (spread = nameSpread(byName.get(key)?.values() ?? [], companyOf)));
    return spread;
  };
}
