// Who the rep knows at an account, what part each person plays in buying, and who is missing: the economic
// buyer, finance, the technical evaluator, the day-to-day user, and whether everything runs through one person.
// Also champion moves: a key contact who left, seen from the old account and as a lead at the new company.
// Pure: every function takes the records and a `today`; nothing here reads a clock, storage or the page.
import type { Account, Activity, Contact, Order } from '../model/records';
import type { BuyingRole, PeopleInsight } from '../model/insight';
import type { Signal, SignalKind } from '../model/playbook';
import { companyDomainOfEmail, normalizeEmail } from '../model/identity';
import { toDayNumber } from './risk/dates';
import { classifyTitle, seniorityRank, type TitleClass } from './titles/classify';

export { classifyTitle, normalizeTitle, seniorityRank, type TitleClass } from './titles/classify';

export interface CoverageOptions {
  /** yyyy-mm-dd */
  today: string;
  /** A role whose last touch is older than this counts as not covered. Default 365. */
  staleAfterDays?: number;
  /** The window "this year" counts emails in (single-threaded) and touches in (champion). Default 365. */
  periodDays?: number;
  /** A contact first seen this recently is new. Default 30. */
  newContactDays?: number;
}

type CheckedRole = Exclude<BuyingRole, 'champion'>;

/** Something missing in the account's coverage, with how stale it is. */
export interface CoverageGap {
  kind: 'no-one' | 'never-contacted' | 'stale' | 'no-senior-contact' | 'single-threaded' | 'no-regular-contact';
  role?: BuyingRole;
  text: string;
  why: string;
  /** The person who holds the role but has gone quiet. */
  person?: { email: string; name: string; title?: string };
  lastTouch?: string;
  daysSinceTouch?: number;
  signal?: Signal;
}

interface Person {
  email: string;
  name: string;
  title?: string;
  contact?: Contact;
  cls: TitleClass;
  roles: BuyingRole[];
  left: boolean;
  lastTouch?: string;
  firstSeen?: string;
  touchesInPeriod: number;
  emailsInPeriod: number;
  touchesEver: number;
}

const day = (iso: string) => toDayNumber(iso);
const latest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);
const earliest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a < b ? a : b);

// ---------------------------------------------------------------------------------------------------------------
// Buying roles

const BUDGET_FUNCTIONS = new Set(['executive', 'finance', 'procurement', 'operations']);

/**
 * The parts a title plays in buying. Economic buyer: an executive, or a VP over budget-holding functions.
 * Finance: finance, or procurement from director level up (the head of purchasing holds the supplier budget).
 * Technical: R&D, quality, engineering. User: operations and production, and the buyers below director level who
 * place the orders.
 */
export function buyingRolesOf(cls: TitleClass): BuyingRole[] {
  const roles: BuyingRole[] = [];
  const rank = seniorityRank(cls.seniority);
  const has = (fn: string) => cls.functions.includes(fn as never);
  if (cls.seniority === 'executive' || (cls.seniority === 'vp' && cls.functions.some((f) => BUDGET_FUNCTIONS.has(f)))) roles.push('economic-buyer');
  if (has('finance') || (has('procurement') && rank >= seniorityRank('director'))) roles.push('finance');
  if (has('technical')) roles.push('technical');
  if (has('operations') || (has('procurement') && rank < seniorityRank('director'))) roles.push('user');
  return roles;
}

// ---------------------------------------------------------------------------------------------------------------
// Who belongs to the account

function accountDomains(account: Account): Set<string> {
  return new Set(account.domains.map((d) => d.toLowerCase()));
}

function belongsTo(account: Account, domains: Set<string>, email: string, accountId?: string): boolean {
  if (accountId !== undefined) return accountId === account.id;
  const domain = companyDomainOfEmail(email);
  return domain !== undefined && domains.has(domain);
}

