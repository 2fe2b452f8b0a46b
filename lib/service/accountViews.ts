// The options page's account views, assembled from local data: one account's people by buying role, what is
// missing and why, champion moves, expansion gaps and its lapse risk; and the team view of every account whose
// relationship hangs on one person, ranked by the value at stake. The database is read once (loadBook); everything
// after that is a pure function of the records and a `today`, so the same code runs in tests and benchmarks.
import type { Db } from '../db/schema';
import { fromStoredAccount, fromStoredContact, getMeta } from '../db/repo';
import { allOrders } from '../db/orders';
import { allAccounts } from '../db/accounts';
import type { Account, Activity, Contact, Order } from '../model/records';
import type { BuyingRole, LapseRisk, Opportunity } from '../model/insight';
import { companyDomainOfEmail, normalizeEmail } from '../model/identity';
import {
  accountPeople,
  ageInWords,
  championDepartures,
  contactMovedHere,
  nameFromEmail,
  personKey,
  missingDecisionMakers,
  type ChampionDeparture,
  type CoverageGap,
  type MovedContactLead,
} from '../insights/coverage';
import { expansionGaps, shareOfWallet, type PeerProfile, type ShareOfWallet } from '../insights/expansion';
import { toDayNumber } from '../insights/risk/dates';

/** Everything the account views read, loaded in one read-only transaction. */
export interface Book {
  accounts: Account[];
  contacts: Contact[];
  activities: Activity[];
  orders: Order[];
  scores: Map<string, LapseRisk>;
  profile?: PeerProfile;
}

