import type { Db } from '../db/schema';
import type { PageContext } from '../model/page';
import type { Signal, TeamPolicy } from '../model/playbook';
import type { AccountInsight, LapseRisk, Opportunity, PeopleInsight, SidebarState, SuggestedQuestion } from '../model/insight';
import type { Account, Contact } from '../model/records';
import { hasAnyData, loadAccountBundle, getMeta, type AccountBundle } from '../db/repo';
import { indexedDbLookup } from '../db/lookup';
import { hasOrders, ordersOfAccount } from '../db/orders';
import { matchAccount, type MovedContact } from '../sites';
import { customerFor, peopleInsightAndSignals, type ChampionDeparture, type MovedContactLead } from '../insights/coverage';
import { expansionGaps, type PeerProfile } from '../insights/expansion';
import { detectEmailSignals, discoveryQuestions, effectivePlaybooks, extractCompetitor } from '../playbooks';
import { loadLocalPlaybooks } from './playbookStore';
import { headlineFor, riskSignals, topProduct } from './headline';

export interface SidebarOptions {
  chosenAccountId?: string;
  policy?: TeamPolicy;
  /** ISO date-time: the clock is read by the caller (the background entry point), never in lib. */
  now: string;
}

const NOT_A_CUSTOMER: Record<PageContext['view'], string> = {
  list: 'This is a list of conversations or records. Open one to see its customer.',
  other: 'This page shows no customer.',
  thread: 'No email address was found in this conversation.',
  compose: 'Add a recipient to see who you are writing to.',
  record: 'This record shows no email address, company or known id.',
};

/** Everything the sidebar shows for the page on screen, computed from local data only. */
export async function buildSidebarState(db: Db, page: PageContext, options: SidebarOptions): Promise<SidebarState> {
  const { now } = options;
  if (!(await hasAnyData(db))) return { status: 'no-data' };
  const hasSomeone = page.people.length > 0 || page.record || page.companyDomain || page.companyName;
  if (!options.chosenAccountId && (page.site === 'unknown' || !hasSomeone || page.view === 'list' || page.view === 'other')) {
    return { status: 'unrecognized', reason: page.reason ?? NOT_A_CUSTOMER[page.view] };
  }
  const lookup = indexedDbLookup(db);
  let account: Account | undefined;
  let contact: Contact | undefined;
  let matchedBy = 'your choice';
  let moved: MovedContact | undefined;
  if (options.chosenAccountId) account = await lookup.accountById(options.chosenAccountId);
  if (!account) {
    const match = await matchAccount(page, lookup);
    if (match.kind === 'choose') {
      return { status: 'choose', candidates: match.candidates.map((c) => ({ id: c.account.id, name: c.account.name, reason: c.reason })) };
    }
    if (match.kind === 'none') return noMatch(db, page, match.moved, options, now);
    ({ account, contact, moved } = match);
    matchedBy = match.reason;
  }
  // A known person writing from a company that is not a customer (no orders): the opening, not an account view.
  const lead = await leadFor(db, page);
  if (lead && !options.chosenAccountId && lead.newAccountId === account.id && !(await hasOrders(db, account.id))) {
    return leadState(db, page, lead, options, now);
  }
  const bundle = await loadAccountBundle(db, account.id);
  if (!bundle) return { status: 'unrecognized', reason: 'That account was deleted.' };
  const contactOnPage = contact ?? bundle.contacts.find((c) => page.people.some((p) => p.email === c.email));
  const insight = await accountInsight(db, bundle, { page, contact: contactOnPage, matchedBy, moved, policy: options.policy, now });
  return { status: 'account', insight };
}