/** "joe.park@acme.com" → "Joe Park": a readable name for an address that only appears in activity. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const parts = local.split(/[._-]+/).filter((p) => /^[a-z]{2,}$/i.test(p));
  if (parts.length < 2) return email;
  return parts.map((p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase()).join(' ');
}

/** Same person, for matching one name across companies: accents, case and middle spacing do not count. */
export function personKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function peopleAt(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: CoverageOptions): Person[] {
  const domains = accountDomains(account);
  const today = day(options.today);
  const periodStart = today - (options.periodDays ?? 365);
  const byEmail = new Map<string, Person>();
  const add = (email: string, contact?: Contact): Person => {
    let person = byEmail.get(email);
    if (!person) {
      const cls = classifyTitle(contact?.title ?? '');
      person = {
        email,
        name: contact?.name || nameFromEmail(email),
        ...(contact?.title ? { title: contact.title } : {}),
        ...(contact ? { contact } : {}),
        cls,
        roles: buyingRolesOf(cls),
        left: contact?.status === 'left',
        lastTouch: contact?.lastActivity,
        firstSeen: contact?.createdAt,
        touchesInPeriod: 0,
        emailsInPeriod: 0,
        touchesEver: 0,
      };
      byEmail.set(email, person);
    }
    return person;
  };
  for (const contact of contacts) {
    const email = normalizeEmail(contact.email) ?? contact.email.toLowerCase();
    if (belongsTo(account, domains, email, contact.accountId)) add(email, contact);
  }
  for (const touch of activity) {
    const email = normalizeEmail(touch.email) ?? touch.email.toLowerCase();
    const known = byEmail.get(email);
    if (!known && !belongsTo(account, domains, email, touch.accountId)) continue;
    const person = known ?? add(email);
    person.lastTouch = latest(person.lastTouch, touch.date);
    person.firstSeen = earliest(person.firstSeen, touch.date);
    person.touchesEver++;
    if (day(touch.date) > periodStart && touch.date <= options.today) {
      person.touchesInPeriod++;
      if (touch.kind === 'email-in' || touch.kind === 'email-out') person.emailsInPeriod++;
    }
  }
  return [...byEmail.values()];
}

