// The sidebar's use case: load what is known about the page's account, ask the insights for facts, the playbooks
// for questions and lib/words for the sentences. No formulas and no text parsing here.
import { differenceInDays, parseISO } from 'date-fns';
import type { Db } from '../db/schema';
import type { PageContext } from '../model/page';
import type { TeamPolicy } from '../model/playbook';
import type { AccountInsight, SidebarState, SuggestedQuestion } from '../model/insight';
import type { Account, Contact, Touch } from '../model/records';
import { firstNameOf } from '../model/identity';
import { hasAnyData, loadAccountBundle, getMeta, type AccountBundle } from '../db/repo';
import { indexedDbLookup } from '../db/lookup';
import { matchAccount, resolveNames, type NamesOnPage } from '../db/match';
import { hasOrders, ordersOfAccount } from '../db/orders';
import { peopleFacts } from '../insights/people/people';
import { mergeActivities } from '../insights/people/touches';
import { touchesOfAccount } from '../db/touches';
import { captureView } from './capture';
import { customerSince } from '../insights/people/moves';
import type { ChampionDeparture, MovedContactLead } from '../insights/people/types';
import { expansionGaps, peerComparison, type PeerProfile } from '../insights/expansion';
import { topProduct } from '../insights/products';
import { detectEmailSignals, discoveryQuestions, effectivePlaybooks, extractCompetitor, type EffectivePlaybook } from '../playbooks';
import { expansionSignals, leadSignals, peopleSignals, riskSignals, strongestPerKind } from '../playbooks/signals';
import { inSentence } from '../words/format';
import { headlineFor } from '../words/headline';
import { opportunityView, peerComparisonNote } from '../words/opportunities';
import { leadCompany, leadReason, leadTitle, peopleView } from '../words/people';
import { worded } from '../words/signals';
import { matchReason, namesWithoutAddress, notACustomer } from '../words/sidebar';
import { loadLocalPlaybooks } from './playbookStore';
import { loadSettings } from './settings';
import type { Settings } from '../model/settings';
import { riskWords } from '../words/risk';

export interface SidebarOptions {
  chosenAccountId?: string;
  policy?: TeamPolicy;
  /** ISO date-time: the clock is read by the caller (the background entry point), never in lib. */
  now: string;
}

/** What one sidebar build reads once: the time and the playbooks after team policy. */
interface Build {
  now: string;
  today: string;
  playbooks: () => Promise<EffectivePlaybook[]>;
  settings: () => Promise<Settings>;
}

function buildContext(db: Db, options: { now: string; policy?: TeamPolicy }): Build {
  let playbooks: Promise<EffectivePlaybook[]> | undefined;
  let settings: Promise<Settings> | undefined;
  return {
    settings: () => (settings ??= loadSettings(db)),
    now: options.now,
    today: options.now.slice(0, 10),
    // Playbooks and policy are loaded once per sidebar build, and only when a question is asked for.
    playbooks: () => (playbooks ??= loadLocalPlaybooks(db).then((local) => effectivePlaybooks(local, options.policy))),
  };
}

