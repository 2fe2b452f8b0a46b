// The sentences of the people insight: coverage gaps, why they matter, champion moves, newcomers.
import type { BuyingRole, PeopleInsight } from '../model/insight';
import type { CheckedRole } from '../insights/people/roles';
import type { ChampionDeparture, CoverageGap, MovedContactLead, Newcomer, PeopleFacts } from '../insights/people/types';
import { ageInWords, count, describePerson, monthInWords, tenureInWords } from './format';
import { isolate } from './visible';

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

const ROLE_WHY: Record<CheckedRole, (company: string) => string> = {
  'economic-buyer': (company) =>
    `Nobody you know at ${company} can approve a budget or a change of supplier; the people you talk to can say yes to an order, not to a review.`,
  finance: () => 'Finance weighs price, payment terms and supplier consolidation; a supplier review can start there without you hearing of it.',
  technical: () => 'R&D and quality approve ingredients and specifications: they decide whether another supplier’s product can replace yours.',
  user: () => 'The people who use your products every day notice problems, and alternatives, first.',
};

/** The gap in a line: "finance: last touch 14 months ago (Mark Ellison, Finance Director)". */
export function gapText(gap: CoverageGap): string {
  switch (gap.kind) {
    case 'no-one':
      return NOBODY[gap.role];
    case 'never-contacted':
      return `${ROLE_WORDS[gap.role]}: never contacted (${describePerson(gap.person)})`;
    case 'stale':
      return `${ROLE_WORDS[gap.role]}: last touch ${ageInWords(gap.daysSinceTouch)} (${describePerson(gap.person)})`;
    case 'no-senior-contact':
      return 'no contact above manager level';
    case 'single-threaded':
      return gap.basis === 'one-contact'
        ? `single-threaded: the only contact you know there is ${describePerson(gap.person)}`
        : `single-threaded: ${threadCount(gap)} this year went to one person (${describePerson(gap.person)})`;
    case 'no-regular-contact':
      return 'no regular contact: nobody was emailed or met this year';
  }
}

/** "31 of 31 emails", "12 of 13 emails, calls and meetings". */
export function threadCount(gap: Extract<CoverageGap, { kind: 'single-threaded' }>): string {
  return `${gap.touches} of ${gap.total} ${gap.channels === 'emails' ? 'emails' : 'emails, calls and meetings'}`;
}

/** Why an account is in the single-threaded list: "31 of 31 emails this year went to Liam Porter". */
export function threadReason(gap: Extract<CoverageGap, { kind: 'single-threaded' }>): string {
  return gap.basis === 'one-contact' ? `${gap.person.name} is the only contact you know` : `${threadCount(gap)} this year went to ${gap.person.name}`;
}

/** Why the gap matters, for the account named `accountName`. */
export function gapWhy(gap: CoverageGap, accountName: string): string {
  const company = isolate(accountName);
  switch (gap.kind) {
    case 'no-one':
    case 'never-contacted':
    case 'stale':
      return ROLE_WHY[gap.role](company);
    case 'no-senior-contact':
      return `Everyone you know at ${company} carries out decisions rather than makes them.`;
    case 'single-threaded':
      return `If ${isolate(gap.person.name)} leaves, is away or simply prefers another supplier, nobody else at ${company} knows you.`;
    case 'no-regular-contact':
      return `Without a regular contact you hear about problems at ${company} after the orders stop.`;
  }
}

/** The role a gap is about, for the role groups of the account view (single-threading is about the champion). */
export function gapRole(gap: CoverageGap): BuyingRole | undefined {
  if (gap.kind === 'no-one' || gap.kind === 'never-contacted' || gap.kind === 'stale') return gap.role;
  if (gap.kind === 'single-threaded' || gap.kind === 'no-regular-contact') return 'champion';
  return undefined;
}

/** "your main contact Joe Park has not written from acme.com since March and now writes from brightfoods.com" */
export function departureText(d: ChampionDeparture, accountName: string, today: string): string {
  const who = d.wasMainContact ? `your main contact ${isolate(d.name)}` : `your contact ${describePerson(d)}`;
  const since = d.lastSeenHere ? monthInWords(d.lastSeenHere, today) : undefined;
  return d.newDomain
    ? `${who} has not written from ${d.ownDomain}${since ? ` since ${since}` : ''} and now writes from ${d.newDomain}`
    : `${who} has left ${isolate(accountName)}${since ? ` (last in touch in ${since})` : ''}`;
}

