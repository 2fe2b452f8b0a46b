// The options page's account views, assembled from local data: one account's people by buying role, what is
// missing and why, champion moves, expansion gaps and its lapse risk; and the team view of every account whose
// relationship hangs on one person, ranked by the value at stake. The database is read once (loadBook); everything
// after that is a pure function of the records and a `today`, so the same code runs in tests and benchmarks.
import type { Db } from '../db/schema';
import { fromStoredAccount, fromStoredContact, getMeta } from '../db/repo';
import { allOrders } from '../db/orders';
import { allAccounts } from '../db/accounts';
import { touchesIn } from '../db/touches';
import type { Account, Activity, Contact, Order } from '../model/records';
import { mergeActivities } from '../insights/people/touches';
import type { BuyingRole, LapseRisk, Opportunity } from '../model/insight';
import { foldForSearch, searchWords } from '../model/identity';
import { groupByAccount, type AccountRecords } from '../insights/people/identity';
import { daysBetween, peopleFacts } from '../insights/people/people';
import type { CoverageGap } from '../insights/people/types';
import { expansionGaps, peerComparison, shareOfWallet, type PeerProfile, type ShareOfWallet } from '../insights/expansion';
import { ageInWords } from '../words/format';
import { opportunityView, peerComparisonNote, walletText } from '../words/opportunities';
import { gapRole, gapText, gapWhy, peopleView, threadReason } from '../words/people';
import { movesAt, type DepartureRow, type ArrivalRow } from './accountMoves';

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
  const tx = db.transaction(['accounts', 'accountStubBuckets', 'contacts', 'activities', 'orderBuckets', 'scores', 'touchBuckets']);
  const [accounts, contacts, imported, orders, scores, touches] = await Promise.all([
    allAccounts(tx),
    tx.objectStore('contacts').getAll(),
    tx.objectStore('activities').getAll(),
    allOrders(tx),
    tx.objectStore('scores').getAll(),
    touchesIn(tx.objectStore('touchBuckets')),
  ]);
  // Imported activity and the conversations remembered on this computer, each email counted once (issue 16).
  const activities = mergeActivities(imported, touches);
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

/** Contacts and activity grouped by account once (the one membership rule of lib/insights/people/identity.ts). */
export function recordsByAccount(book: Pick<Book, 'accounts' | 'contacts' | 'activities'>): Map<string, AccountRecords> {
  return groupByAccount(book.accounts, book.contacts, book.activities);
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
  const words = searchWords(query);
  if (!words.length) return [...choices];
  return choices.filter((c) => {
    const text = foldForSearch(`${c.name} ${c.domain ?? ''} ${c.industry ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}


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

export interface GapRow {
  kind: CoverageGap['kind'];
  text: string;
  why: string;
}

export interface AccountView {
  account: Account;
  groups: RoleGroup[];
  /** Contacts no buying role could be read from (no title, or a title outside buying). */
  otherPeople: PersonRow[];
  /** Everything missing in the coverage, each with why it matters (single-threading first). */
  gaps: GapRow[];
  notes: string[];
  /** Key contacts who left this account, and known people who now write from this account's domain. */
  departures: DepartureRow[];
  arrivals: ArrivalRow[];
  opportunities: Opportunity[];
  /** Why there are no opportunities: too few similar accounts to compare with. */
  opportunitiesNote?: string;
  wallet?: ShareOfWallet & { text: string };
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
  const facts = peopleFacts(account, contacts, activities, { today, orders: book.orders.filter((o) => o.accountId === accountId) });
  const { departures, arrivals, departureFacts } = movesAt(book, account, grouped, facts.people.map((p) => p.email), today);
  const people = peopleView(facts, departureFacts, account, today);
  const movedTo = new Map(departureFacts.map((d) => [d.email, d.newDomain ?? 'left'] as const));
  const rows: PersonRow[] = people.contacts.map(({ left: _, ...p }) => ({
    ...p,
    ...(p.lastTouch ? { lastTouchWords: ageInWords(Math.max(0, daysBetween(p.lastTouch, today))) } : {}),
    ...(movedTo.has(p.email) ? { moved: movedTo.get(p.email)! } : {}),
  }));
  const gapRows = facts.gaps.map((g) => ({ gap: g, row: { kind: g.kind, text: gapText(g), why: gapWhy(g, account.name) } }));
  const groups = ROLE_GROUPS.map(({ role, label, hint }) => {
    const gap = gapRows.find(({ gap: g }) => gapRole(g) === role && g.kind !== 'single-threaded')?.row;
    return { role, label, hint, people: rows.filter((p) => p.roles.includes(role)), ...(gap ? { gap: { text: gap.text, why: gap.why } } : {}) };
  });
  const profile = book.profile;
  const risk = book.scores.get(accountId);
  const wallet = profile ? shareOfWallet(accountId, profile) : undefined;
  const note = profile ? peerComparisonNote(peerComparison(accountId, profile)) : undefined;
  return {
    account,
    groups,
    otherPeople: rows.filter((p) => p.roles.length === 0),
    gaps: gapRows.map((g) => g.row).sort((a, b) => Number(b.kind === 'single-threaded') - Number(a.kind === 'single-threaded')),
    notes: people.notes,
    departures,
    arrivals,
    opportunities: profile ? expansionGaps(accountId, profile).map(opportunityView) : [],
    ...(note ? { opportunitiesNote: note } : {}),
    ...(wallet ? { wallet: { ...wallet, text: walletText(wallet) } } : {}),
    ...(risk ? { risk } : {}),
    noProfile: !profile,
  };
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
    if (!records?.contacts.length && !records?.activities.length) continue;
    const { gaps } = peopleFacts(account, records.contacts, records.activities, { today: options.today });
    const thread = gaps.find((g): g is Extract<CoverageGap, { kind: 'single-threaded' }> => g.kind === 'single-threaded');
    if (!thread) continue;
    const score = book.scores.get(account.id);
    rows.push({
      accountId: account.id,
      name: account.name,
      ...(account.domains[0] ? { domain: account.domains[0] } : {}),
      person: thread.person,
      reason: threadReason(thread),
      why: gapWhy(thread, account.name),
      touches: thread.touches,
      total: thread.total,
      ...(score?.annualValue !== undefined ? { annualValue: score.annualValue } : {}),
      ...(score?.valueAtRisk !== undefined ? { valueAtRisk: score.valueAtRisk } : {}),
      ...(score?.currency ? { currency: score.currency } : {}),
      ...(score ? { level: score.level } : {}),
      alsoMissing: gaps.filter((g) => g !== thread && (g.kind === 'no-one' || g.kind === 'no-senior-contact')).map(gapText),
    });
  }
  const value = (r: SingleThreadedRow) => (options.sort === 'value-at-risk' ? r.valueAtRisk : r.annualValue) ?? -1;
  return rows.sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name));
}