/** Everything the sidebar shows for the page on screen, computed from local data only. */
export async function buildSidebarState(db: Db, page: PageContext, options: SidebarOptions): Promise<SidebarState> {
  if (!(await hasAnyData(db))) return { status: 'no-data' };
  const build = buildContext(db, options);
  const hasSomeone = page.people.length > 0 || page.record || page.companyDomain || page.companyName;
  if (!options.chosenAccountId && (page.site === 'unknown' || !hasSomeone || page.view === 'list' || page.view === 'other')) {
    const named = page.namedOnly?.length ? namesWithoutAddress(page.namedOnly.map((p) => p.name)) : undefined;
    return { status: 'unrecognized', reason: page.reason ?? named ?? notACustomer(page.view) };
  }
  const lookup = indexedDbLookup(db);
  let account: Account | undefined;
  let contact: Contact | undefined;
  let matchedBy = matchReason('chosen');
  let moved: MovedContactLead | undefined;
  let names: NamesOnPage | undefined;
  if (options.chosenAccountId) account = await lookup.accountById(options.chosenAccountId);
  if (account && page.namedOnly?.length) names = await resolveNames(page.namedOnly, account.id, lookup);
  if (!account) {
    const match = await matchAccount(page, lookup, { today: build.today });
    if (match.kind === 'choose') {
      return { status: 'choose', candidates: match.candidates.map((c) => ({ id: c.account.id, name: c.account.name, reason: matchReason(c.evidence) })) };
    }
    if (match.kind === 'none') {
      const lead = (await storedLeadFor(db, page)) ?? (match.moved && (await withTenure(db, match.moved, build.today)));
      const namesNote = namesWithoutAddress((await resolveNames(page.namedOnly, undefined, lookup)).unresolved);
      return lead ? leadState(page, lead, build) : { status: 'no-match', people: peopleOnPage(page), questions: [], ...(namesNote ? { namesNote } : {}) };
    }
    ({ account, contact, moved, names } = match);
    matchedBy = matchReason(match.evidence);
  }
  // Names the account's contacts explain join the people on the page, with their addresses.
  if (names?.resolved.length) page = { ...page, people: [...page.people, ...names.resolved] };
  // A known person writing from a company that is not a customer (no orders): the opening, not an account view.
  // Read at once, each in its own transaction: the account's records, and its remembered messages (read once: they
  // feed the people insight and the capture line's counts).
  const [lead, bundle, touches] = await Promise.all([storedLeadFor(db, page), loadAccountBundle(db, account.id), touchesOfAccount(db, account.id)]);
  if (lead && !options.chosenAccountId && lead.newAccountId === account.id && !(await hasOrders(db, account.id))) {
    return leadState(page, lead, build);
  }
  if (!bundle) return { status: 'unrecognized', reason: 'That account was deleted.' };
  const contactOnPage = contact ?? bundle.contacts.find((c) => page.people.some((p) => p.email === c.email));
  const [insight, capture] = await Promise.all([
    withTenureOf(db, moved, build.today).then((movedHere) => accountInsight(db, bundle, build, { page, contact: contactOnPage, matchedBy, moved: movedHere, touches })),
    captureView(db, page, options.policy, { id: bundle.account.id, name: bundle.account.name, touches }),
  ]);
  const namesNote = names && namesWithoutAddress(names.unresolved);
  return { status: 'account', insight: namesNote ? { ...insight, namesNote } : insight, ...(capture ? { capture } : {}) };
}

async function accountInsight(
  db: Db,
  bundle: AccountBundle,
  build: Build,
  context: { page?: PageContext; contact?: Contact; matchedBy: string; moved?: MovedContactLead; touches?: readonly Touch[] },
): Promise<AccountInsight> {
  const { account } = bundle;
  const { today } = build;
  // Independent reads, started together (each its own transaction); the playbooks are read for the questions below.
  const playbooks = build.playbooks();
  playbooks.catch(() => undefined); // awaited below, where a failure is reported; never an unhandled rejection
  const [profile, touches, departures, { staleAfterDays }] = await Promise.all([
    scoredMeta<PeerProfile>(db, 'peerProfile'),
    context.touches ?? touchesOfAccount(db, account.id),
    storedDepartures(db, account.id),
    build.settings(),
  ]);
  // Imported activity and the conversations remembered on this computer, each email counted once (issue 16).
  const activities = mergeActivities(bundle.activities, touches);
  const facts = peopleFacts(account, bundle.contacts, activities, { today, orders: bundle.orders });
  const gaps = profile ? expansionGaps(account.id, profile).slice(0, 3) : [];
  const risk = bundle.score;
  const drafts = [...riskSignals(risk), ...peopleSignals(facts, departures), ...expansionSignals(gaps), ...(context.moved ? leadSignals(context.moved) : [])];
  const reasonContext = { accountName: account.name, today, staleAfterDays, ...(context.page?.companyName ? { pageCompanyName: context.page.companyName } : {}) };
  const fromEmail = context.page?.bodyText || context.page?.subject ? detectEmailSignals(context.page.bodyText ?? '', context.page.subject) : [];
  const signals = strongestPerKind(worded([...drafts, ...fromEmail], reasonContext));
  const people = peopleView(facts, departures, account, today);
  const opportunities = gaps.map(opportunityView);
  const opportunitiesNote = profile ? peerComparisonNote(peerComparison(account.id, profile)) : undefined;
  const lastOrder = risk?.daysSinceLastOrder;
  const product = topProduct(bundle.orders, today);
  const questions = discoveryQuestions({
    signals,
    vars: {
      firstName: context.contact?.firstName ?? (context.contact ? firstNameOf(context.contact.name) : undefined),
      company: account.name,
      product: product && inSentence(product),
      gapProduct: gaps[0] && inSentence(gaps[0].product),
      competitor: context.page?.bodyText ? extractCompetitor(context.page.bodyText) : undefined,
      weeksSinceLastOrder: lastOrder !== undefined ? String(Math.round(lastOrder / 7)) : undefined,
    },
    playbooks: await playbooks,
    history: bundle.history,
    now: build.now,
  });
  return {
    account: { id: account.id, name: account.name, domain: account.domains[0], industry: account.industry },
    matchedBy: context.matchedBy,
    contact: context.contact ? { email: context.contact.email, name: context.contact.name, title: context.contact.title } : undefined,
    headline: headlineFor({ risk, departures, ...(context.moved ? { movedHere: context.moved } : {}), people, opportunities, accountName: account.name, today, staleAfterDays }),
    risk,
    ...(risk ? { riskText: riskWords(risk, { today, staleAfterDays }) } : {}),
    people,
    opportunities,
    ...(opportunitiesNote ? { opportunitiesNote } : {}),
    signals,
    questions,
    asked: [...bundle.history]
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt))
      .slice(0, 5)
      .map((h) => ({ text: h.text, site: h.site, daysAgo: Math.max(0, differenceInDays(parseISO(build.now), parseISO(h.askedAt))) })),
  };
}

