// Who the rep knows at an account, what part each person plays in buying, and who is missing: the economic buyer,
// finance, the technical evaluator, the day-to-day user, and whether everything runs through one person.
// Pure: every function takes the records and a `today`; nothing here reads a clock, storage or the page.
import type { Account, Activity, Contact } from '../../model/records';
import { toDayNumber } from '../../model/days';
import { classifyTitle, seniorityRank } from '../titles/classify';
import { accountDomains, belongsTo, emailKey, nameFromEmail } from './identity';
import { buyingRolesOf, CHECKED_ROLES } from './roles';
import type { CoverageGap, Newcomer, PeopleFacts, PeopleOptions, Person, PersonRef } from './types';

/**
 * Whole calendar days from `from` to `to` (yyyy-mm-dd, a time is ignored). The hot path over every activity of a
 * book, so it uses the integer day numbers of risk/dates.ts rather than date-fns's Date objects.
 */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

const latest = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : a > b ? a : b);

export const refOf = (p: PersonRef): PersonRef => ({ email: p.email, name: p.name, ...(p.title ? { title: p.title } : {}) });

/** The people at the account, with their roles and how much they were in touch. */
export function peopleAt(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: PeopleOptions): Person[] {
  const domains = accountDomains(account);
  const period = options.periodDays ?? 365;
  const byEmail = new Map<string, Person>();
  const add = (email: string, contact?: Contact): Person => {
    let person = byEmail.get(email);
    if (!person) {
      const cls = classifyTitle(contact?.title ?? '');
      person = {
        email,
        // A buyer only an invoice knows carries its address as its name: shown as a name read from the address.
        name: contact?.name && contact.name !== contact.email ? contact.name : nameFromEmail(email),
        ...(contact?.title ? { title: contact.title } : {}),
        cls,
        roles: buyingRolesOf(cls),
        left: contact?.status === 'left',
        inCrm: Boolean(contact),
        ...(contact?.lastActivity ? { lastTouch: contact.lastActivity } : {}),
        ...(contact?.createdAt ? { firstSeen: contact.createdAt } : {}),
        touchesInPeriod: 0,
        emailsInPeriod: 0,
        touchesEver: 0,
        ordersInPeriod: 0,
      };
      byEmail.set(email, person);
    }
    return person;
  };
  for (const contact of contacts) {
    const email = emailKey(contact.email);
    if (belongsTo(account, domains, email, contact.accountId)) add(email, contact);
  }
  for (const touch of activity) {
    const email = emailKey(touch.email);
    const known = byEmail.get(email);
    if (!known && !belongsTo(account, domains, email, touch.accountId)) continue;
    const person = known ?? add(email);
    if (!person.firstSeen || touch.date < person.firstSeen) {
      person.firstSeen = touch.date;
      if (touch.seenAs) person.firstSeenAs = touch.seenAs;
      else delete person.firstSeenAs;
    }
    // Seen in cc of a remembered message (lib/insights/people/touches.ts): dated, not a touch of theirs.
    if (touch.seenAs === 'cc') continue;
    person.lastTouch = latest(person.lastTouch, touch.date);
    person.touchesEver++;
    const age = daysBetween(touch.date, options.today);
    if (age < period && touch.date <= options.today) {
      person.touchesInPeriod++;
      if (touch.kind === 'email-in' || touch.kind === 'email-out') person.emailsInPeriod++;
    }
  }
  // Invoices that name a buyer: the person who orders (an address only an invoice knows is a person at the account too).
  for (const order of options.orders ?? []) {
    if (!order.buyer) continue;
    const email = emailKey(order.buyer);
    const person = byEmail.get(email) ?? (belongsTo(account, domains, email) ? add(email) : undefined);
    if (person && daysBetween(order.date, options.today) < period && order.date <= options.today) person.ordersInPeriod++;
  }
  return [...byEmail.values()];
}

/**
 * The contact who orders or writes most this period (emails, calls, meetings and invoice lines that name the buyer),
 * not the first one imported; by CRM last-activity date when nobody wrote or ordered.
 */