/** The contact the rep talks to most this year; by CRM last-activity date when there is no activity log. */
function championOf(people: readonly Person[], options: CoverageOptions): Person | undefined {
  const active = people.filter((p) => !p.left);
  const touched = active.filter((p) => p.touchesInPeriod > 0);
  if (touched.length) {
    return touched.reduce((best, p) =>
      p.touchesInPeriod > best.touchesInPeriod || (p.touchesInPeriod === best.touchesInPeriod && (p.lastTouch ?? '') > (best.lastTouch ?? '')) ? p : best,
    );
  }
  const horizon = day(options.today) - (options.periodDays ?? 365);
  const recent = active.filter((p) => p.lastTouch && day(p.lastTouch) > horizon);
  return recent.length ? recent.reduce((best, p) => ((p.lastTouch ?? '') > (best.lastTouch ?? '') ? p : best)) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Wording

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 400 → "13 months ago"; rounded to days, weeks, months or years as a person would say it. */
export function ageInWords(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (days < 1) return 'today';
  if (days < 14) return plural(days, 'day');
  if (days < 61) return plural(Math.round(days / 7), 'week');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}

/** "March" when it is this year or within the last 10 months, else "March 2023". */
export function monthInWords(iso: string, today: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso;
  return iso.slice(0, 4) === today.slice(0, 4) || day(today) - day(iso) < 300 ? month : `${month} ${iso.slice(0, 4)}`;
}

function describe(person: Pick<Person, 'name' | 'title'>): string {
  return person.title ? `${person.name}, ${person.title}` : person.name;
}

const ROLE_WORDS: Record<CheckedRole, string> = {
  'economic-buyer': 'economic buyer',
  finance: 'finance',
  technical: 'technical',
  user: 'day-to-day user',
};

const NOBODY: Record<CheckedRole, string> = {
  'economic-buyer': 'no economic buyer (owner / GM / CFO)',
  finance: 'finance: never contacted',
  technical: 'no technical evaluator (R&D / QA / production)',
  user: 'no day-to-day user (operations / production / planning)',
};

const WHY: Record<CheckedRole, (company: string) => string> = {
  'economic-buyer': (company) =>
    `Nobody you know at ${company} can approve a budget or a change of supplier; the people you talk to can say yes to an order, not to a review.`,
  finance: () => 'Finance weighs price, payment terms and supplier consolidation; a supplier review can start there without you hearing of it.',
  technical: () => 'R&D and quality approve ingredients and specifications: they decide whether another supplier’s product can replace yours.',
  user: () => 'The people who use your products every day notice problems, and alternatives, first.',
};

const SIGNAL_OF: Partial<Record<CheckedRole, SignalKind>> = {
  'economic-buyer': 'missing-economic-buyer',
  finance: 'missing-finance',
  technical: 'missing-technical',
};

const STRENGTH: Record<CheckedRole, Record<'no-one' | 'never-contacted' | 'stale', number>> = {
  'economic-buyer': { 'no-one': 0.85, 'never-contacted': 0.7, stale: 0.55 },
  finance: { 'no-one': 0.65, 'never-contacted': 0.6, stale: 0.45 },
  technical: { 'no-one': 0.55, 'never-contacted': 0.5, stale: 0.4 },
  user: { 'no-one': 0.3, 'never-contacted': 0.25, stale: 0.2 },
};

// ---------------------------------------------------------------------------------------------------------------
// Missing decision-makers

function roleGaps(account: Account, people: readonly Person[], options: CoverageOptions): CoverageGap[] {
  const today = day(options.today);
  const staleAfter = options.staleAfterDays ?? 365;
  const active = people.filter((p) => !p.left);
  const gaps: CoverageGap[] = [];
  for (const role of Object.keys(ROLE_WORDS) as CheckedRole[]) {
    const holders = active.filter((p) => p.roles.includes(role));
    const why = WHY[role](account.name);
    const signalKind = SIGNAL_OF[role];
    const gap = (kind: 'no-one' | 'never-contacted' | 'stale', text: string, extra: Partial<CoverageGap> = {}): CoverageGap => ({
      kind,
      role,
      text,
      why,
      ...extra,
      ...(signalKind ? { signal: { kind: signalKind, strength: STRENGTH[role][kind], reason: text } } : {}),
    });
    if (!holders.length) {
      gaps.push(gap('no-one', NOBODY[role]));
      continue;
    }
    const best = holders.reduce((a, b) => ((b.lastTouch ?? '') > (a.lastTouch ?? '') ? b : a));
    const person = { email: best.email, name: best.name, ...(best.title ? { title: best.title } : {}) };
    if (!best.lastTouch) {
      gaps.push(gap('never-contacted', `${ROLE_WORDS[role]}: never contacted (${describe(best)})`, { person }));
      continue;
    }
    const age = today - day(best.lastTouch);
    if (age > staleAfter) {
      gaps.push(
        gap('stale', `${ROLE_WORDS[role]}: last touch ${ageInWords(age)} (${describe(best)})`, { person, lastTouch: best.lastTouch, daysSinceTouch: age }),
      );
    }
  }
  return gaps;
}

function threadGaps(account: Account, people: readonly Person[], champion: Person | undefined): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const active = people.filter((p) => !p.left);
  if (active.length && !active.some((p) => seniorityRank(p.cls.seniority) >= seniorityRank('director'))) {
    const text = 'no contact above manager level';
    gaps.push({
      kind: 'no-senior-contact',
      text,
      why: `Everyone you know at ${account.name} carries out decisions rather than makes them.`,
      signal: { kind: 'missing-economic-buyer', strength: 0.6, reason: text },
    });
  }
  // Meetings and calls count as threads too: an account whose buyer gets the emails but whose GM you meet is fine.
  const touches = people.reduce((sum, p) => sum + p.touchesInPeriod, 0);
  const emails = people.reduce((sum, p) => sum + p.emailsInPeriod, 0);
  const top = people.reduce<Person | undefined>((best, p) => (!best || p.touchesInPeriod > best.touchesInPeriod ? p : best), undefined);
  if (top && touches >= 5 && top.touchesInPeriod / touches >= 0.85) {
    const share = top.touchesInPeriod / touches;
    const what = touches === emails ? 'emails' : 'emails, calls and meetings';
    const text = `single-threaded: ${top.touchesInPeriod} of ${touches} ${what} this year went to one person (${describe(top)})`;
    gaps.push({
      kind: 'single-threaded',
      role: 'champion',
      text,
      why: `If ${top.name} leaves, is away or simply prefers another supplier, nobody else at ${account.name} knows you.`,
      person: { email: top.email, name: top.name, ...(top.title ? { title: top.title } : {}) },
      signal: { kind: 'single-threaded', strength: Math.min(0.95, share * Math.min(1, touches / 20)), reason: text },
    });
  }
  if (!champion && active.length) {
    gaps.push({
      kind: 'no-regular-contact',
      role: 'champion',
      text: 'no regular contact: nobody was emailed or met this year',
      why: `Without a regular contact you hear about problems at ${account.name} after the orders stop.`,
    });
  }
  return gaps;
}