/** The company a lead now works at, as the page or the data names it. */
export function leadCompany(lead: MovedContactLead, pageCompanyName?: string): string {
  return isolate(lead.newAccountName ?? pageCompanyName ?? lead.newDomain);
}

/** "Joe Park, formerly at Acme (a customer for 4 years), now at Bright Foods — no account yet" */
export function leadTitle(lead: MovedContactLead, today: string, options: { pageCompanyName?: string; withStatus?: boolean } = {}): string {
  const { pageCompanyName, withStatus = true } = options;
  const tenure = lead.formerCustomerSince ? ` (a customer for ${tenureInWords(lead.formerCustomerSince, today)})` : '';
  const status = !withStatus ? '' : lead.newAccountId ? ' — not a customer yet' : ' — no account yet';
  return `${isolate(lead.name)}, formerly at ${isolate(lead.formerAccountName)}${tenure}, now at ${leadCompany(lead, pageCompanyName)}${status}`;
}

export function leadReason(lead: MovedContactLead, pageCompanyName?: string): string {
  return `${isolate(lead.name)} knows what working with you is like from ${isolate(lead.formerAccountName)}: an opening for a first meeting at ${leadCompany(lead, pageCompanyName)}.`;
}

const SEEN_AS: Record<NonNullable<Newcomer['seenAs']>, string> = { from: 'as sender', to: 'as recipient', cc: 'in cc' };

/**
 * "new contact: Ana Lopez, first seen 3 days ago", or for someone only a conversation shows: "new at Northwind Foods:
 * Tom Baker (tom.baker@northwind-foods.com), first seen in cc today — not in your CRM".
 */
export function newcomerText(n: Newcomer, accountName?: string): string {
  const where = accountName && !n.inCrm ? `new at ${isolate(accountName)}` : 'new contact';
  const how = n.seenAs ? `${SEEN_AS[n.seenAs]} ` : '';
  if (n.inCrm) return `${where}: ${describePerson(n)}, first seen ${how}${ageInWords(n.daysAgo)}`;
  return `${where}: ${describePerson(n)} (${isolate(n.email)}), first seen ${how}${ageInWords(n.daysAgo)} — not in your CRM`;
}

/** The people section of the sidebar: people with roles, missing roles with why, notes (moves, threads, newcomers). */
export function peopleView(facts: PeopleFacts, departures: readonly ChampionDeparture[], account: { name: string }, today: string): PeopleInsight {
  const notes: string[] = departures.map((d) => departureText(d, account.name, today));
  if (!facts.people.length) notes.push(`no contacts at ${isolate(account.name)} in your data yet`);
  for (const g of facts.gaps) if (g.kind === 'single-threaded' || g.kind === 'no-senior-contact') notes.push(gapText(g));
  const main = facts.people.find((p) => p.email === facts.mainContact);
  if (main) {
    const done = [main.touchesInPeriod ? count(main.touchesInPeriod, 'touch', 'touches') : '', main.ordersInPeriod ? count(main.ordersInPeriod, 'order', 'orders') : ''].filter(Boolean);
    notes.push(`main contact: ${describePerson(main)}${done.length ? ` (${done.join(' and ')} this year)` : ''}`);
  }
  for (const n of facts.newcomers) notes.push(newcomerText(n, account.name));
  const missing = facts.gaps.flatMap((g) => {
    const role = gapRole(g);
    return role && g.kind !== 'single-threaded' ? [{ role, text: gapText(g), why: gapWhy(g, account.name) }] : [];
  });
  const contacts = facts.people.map((p) => ({
    email: p.email,
    name: p.name,
    ...(p.title ? { title: p.title } : {}),
    roles: p.email === facts.mainContact ? [...p.roles, 'champion' as const] : p.roles,
    ...(p.lastTouch ? { lastTouch: p.lastTouch } : {}),
    ...(p.left ? { left: true } : {}),
  }));
  return { contacts, missing, notes };
}