export function mainContactOf(people: readonly Person[], options: PeopleOptions): Person | undefined {
  const active = people.filter((p) => !p.left);
  const weight = (p: Person) => p.touchesInPeriod + p.ordersInPeriod;
  const touched = active.filter((p) => weight(p) > 0);
  if (touched.length) {
    return touched.reduce((best, p) => (weight(p) > weight(best) || (weight(p) === weight(best) && (p.lastTouch ?? '') > (best.lastTouch ?? '')) ? p : best));
  }
  const period = options.periodDays ?? 365;
  const recent = active.filter((p) => p.lastTouch && daysBetween(p.lastTouch, options.today) < period);
  return recent.length ? recent.reduce((best, p) => ((p.lastTouch ?? '') > (best.lastTouch ?? '') ? p : best)) : undefined;
}

function roleGaps(people: readonly Person[], options: PeopleOptions): CoverageGap[] {
  const staleAfter = options.staleAfterDays ?? 365;
  const active = people.filter((p) => !p.left);
  const gaps: CoverageGap[] = [];
  for (const role of CHECKED_ROLES) {
    const holders = active.filter((p) => p.roles.includes(role));
    if (!holders.length) {
      gaps.push({ kind: 'no-one', role });
      continue;
    }
    const best = holders.reduce((a, b) => ((b.lastTouch ?? '') > (a.lastTouch ?? '') ? b : a));
    if (!best.lastTouch) {
      gaps.push({ kind: 'never-contacted', role, person: refOf(best) });
      continue;
    }
    const age = daysBetween(best.lastTouch, options.today);
    if (age > staleAfter) gaps.push({ kind: 'stale', role, person: refOf(best), lastTouch: best.lastTouch, daysSinceTouch: age });
  }
  return gaps;
}

function threadGaps(people: readonly Person[], main: Person | undefined): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const active = people.filter((p) => !p.left);
  if (active.length && !active.some((p) => seniorityRank(p.cls.seniority) >= seniorityRank('director'))) gaps.push({ kind: 'no-senior-contact' });
  // Meetings and calls count as threads too: an account whose buyer gets the emails but whose GM you meet is fine.
  const total = people.reduce((sum, p) => sum + p.touchesInPeriod, 0);
  const emails = people.reduce((sum, p) => sum + p.emailsInPeriod, 0);
  const top = people.reduce<Person | undefined>((best, p) => (!best || p.touchesInPeriod > best.touchesInPeriod ? p : best), undefined);
  if (top && total >= 5 && top.touchesInPeriod / total >= 0.85) {
    gaps.push({
      kind: 'single-threaded',
      person: refOf(top),
      touches: top.touchesInPeriod,
      total,
      channels: total === emails ? 'emails' : 'all',
      share: top.touchesInPeriod / total,
      basis: 'activity',
    });
  } else if (active.length === 1) {
    // One known contact: single-threaded from the CRM's data alone; the activity log only adds evidence.
    const only = active[0]!;
    gaps.push({ kind: 'single-threaded', person: refOf(only), touches: only.touchesInPeriod, total, channels: total === emails ? 'emails' : 'all', share: 1, basis: 'one-contact' });
  }
  if (!main && active.length) gaps.push({ kind: 'no-regular-contact' });
  return gaps;
}

function newcomersAmong(people: readonly Person[], options: PeopleOptions): Newcomer[] {
  const window = options.newContactDays ?? 30;
  return people.flatMap((p) => {
    if (p.left || !p.firstSeen) return [];
    const daysAgo = daysBetween(p.firstSeen, options.today);
    if (daysAgo < 0 || daysAgo > window) return [];
    return [{ ...refOf(p), firstSeen: p.firstSeen, daysAgo, economicBuyer: p.roles.includes('economic-buyer'), inCrm: p.inCrm, ...(p.firstSeenAs ? { seenAs: p.firstSeenAs } : {}) }];
  });
}

/**
 * The people facts of one account. `contacts` and `activity` may hold other accounts' records too; only this
 * account's are used.
 */
export function peopleFacts(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: PeopleOptions): PeopleFacts {
  const people = peopleAt(account, contacts, activity, options);
  const main = mainContactOf(people, options);
  const order = (p: Person) => (p.left ? 1 : 0);
  const sorted = [...people].sort(
    (a, b) => order(a) - order(b) || b.touchesInPeriod - a.touchesInPeriod || (b.lastTouch ?? '').localeCompare(a.lastTouch ?? ''),
  );
  return {
    people: sorted,
    ...(main ? { mainContact: main.email } : {}),
    gaps: [...threadGaps(people, main), ...roleGaps(people, options)],
    newcomers: newcomersAmong(people, options),
  };
}