const peopleOnPage = (page: PageContext) => page.people.filter((p) => p.role !== 'mentioned').map((p) => ({ email: p.email, name: p.name }));

const withTenureOf = async (db: Db, lead: MovedContactLead | undefined, today: string) => (lead ? withTenure(db, lead, today) : undefined);

/** A lead seen live by the matcher, with how long its former account has been a customer. */
async function withTenure(db: Db, lead: MovedContactLead, today: string): Promise<MovedContactLead> {
  if (lead.formerCustomerSince) return lead;
  const since = customerSince(await ordersOfAccount(db, lead.formerAccountId), lead.formerAccountId, today);
  return since ? { ...lead, formerCustomerSince: since } : lead;
}

async function leadState(page: PageContext, lead: MovedContactLead, build: Build): Promise<SidebarState> {
  const questions = discoveryQuestions({
    signals: worded(leadSignals(lead), { accountName: lead.formerAccountName, today: build.today, ...(page.companyName ? { pageCompanyName: page.companyName } : {}) }),
    vars: { firstName: firstNameOf(lead.name), company: leadCompany(lead, page.companyName) },
    playbooks: await build.playbooks(),
    history: [],
    now: build.now,
  });
  return {
    status: 'no-match',
    people: peopleOnPage(page),
    lead: { title: leadTitle(lead, build.today, { pageCompanyName: page.companyName }), reason: leadReason(lead, page.companyName) },
    questions,
  };
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
  departures: ChampionDeparture[];
  leads: MovedContactLead[];
}

/** A person on the page who is known from another account under the same name (precomputed by rescoreAll). */
async function storedLeadFor(db: Db, page: PageContext): Promise<MovedContactLead | undefined> {
  const moves = await scoredMeta<StoredMoves>(db, 'championMoves');
  if (!moves?.leads?.length) return undefined;
  const speaking = page.people.filter((p) => p.role === 'from' || p.role === 'record' || p.role === 'to');
  return moves.leads.find((lead) => speaking.some((p) => p.email === lead.email));
}

async function storedDepartures(db: Db, accountId: string): Promise<ChampionDeparture[]> {
  const moves = await scoredMeta<StoredMoves>(db, 'championMoves');
  // A store written before the facts moved out of sentences has no ownDomain: skip it until the next scoring run.
  return moves?.departures?.filter((d) => d.accountId === accountId && typeof d.ownDomain === 'string') ?? [];
}

/** The questions a sample account would get (options page preview), without a page. */
export async function previewQuestionsForAccount(db: Db, accountId: string, now: string, policy?: TeamPolicy): Promise<SuggestedQuestion[]> {
  const bundle = await loadAccountBundle(db, accountId);
  if (!bundle) return [];
  const insight = await accountInsight(db, bundle, buildContext(db, { now, ...(policy ? { policy } : {}) }), { matchedBy: matchReason('preview') });
  return insight.questions;
}