/**
 * The roles nobody covers at the account, each with why it matters and how stale the coverage is:
 * "no economic buyer (owner / GM / CFO)", "finance: last touch 14 months ago (…)", "finance: never contacted",
 * "no contact above manager level", "single-threaded: 31 of 31 emails this year went to one person (…)".
 * `contacts` and `activity` may hold other accounts' records too; only this account's are used.
 */
export function missingDecisionMakers(
  account: Account,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  options: CoverageOptions,
): CoverageGap[] {
  const people = peopleAt(account, contacts, activity, options);
  return [...threadGaps(account, people, championOf(people, options)), ...roleGaps(account, people, options)];
}

// ---------------------------------------------------------------------------------------------------------------
// People insight and signals

interface PeopleAnalysis {
  insight: PeopleInsight;
  signals: Signal[];
}

function analyzePeople(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: CoverageOptions): PeopleAnalysis {
  const people = peopleAt(account, contacts, activity, options);
  const champion = championOf(people, options);
  const gaps = [...threadGaps(account, people, champion), ...roleGaps(account, people, options)];
  const departures = departuresOf(account, people, sightingsByName(contacts, activity), options);
  const newcomers = newContacts(people, options);

  const notes: string[] = [];
  for (const d of departures) notes.push(d.text);
  if (!people.length) notes.push(`no contacts at ${account.name} in your data yet`);
  const thread = gaps.filter((g) => g.kind === 'single-threaded' || g.kind === 'no-senior-contact');
  for (const g of thread) notes.push(g.text);
  if (champion) notes.push(`main contact: ${describe(champion)}${champion.touchesInPeriod ? ` (${champion.touchesInPeriod} touches this year)` : ''}`);
  for (const n of newcomers) notes.push(n.reason);

  const missing = gaps
    .filter((g): g is CoverageGap & { role: BuyingRole } => g.role !== undefined && g.kind !== 'single-threaded')
    .map((g) => ({ role: g.role, text: g.text, why: g.why }));

  const order = (p: Person) => (p.left ? 1 : 0);
  const contactsOut = [...people]
    .sort((a, b) => order(a) - order(b) || b.touchesInPeriod - a.touchesInPeriod || (b.lastTouch ?? '').localeCompare(a.lastTouch ?? ''))
    .map((p) => ({
      email: p.email,
      name: p.left ? `${p.name} (left)` : p.name,
      ...(p.title ? { title: p.title } : {}),
      roles: p === champion ? [...p.roles, 'champion' as const] : p.roles,
      ...(p.lastTouch ? { lastTouch: p.lastTouch } : {}),
    }));

  const signals: Signal[] = [
    ...gaps.flatMap((g) => (g.signal ? [g.signal] : [])),
    ...departures.map((d) => d.signal),
    ...newcomers,
  ];
  return { insight: { contacts: contactsOut, missing, notes }, signals: strongestPerKind(signals) };
}