export async function loadBook(db: Db): Promise<Book> {
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'activities', 'orderBuckets', 'scores']);
  const [accounts, contacts, activities, orders, scores] = await Promise.all([
    allAccounts(tx),
    tx.objectStore('contacts').getAll(),
    tx.objectStore('activities').getAll(),
    allOrders(tx),
    tx.objectStore('scores').getAll(),
  ]);
  const profile = await getMeta<PeerProfile>(db, 'peerProfile');
  return {
    accounts: accounts.map(fromStoredAccount).sort((a, b) => a.name.localeCompare(b.name)),
    contacts: contacts.map(fromStoredContact),
    activities,
    orders,
    scores: new Map(scores.map((s) => [s.accountId, s])),
    ...(profile ? { profile } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Records per account

interface AccountRecords {
  contacts: Contact[];
  activities: Activity[];
}

/**
 * Contacts and activity grouped by account once, with the same rule the coverage insight uses to say who belongs
 * to an account (its id when the record has one, else the company domain of the address), so that the whole book
 * costs one pass rather than one pass per account.
 */
export function recordsByAccount(book: Pick<Book, 'accounts' | 'contacts' | 'activities'>): Map<string, AccountRecords> {
  const accountOfDomain = new Map<string, string>();
  for (const a of book.accounts) for (const d of a.domains) accountOfDomain.set(d.toLowerCase(), a.id);
  const byAccount = new Map<string, AccountRecords>();
  const slot = (email: string, accountId: string | undefined) => {
    const id = accountId ?? accountOfDomain.get(companyDomainOfEmail(email) ?? '');
    if (id === undefined) return undefined;
    let records = byAccount.get(id);
    if (!records) byAccount.set(id, (records = { contacts: [], activities: [] }));
    return records;
  };
  for (const c of book.contacts) slot(c.email, c.accountId)?.contacts.push(c);
  for (const a of book.activities) slot(a.email, a.accountId)?.activities.push(a);
  return byAccount;
}

// ---------------------------------------------------------------------------------------------------------------
// The account picker

export interface AccountChoice {
  id: string;
  name: string;
  domain?: string;
  industry?: string;
  level?: LapseRisk['level'];
  annualValue?: number;
  currency?: string;
}

/** Every account for the picker, most valuable first (then by name). */
export function accountChoices(book: Pick<Book, 'accounts' | 'scores'>): AccountChoice[] {
  return book.accounts
    .map((a) => {
      const score = book.scores.get(a.id);
      return {
        id: a.id,
        name: a.name,
        ...(a.domains[0] ? { domain: a.domains[0] } : {}),
        ...(a.industry ? { industry: a.industry } : {}),
        ...(score ? { level: score.level } : {}),
        ...(score?.annualValue !== undefined ? { annualValue: score.annualValue } : {}),
        ...(score?.currency ? { currency: score.currency } : {}),
      };
    })
    .sort((a, b) => (b.annualValue ?? -1) - (a.annualValue ?? -1) || a.name.localeCompare(b.name));
}

/** Accounts whose name, domain or industry contains every word of the query (case and accents ignored). */
export function searchAccounts(choices: readonly AccountChoice[], query: string): AccountChoice[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...choices];
  return choices.filter((c) => {
    const text = fold(`${c.name} ${c.domain ?? ''} ${c.industry ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// ---------------------------------------------------------------------------------------------------------------
// One account

/** The order the role groups are shown in, with their heading in the user's words. */
export const ROLE_GROUPS: ReadonlyArray<{ role: BuyingRole; label: string; hint: string }> = [
  { role: 'economic-buyer', label: 'Economic buyer', hint: 'owner, GM, CFO: approves budgets and a change of supplier' },
  { role: 'finance', label: 'Finance / procurement', hint: 'price, payment terms, supplier consolidation' },
  { role: 'technical', label: 'Technical evaluator', hint: 'R&D, quality, engineering: approves specifications' },
  { role: 'user', label: 'User / operations', hint: 'places the orders and uses the products every day' },
  { role: 'champion', label: 'Champion', hint: 'your main contact: the person you talk to most this year' },
];

export interface PersonRow {
  email: string;
  name: string;
  title?: string;
  roles: BuyingRole[];
  lastTouch?: string;
  /** "3 weeks ago"; undefined when never touched. */
  lastTouchWords?: string;
  /** Left the account: the domain they now write from, or "left" when the CRM says so. */
  moved?: string;
}

export interface RoleGroup {
  role: BuyingRole;
  label: string;
  hint: string;
  people: PersonRow[];
  /** Why nobody (or nobody current) holds the role, when coverage says so. */
  gap?: { text: string; why: string };
}

export interface AccountView {
  account: Account;
  groups: RoleGroup[];
  /** Contacts no buying role could be read from (no title, or a title outside buying). */
  otherPeople: PersonRow[];
  /** Everything missing in the coverage, each with why it matters (single-threading first). */
  gaps: Array<Omit<CoverageGap, 'signal'>>;
  notes: string[];
  /** Key contacts who left this account, and known people who now write from this account's domain. */
  departures: ChampionDeparture[];
  arrivals: MovedContactLead[];
  opportunities: Opportunity[];
  wallet?: ShareOfWallet;
  risk?: LapseRisk;
  /** Set when there is no peer profile yet (no orders imported or not scored yet). */
  noProfile: boolean;
}

export interface ViewOptions {
  /** yyyy-mm-dd */
  today: string;
}

/** One account as the Accounts view shows it; undefined when the id is unknown. */
export function accountView(book: Book, accountId: string, options: ViewOptions, grouped = recordsByAccount(book)): AccountView | undefined {
  const account = book.accounts.find((a) => a.id === accountId);
  if (!account) return undefined;
  const { contacts, activities } = grouped.get(accountId) ?? { contacts: [], activities: [] };
  const { today } = options;
  const people = accountPeople(account, contacts, activities, { today });
  const gaps = missingDecisionMakers(account, contacts, activities, { today }).map(({ signal: _, ...gap }) => gap);
  const { departures, arrivals } = movesAt(book, account, grouped, people.contacts.map((p) => p.email), today);
  const movedTo = new Map(departures.map((d) => [d.email, d.newDomain ?? 'left'] as const));
  const rows: PersonRow[] = people.contacts.map((p) => ({
    ...p,
    ...(p.lastTouch ? { lastTouchWords: ageInWords(Math.max(0, toDayNumber(today) - toDayNumber(p.lastTouch))) } : {}),
    ...(movedTo.has(p.email) ? { moved: movedTo.get(p.email)! } : {}),
  }));
  const groups = ROLE_GROUPS.map(({ role, label, hint }) => {
    const gap = gaps.find((g) => g.role === role && g.kind !== 'single-threaded');
    return { role, label, hint, people: rows.filter((p) => p.roles.includes(role)), ...(gap ? { gap: { text: gap.text, why: gap.why } } : {}) };
  });
  const profile = book.profile;
  const risk = book.scores.get(accountId);
  return {
    account,
    groups,
    otherPeople: rows.filter((p) => p.roles.length === 0),
    gaps: [...gaps].sort((a, b) => Number(b.kind === 'single-threaded') - Number(a.kind === 'single-threaded')),
    notes: people.notes,
    departures,
    arrivals,
    opportunities: profile ? expansionGaps(accountId, profile) : [],
    ...(profile ? { wallet: shareOfWallet(accountId, profile) } : {}),
    ...(risk ? { risk } : {}),
    noProfile: !profile,
  };
}

interface NameIndex {
  keyOfEmail: Map<string, string>;
  /** personKey(full name) → every company domain an address under that name was seen at. */
  domainsByName: Map<string, Set<string>>;
  /** personKey(full name) → the records under that name, whatever the account. */
  recordsByName: Map<string, AccountRecords>;
}
const nameIndexes = new WeakMap<Book, NameIndex>();

/**
 * Who could have moved, by the naming rule of the champion-move insight (a contact's name, else the address's):
 * built once per book, so that opening an account runs that insight's scans over the few records that matter.
 */
function nameIndex(book: Book): NameIndex {
  const cached = nameIndexes.get(book);
  if (cached) return cached;
  const keyOfEmail = new Map<string, string>();
  for (const c of book.contacts) {
    const email = normalizeEmail(c.email);
    if (email && c.name) keyOfEmail.set(email, personKey(c.name));
  }
  const domainsByName = new Map<string, Set<string>>();
  const recordsByName = new Map<string, AccountRecords>();
  const see = (raw: string): AccountRecords | undefined => {
    const email = normalizeEmail(raw);
    if (!email) return undefined;
    let key = keyOfEmail.get(email);
    if (key === undefined) keyOfEmail.set(email, (key = personKey(nameFromEmail(email))));
    if (!key.includes(' ')) return undefined; // one word is not enough to call two people the same (as the insight says)
    const domain = companyDomainOfEmail(email);
    if (domain) {
      const domains = domainsByName.get(key);
      if (domains) domains.add(domain);
      else domainsByName.set(key, new Set([domain]));
    }
    let records = recordsByName.get(key);
    if (!records) recordsByName.set(key, (records = { contacts: [], activities: [] }));
    return records;
  };
  for (const c of book.contacts) see(c.email)?.contacts.push(c);
  for (const a of book.activities) see(a.email)?.activities.push(a);
  const index = { keyOfEmail, domainsByName, recordsByName };
  nameIndexes.set(book, index);
  return index;
}

/** The name key of an address when the same name was also seen at a company outside `domains`. */
function movedName(index: NameIndex, email: string, domains: readonly string[]): string | undefined {
  const key = index.keyOfEmail.get(email);
  if (!key) return undefined;
  for (const domain of index.domainsByName.get(key) ?? []) if (!domains.includes(domain)) return key;
  return undefined;
}

/** An account's own records plus everything written under the given names: all a champion-move check reads. */
function withNames(index: NameIndex, own: AccountRecords | undefined, keys: Iterable<string>): AccountRecords {
  const contacts = new Set(own?.contacts);
  const activities = new Set(own?.activities);
  for (const key of keys) {
    for (const c of index.recordsByName.get(key)?.contacts ?? []) contacts.add(c);
    for (const a of index.recordsByName.get(key)?.activities ?? []) activities.add(a);
  }
  return { contacts: [...contacts], activities: [...activities] };
}

interface Moves {
  departures: ChampionDeparture[];
  arrivals: MovedContactLead[];
}

/**
 * Key contacts who left the account, and known people who now write from its domain after leaving another
 * customer (kept only when the former account's own view sees the departure).
 */
function movesAt(book: Book, account: Account, grouped: Map<string, AccountRecords>, emails: readonly string[], today: string): Moves {
  const index = nameIndex(book);
  const own = grouped.get(account.id);
  const keys = new Map<string, string>();
  for (const email of emails) {
    const key = movedName(index, email, account.domains);
    if (key) keys.set(email, key);
  }
  if (!keys.size && !own?.contacts.some((c) => c.status === 'left')) return { departures: [], arrivals: [] };
  const related = withNames(index, own, keys.values());
  const departures = championDepartures(account, related.contacts, related.activities, { today });
  const arrivals: MovedContactLead[] = [];
  for (const [email, key] of keys) {
    const lead = contactMovedHere(email, related.contacts, related.activities, book.accounts, { today, orders: book.orders });
    if (!lead || lead.formerAccountId === account.id) continue;
    const former = book.accounts.find((a) => a.id === lead.formerAccountId);
    const formerRecords = former ? withNames(index, grouped.get(former.id), [key]) : undefined;
    if (former && formerRecords && championDepartures(former, formerRecords.contacts, formerRecords.activities, { today }).some((d) => d.newEmail === lead.email)) {
      arrivals.push(lead);
    }
  }
  return { departures, arrivals };
}

// ---------------------------------------------------------------------------------------------------------------
// Single-threaded accounts (the team view)

export interface SingleThreadedRow {
  accountId: string;
  name: string;
  domain?: string;
  person: { email: string; name: string; title?: string };
  /** "31 of 31 emails this year went to Liam Porter" */
  reason: string;
  /** Why it matters, in words. */
  why: string;
  touches?: number;
  total?: number;
  annualValue?: number;
  valueAtRisk?: number;
  currency?: string;
  level?: LapseRisk['level'];
  /** Also missing: "no economic buyer (owner / GM / CFO)", ... */
  alsoMissing: string[];
}

export type SingleThreadedSort = 'annual-value' | 'value-at-risk';

// The coverage insight words the single-threaded gap as
// "single-threaded: 31 of 31 emails this year went to one person (Liam Porter, Purchasing Coordinator)".
const THREAD_COUNTS = /(\d+) of (\d+) (emails, calls and meetings|emails) this year/;

/**
 * Every account whose relationship hangs on one person, with the reason ("31 of 31 emails this year went to Liam
 * Porter"), ranked by annual value (or by value at risk) from the stored lapse-risk score; unscored accounts last.
 */
export function singleThreadedAccounts(
  book: Book,
  options: ViewOptions & { sort?: SingleThreadedSort },
  grouped = recordsByAccount(book),
): SingleThreadedRow[] {
  const rows: SingleThreadedRow[] = [];
  for (const account of book.accounts) {
    const records = grouped.get(account.id);
    if (!records?.activities.length) continue; // single-threading is read from activity
    const gaps = missingDecisionMakers(account, records.contacts, records.activities, { today: options.today });
    const thread = gaps.find((g) => g.kind === 'single-threaded');
    if (!thread?.person) continue;
    const counts = THREAD_COUNTS.exec(thread.text);
    const score = book.scores.get(account.id);
    rows.push({
      accountId: account.id,
      name: account.name,
      ...(account.domains[0] ? { domain: account.domains[0] } : {}),
      person: thread.person,
      reason: counts ? `${counts[1]} of ${counts[2]} ${counts[3]} this year went to ${thread.person.name}` : thread.text,
      why: thread.why,
      ...(counts ? { touches: Number(counts[1]), total: Number(counts[2]) } : {}),
      ...(score?.annualValue !== undefined ? { annualValue: score.annualValue } : {}),
      ...(score?.valueAtRisk !== undefined ? { valueAtRisk: score.valueAtRisk } : {}),
      ...(score?.currency ? { currency: score.currency } : {}),
      ...(score ? { level: score.level } : {}),
      alsoMissing: gaps.filter((g) => g !== thread && (g.kind === 'no-one' || g.kind === 'no-senior-contact')).map((g) => g.text),
    });
  }
  const value = (r: SingleThreadedRow) => (options.sort === 'value-at-risk' ? r.valueAtRisk : r.annualValue) ?? -1;
  return rows.sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name));
}