async function accountInsight(
  db: Db,
  bundle: AccountBundle,
  context: { page?: PageContext; contact?: Contact; matchedBy: string; moved?: MovedContact; policy?: TeamPolicy; now: string },
): Promise<AccountInsight> {
  const today = context.now.slice(0, 10);
  const { account } = bundle;
  const profile = await scoredMeta<PeerProfile>(db, 'peerProfile');
  // One pass over the account's people for both the insight and the question signals.
  const { insight: base, signals: peopleSignals } = peopleInsightAndSignals(account, bundle.contacts, bundle.activities, { today });
  const departures = await departuresOf(db, account.id);
  const people: PeopleInsight = { ...base, notes: [...departures.map((d) => d.text), ...base.notes] };
  const opportunities: Opportunity[] = profile ? expansionGaps(account.id, profile).slice(0, 3) : [];
  const risk: LapseRisk | undefined = bundle.score;
  const signals: Signal[] = [
    ...riskSignals(risk),
    ...peopleSignals,
    ...opportunities.slice(0, 1).map((o) => ({ kind: 'expansion-gap' as const, strength: Math.min(1, 0.4 + o.peerShare / 2), reason: `Opportunity: ${o.text}` })),
    ...(context.page?.bodyText || context.page?.subject ? detectEmailSignals(context.page.bodyText ?? '', context.page.subject) : []),
  ];
  for (const departure of departures) signals.push(departure.signal);
  if (context.moved) {
    signals.push({ kind: 'champion-left', strength: 0.9, reason: `${context.moved.name} now writes from ${context.moved.newDomain}` });
  }
  const questions = await questionsFor(db, bundle, signals, opportunities[0]?.product, context, today);
  return {
    account: { id: account.id, name: account.name, domain: account.domains[0], industry: account.industry },
    matchedBy: context.matchedBy,
    contact: context.contact ? { email: context.contact.email, name: context.contact.name, title: context.contact.title } : undefined,
    headline: headlineFor({ risk, people, opportunities, moved: context.moved }),
    risk,
    people,
    opportunities,
    signals,
    questions,
    asked: [...bundle.history]
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt))
      .slice(0, 5)
      .map((h) => ({ text: h.text, site: h.site, daysAgo: Math.max(0, Math.floor((Date.parse(context.now) - Date.parse(h.askedAt)) / 86_400_000)) })),
  };
}

async function questionsFor(
  db: Db,
  bundle: AccountBundle,
  signals: Signal[],
  gapProduct: string | undefined,
  context: { page?: PageContext; contact?: Contact; policy?: TeamPolicy; now: string },
  today: string,
): Promise<SuggestedQuestion[]> {
  const playbooks = effectivePlaybooks(await loadLocalPlaybooks(db), context.policy);
  const lastOrder = bundle.score?.daysSinceLastOrder;
  const firstName = context.contact?.firstName ?? context.contact?.name.split(/\s+/)[0];
  const competitor = context.page?.bodyText ? extractCompetitor(context.page.bodyText) : undefined;
  return discoveryQuestions({
    signals,
    vars: {
      firstName,
      company: bundle.account.name,
      product: inSentence(topProduct(bundle.orders, today)),
      gapProduct: inSentence(gapProduct),
      competitor,
      weeksSinceLastOrder: lastOrder !== undefined ? String(Math.round(lastOrder / 7)) : undefined,
    },
    playbooks,
    history: bundle.history,
    now: context.now,
  });
}

async function noMatch(db: Db, page: PageContext, moved: MovedContact | undefined, options: SidebarOptions, now: string): Promise<SidebarState> {
  const people = page.people.filter((p) => p.role !== 'mentioned').map((p) => ({ email: p.email, name: p.name }));
  const lead = await leadFor(db, page);
  if (lead) return leadState(db, page, lead, options, now);
  if (!moved) return { status: 'no-match', people, questions: [] };
  const since = moved.oldAccount ? await customerSince(db, moved.oldAccount.id, now) : undefined;
  const newCompany = page.companyName ?? moved.newDomain;
  const movedLead = {
    title: `${moved.name}, formerly at ${moved.oldAccount.name}${since ? ` (a customer for ${since})` : ''}, now at ${newCompany} — no account yet`,
    reason: `${moved.name} knows what working with you is like from ${moved.oldAccount.name}: an opening for a first meeting at ${newCompany}.`,
  };
  const playbooks = effectivePlaybooks(await loadLocalPlaybooks(db), options.policy);
  const questions = discoveryQuestions({
    signals: [{ kind: 'contact-moved-here', strength: 0.9, reason: `${moved.name} knows you from ${moved.oldAccount.name}` }],
    vars: { firstName: moved.name.split(/\s+/)[0], company: newCompany },
    playbooks,
    history: [],
    now,
  });
  return { status: 'no-match', people, lead: movedLead, questions };
}