/** One signal per kind (the strongest), so that a question is not triggered twice by the same fact. */
function strongestPerKind(signals: readonly Signal[]): Signal[] {
  const best = new Map<SignalKind, Signal>();
  for (const s of signals) {
    const current = best.get(s.kind);
    if (!current || s.strength > current.strength) best.set(s.kind, s);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}

function newContacts(people: readonly Person[], options: CoverageOptions): Signal[] {
  const today = day(options.today);
  const window = options.newContactDays ?? 30;
  return people
    .filter((p) => !p.left && p.firstSeen && today - day(p.firstSeen) >= 0 && today - day(p.firstSeen) <= window)
    .map((p) => ({
      kind: 'new-contact' as const,
      strength: p.roles.includes('economic-buyer') ? 0.7 : 0.5,
      reason: `new contact: ${describe(p)}, first seen ${ageInWords(today - day(p.firstSeen!))}`,
    }));
}

/** Contacts with their buying roles and last touch, the roles nobody covers, and notes (champion moves, threads). */
export function accountPeople(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: CoverageOptions): PeopleInsight {
  return analyzePeople(account, contacts, activity, options).insight;
}

/** The same facts as signals for the question engine, strongest first, one per kind. */
export function peopleSignals(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: CoverageOptions): Signal[] {
  return analyzePeople(account, contacts, activity, options).signals;
}

/** Both at once, for callers that need the insight and the signals (one pass over the records). */
export function peopleInsightAndSignals(
  account: Account,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  options: CoverageOptions,
): PeopleAnalysis {
  return analyzePeople(account, contacts, activity, options);
}

// ---------------------------------------------------------------------------------------------------------------
// Champion moves

/** A key contact who left the account, seen from the account they left. */
export interface ChampionDeparture {
  email: string;
  name: string;
  title?: string;
  wasMainContact: boolean;
  /** Last time the person wrote (or was written to) at this account's domain. */
  lastSeenHere?: string;
  newEmail?: string;
  newDomain?: string;
  text: string;
  signal: Signal;
}

interface Sighting {
  email: string;
  domain: string;
  first: string;
  last: string;
}

/** Every company address a person's name appears under: from contacts, and from activity addresses like joe.park@. */
function sightingsByName(contacts: readonly Contact[], activity: readonly Activity[]): Map<string, Map<string, Sighting>> {
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
    if (!key.includes(' ')) return; // a single word is not enough to call two people the same
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

/**
 * Key contacts who left the account: marked 'left' in the CRM, or the same full name now writing from another
 * company's domain. "your main contact Joe Park has not written from acme.com since March and now writes from
 * brightfoods.com". Pass all activity you have (other companies' included) so that the new address can be seen.
 */
export function championDepartures(
  account: Account,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  options: CoverageOptions,
): ChampionDeparture[] {
  return departuresOf(account, peopleAt(account, contacts, activity, options), sightingsByName(contacts, activity), options);
}

function departuresOf(
  account: Account,
  people: readonly Person[],
  byName: Map<string, Map<string, Sighting>>,
  options: CoverageOptions,
): ChampionDeparture[] {
  if (!people.length) return [];
  const domains = accountDomains(account);
  const mostTouched = people.reduce((best, p) => (p.touchesEver > best.touchesEver ? p : best));
  const departures: ChampionDeparture[] = [];
  const seenNames = new Set<string>();
  for (const person of people) {
    const key = personKey(person.name);
    if (seenNames.has(key)) continue;
    const here = [...(byName.get(key)?.values() ?? [])].filter((s) => domains.has(s.domain));
    const lastHere = here.reduce<string | undefined>((d, s) => latest(d, s.last), person.lastTouch);
    const elsewhere = [...(byName.get(key)?.values() ?? [])]
      // A move, not a namesake: the other address only starts once this one has gone quiet. Two people who share a
      // name and write at the same time from two companies overlap, and are not flagged.
      .filter((s) => !domains.has(s.domain) && (!lastHere || s.first >= lastHere))
      .sort((a, b) => b.last.localeCompare(a.last))[0];
    if (!person.left && !elsewhere) continue;
    seenNames.add(key);
    const main = person === mostTouched && person.touchesEver > 0;
    const key_ = main || person.roles.includes('economic-buyer') || person.roles.includes('finance') || person.touchesEver >= 3;
    const who = main ? `your main contact ${person.name}` : `your contact ${describe(person)}`;
    const ownDomain = companyDomainOfEmail(person.email) ?? account.domains[0] ?? account.name;
    const since = lastHere ? monthInWords(lastHere, options.today) : undefined;
    const text = elsewhere
      ? `${who} has not written from ${ownDomain}${since ? ` since ${since}` : ''} and now writes from ${elsewhere.domain}`
      : `${who} has left ${account.name}${since ? ` (last in touch in ${since})` : ''}`;
    departures.push({
      email: person.email,
      name: person.name,
      ...(person.title ? { title: person.title } : {}),
      wasMainContact: main,
      ...(lastHere ? { lastSeenHere: lastHere } : {}),
      ...(elsewhere ? { newEmail: elsewhere.email, newDomain: elsewhere.domain } : {}),
      text,
      signal: { kind: 'champion-left', strength: main ? 0.9 : key_ ? 0.7 : 0.4, reason: text },
    });
  }
  return departures.sort((a, b) => b.signal.strength - a.signal.strength);
}

/** A known person now at a company you may not sell to yet: the opening, seen from their new address. */
export interface MovedContactLead {
  name: string;
  email: string;
  formerEmail: string;
  formerAccountId: string;
  formerAccountName: string;
  newDomain: string;
  newAccountId?: string;
  /** "Joe Park, formerly at Acme (a customer for 4 years), now at Bright Foods — no account yet" */
  title: string;
  reason: string;
  signal: Signal;
}

export interface LeadOptions {
  today: string;
  /** Orders of the former account, to say how long it has been a customer. */
  orders?: readonly Order[];
  /** The new company's name as the page shows it (signature, CRM record); else the account's, else the domain. */
  companyName?: string;
}

/** "4 years", "8 months": how long the account has been buying, from its first order to today. */
export function customerFor(orders: readonly Order[], accountId: string, today: string): string | undefined {
  let first: string | undefined;
  for (const o of orders) if (o.accountId === accountId && o.date <= today) first = earliest(first, o.date);
  if (!first) return undefined;
  const days = day(today) - day(first);
  const years = Math.floor(days / 365.25);
  if (years >= 1) return `${years} year${years === 1 ? '' : 's'}`;
  const months = Math.max(1, Math.round(days / 30.44));
  return `${months} month${months === 1 ? '' : 's'}`;
}

/**
 * The other side of a champion move: the address on screen belongs to someone known under the same full name at
 * another account. Undefined when nobody matches. `contacts` and `activity` are everything known (all accounts).
 */
export function contactMovedHere(
  email: string,
  contacts: readonly Contact[],
  activity: readonly Activity[],
  accounts: readonly Account[],
  options: LeadOptions,
): MovedContactLead | undefined {
  const address = normalizeEmail(email);
  const newDomain = address ? companyDomainOfEmail(address) : undefined;
  if (!address || !newDomain) return undefined;
  const onScreen = contacts.find((c) => normalizeEmail(c.email) === address);
  const name = onScreen?.name || nameFromEmail(address);
  const key = personKey(name);
  if (!key.includes(' ')) return undefined;
  const accountByDomain = new Map<string, Account>();
  for (const a of accounts) for (const d of a.domains) accountByDomain.set(d.toLowerCase(), a);
  const accountById = new Map(accounts.map((a) => [a.id, a] as const));
  const newAccount = accountByDomain.get(newDomain);

  const formerContacts = contacts
    .filter((c) => normalizeEmail(c.email) !== address && c.name && personKey(c.name) === key)
    .map((c) => {
      const domain = companyDomainOfEmail(c.email);
      const account = (c.accountId ? accountById.get(c.accountId) : undefined) ?? (domain ? accountByDomain.get(domain) : undefined);
      return { contact: c, account, domain };
    })
    .filter((f): f is typeof f & { account: Account } => !!f.account && f.domain !== newDomain && f.account.id !== newAccount?.id);
  const formerFromActivity = formerContacts.length
    ? []
    : [...(sightingsByName(contacts, activity).get(key)?.values() ?? [])]
        .filter((s) => s.domain !== newDomain && accountByDomain.has(s.domain))
        .map((s) => ({ contact: undefined, account: accountByDomain.get(s.domain)!, domain: s.domain, email: s.email }));
  const former =
    formerContacts.map((f) => ({ account: f.account, email: f.contact.email.toLowerCase() }))[0] ??
    formerFromActivity.map((f) => ({ account: f.account, email: f.email }))[0];
  if (!former) return undefined;

  const tenure = options.orders ? customerFor(options.orders, former.account.id, options.today) : undefined;
  const company = newAccount?.name ?? options.companyName ?? newDomain;
  const title = `${name}, formerly at ${former.account.name}${tenure ? ` (a customer for ${tenure})` : ''}, now at ${company}${newAccount ? '' : ' — no account yet'}`;
  const reason = `${name} knows what working with you is like from ${former.account.name}: an opening for a first meeting at ${company}.`;
  return {
    name,
    email: address,
    formerEmail: former.email,
    formerAccountId: former.account.id,
    formerAccountName: former.account.name,
    newDomain,
    ...(newAccount ? { newAccountId: newAccount.id } : {}),
    title,
    reason,
    signal: { kind: 'contact-moved-here', strength: newAccount ? 0.6 : 0.8, reason: title },
  };
}

/**
 * Champion moves over the whole data set, both sides: each account's departures, and a lead for each new
 * address a departed person now writes from.
 */
export function championMoves(
  accounts: readonly Account[],
  contacts: readonly Contact[],
  activity: readonly Activity[],
  options: LeadOptions,
): { departures: Array<ChampionDeparture & { accountId: string }>; leads: MovedContactLead[] } {
  // Group records by account once, so that the whole book costs one pass rather than one pass per account.
  const accountOfDomain = new Map<string, string>();
  for (const a of accounts) for (const d of a.domains) accountOfDomain.set(d.toLowerCase(), a.id);
  const accountOf = (email: string, accountId: string | undefined) => accountId ?? accountOfDomain.get(companyDomainOfEmail(email) ?? '');
  const contactsBy = new Map<string, Contact[]>();
  const activityBy = new Map<string, Activity[]>();
  const push = <T>(map: Map<string, T[]>, key: string | undefined, item: T) => {
    if (key === undefined) return;
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const c of contacts) push(contactsBy, accountOf(c.email, c.accountId), c);
  for (const a of activity) push(activityBy, accountOf(a.email, a.accountId), a);
  const byName = sightingsByName(contacts, activity);
  const departures = accounts.flatMap((account) => {
    const people = peopleAt(account, contactsBy.get(account.id) ?? [], activityBy.get(account.id) ?? [], { today: options.today });
    return departuresOf(account, people, byName, { today: options.today }).map((d) => ({ ...d, accountId: account.id }));
  });
  const leads = departures.flatMap((d) => {
    if (!d.newEmail) return [];
    const lead = contactMovedHere(d.newEmail, contacts, activity, accounts, { today: options.today, ...(options.orders ? { orders: options.orders } : {}) });
    return lead ? [lead] : [];
  });
  return { departures, leads };
}