async function customerSince(db: Db, accountId: string, now: string): Promise<string | undefined> {
  return customerFor(await ordersOfAccount(db, accountId), accountId, now.slice(0, 10));
}

/** "Strawberry flavouring" inside a sentence reads "strawberry flavouring"; acronyms ("MSG", "PET trays") stay. */
function inSentence(name: string | undefined): string | undefined {
  return name && /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

/**
 * The peer profile and champion moves are written by each scoring run and read on every page view; the profile is
 * megabytes on a large book. Keep the last copy read, valid while the scoring run that wrote it (scoredAt) is current.
 */
const scoredCache = new Map<string, { scoredAt: unknown; value: unknown }>();
async function scoredMeta<T>(db: Db, key: string): Promise<T | undefined> {
  const scoredAt = await getMeta<string>(db, 'scoredAt');
  const cacheKey = `${db.name}/${key}`;
  const cached = scoredCache.get(cacheKey);
  if (cached && scoredAt !== undefined && cached.scoredAt === scoredAt) return cached.value as T | undefined;
  const value = await getMeta<T>(db, key);
  scoredCache.set(cacheKey, { scoredAt, value });
  return value;
}

interface StoredMoves {
  departures: (ChampionDeparture & { accountId: string })[];
  leads: MovedContactLead[];
}

/** A person on the page who is known from another account under the same name (precomputed by rescoreAll). */
async function leadFor(db: Db, page: PageContext): Promise<MovedContactLead | undefined> {
  const moves = await scoredMeta<StoredMoves>(db, 'championMoves');
  if (!moves?.leads.length) return undefined;
  const speaking = page.people.filter((p) => p.role === 'from' || p.role === 'record' || p.role === 'to');
  return moves.leads.find((lead) => speaking.some((p) => p.email === lead.email));
}

async function leadState(db: Db, page: PageContext, lead: MovedContactLead, options: SidebarOptions, now: string): Promise<SidebarState> {
  const people = page.people.filter((p) => p.role !== 'mentioned').map((p) => ({ email: p.email, name: p.name }));
  const playbooks = effectivePlaybooks(await loadLocalPlaybooks(db), options.policy);
  const questions = discoveryQuestions({
    signals: [lead.signal],
    vars: { firstName: lead.name.split(/\s+/)[0], company: page.companyName ?? lead.title.split(' now at ')[1]?.replace(/ — no account yet$/, '') ?? lead.newDomain },
    playbooks,
    history: [],
    now,
  });
  // A company known only from a contact's address is not a customer yet: say so, as for an unknown company.
  const title = lead.newAccountId && !lead.title.endsWith('no account yet') ? `${lead.title} — not a customer yet` : lead.title;
  return { status: 'no-match', people, lead: { title, reason: lead.reason }, questions };
}

async function departuresOf(db: Db, accountId: string): Promise<ChampionDeparture[]> {
  const moves = await scoredMeta<StoredMoves>(db, 'championMoves');
  return moves?.departures.filter((d) => d.accountId === accountId) ?? [];
}

/** The questions a sample account would get (options page preview), without a page. */
export async function previewQuestionsForAccount(db: Db, accountId: string, now: string, policy?: TeamPolicy): Promise<SuggestedQuestion[]> {
  const bundle = await loadAccountBundle(db, accountId);
  if (!bundle) return [];
  const insight = await accountInsight(db, bundle, { matchedBy: 'preview', policy, now });
  return insight.questions;
}
