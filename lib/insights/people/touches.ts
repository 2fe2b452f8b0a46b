// The relationship map that keeps itself (issue 16): from the messages of an open conversation, the touches worth
// remembering — who wrote to whom and when at a known customer — and, from remembered touches, the activity the people
// insight reads. Pure: the caller looks the page's addresses up and passes what it knows.
import type { MessageOnPage, PageContext } from '../../model/page';
import type { Activity, Touch, TouchAddress } from '../../model/records';
import type { RememberedCount } from '../../model/insight';
import { domainOfEmail, isFreeMailDomain, normalizeEmail } from '../../model/identity';

/** What the book knows about one address of the page. */
export interface KnownAddress {
  /** The address is a contact of the CRM data. */
  contact: boolean;
  /** Its account, by the contact's account or the address's company domain. */
  accountId?: string;
}

export interface TouchOptions {
  /** The rep's own company's further domains (the signed-in address's domain always counts). */
  ownDomains?: readonly string[];
  /** Lookup of every address on the page (normalized): absent means unknown. */
  known: ReadonlyMap<string, KnownAddress>;
  /** Keep the subject (off unless the rep turns it on). */
  keepSubject?: boolean;
  /** Keep conversations with companies the book does not know yet. */
  rememberNewCompanies?: boolean;
}

/**
 * Senders that are machines or mailings, by the local part of the address. Common no-reply and list mailbox names as
 * mailing systems use them (RFC 2142 reserves "postmaster", "abuse"; "noreply"/"no-reply"/"donotreply" and
 * "mailer-daemon" are the usual automated senders).
 */
const MACHINE_SENDER = /^(no[-._]?reply|do[-._]?not[-._]?reply|mailer[-._]?daemon|postmaster|bounces?|newsletters?|news|notifications?|notify|alerts?|marketing|mailer|updates?|digest|automated|auto[-._]?confirm)([-+._].*)?$/i;

export function isMachineAddress(email: string): boolean {
  return MACHINE_SENDER.test(email.split('@')[0] ?? '');
}

const ownDomainsOf = (signedIn: string | undefined, listed: readonly string[]): Set<string> => {
  const own = new Set(listed.map((domain) => domain.toLowerCase().replace(/^@/, '')));
  const mine = signedIn && domainOfEmail(signedIn);
  if (mine && !isFreeMailDomain(mine)) own.add(mine);
  return own;
};

interface Reading {
  message: MessageOnPage;
  from: TouchAddress;
  to: TouchAddress[];
  cc: TouchAddress[];
  direction: 'in' | 'out';
  accountId?: string;
}

/**
 * The touches of a recognized conversation: one per message with an id and a date, sent by the rep or to the rep, with
 * only the addresses worth keeping. Empty unless some message involves a known account or contact (or the rep keeps
 * new companies too).
 */
export function touchesOf(context: PageContext, options: TouchOptions): Touch[] {
  if (context.site !== 'gmail' && context.site !== 'outlook') return [];
  const me = normalizeEmail(context.signedIn);
  const own = ownDomainsOf(me, options.ownDomains ?? []);
  const keep = (email: string): boolean => {
    const domain = domainOfEmail(email);
    if (!domain || email === me || own.has(domain) || isMachineAddress(email)) return false;
    return !isFreeMailDomain(domain) || Boolean(options.known.get(email)?.contact);
  };
  const address = (email: string, name?: string): TouchAddress => (name ? { email, name } : { email });
  const readings: Reading[] = [];
  for (const message of context.messages ?? []) {
    if (!message.sentAt || Number.isNaN(Date.parse(message.sentAt))) continue;
    const sender = message.people.find((person) => person.role === 'from');
    const from = normalizeEmail(sender?.email);
    if (!sender || !from || isMachineAddress(from)) continue;
    const direction = from === me ? 'out' : keep(from) ? 'in' : undefined;
    // A colleague's message is not the rep's touch; without the signed-in address, only customers' messages count.
    if (!direction) continue;
    const to: TouchAddress[] = [];
    const cc: TouchAddress[] = [];
    for (const person of message.people) {
      const email = normalizeEmail(person.email);
      if (!email || person.role === 'from' || person.role === 'bcc' || !keep(email)) continue;
      const list = person.role === 'cc' ? cc : person.role === 'to' ? to : undefined;
      if (list && !list.some((kept) => kept.email === email)) list.push(address(email, person.name));
    }
    if (direction === 'out' && !to.length && !cc.length) continue;
    const external = direction === 'in' ? [from, ...to.map((a) => a.email), ...cc.map((a) => a.email)] : [...to, ...cc].map((a) => a.email);
    const accountId = external.map((email) => options.known.get(email)?.accountId).find(Boolean);
    readings.push({ message, from: address(from, sender.name), to, cc, direction, ...(accountId ? { accountId } : {}) });
  }
  if (!options.rememberNewCompanies && !readings.some((reading) => reading.accountId)) return [];
  const thread = context.threadId ? `${context.site}:${context.threadId}` : undefined;
  return readings.map(({ message, from, to, cc, direction, accountId }) => ({
    id: `${context.site}:${message.id}`,
    site: context.site as 'gmail' | 'outlook',
    messageId: message.id,
    ...(thread ? { thread } : {}),
    at: message.sentAt!,
    date: message.sentAt!.slice(0, 10),
    ...(accountId ? { accountId } : {}),
    direction,
    from,
    to,
    cc,
    ...(options.keepSubject && context.subject ? { subject: context.subject } : {}),
  }));
}

/** Every address of a conversation's messages, normalized: what the caller looks up before `touchesOf`. */
export function addressesOf(context: PageContext): string[] {
  const found = new Set<string>();
  for (const message of context.messages ?? []) for (const person of message.people) {
    const email = normalizeEmail(person.email);
    if (email) found.add(email);
  }
  return [...found];
}

/**
 * The activity a touch stands for. The rep's message counts for each person it was sent to and dates the people in
 * cc; a customer's message counts for its sender and dates the others on it.
 */
export function activitiesOfTouch(touch: Touch): Activity[] {
  const out: Activity[] = [];
  // Plain object literals (no spreads): rescoring turns every remembered message of the book into activity.
  const one = (email: string, kind: Activity['kind'], seenAs: 'from' | 'to' | 'cc'): Activity =>
    touch.accountId === undefined ? { id: touch.id, email, kind, seenAs, date: touch.date } : { id: touch.id, email, kind, seenAs, date: touch.date, accountId: touch.accountId };
  if (touch.direction === 'out') {
    for (const a of touch.to) out.push(one(a.email, 'email-out', 'to'));
    for (const a of touch.cc) out.push(one(a.email, 'email-out', 'cc'));
    return out;
  }
  out.push(one(touch.from.email, 'email-in', 'from'));
  for (const a of touch.to) out.push(one(a.email, 'email-in', 'cc'));
  for (const a of touch.cc) out.push(one(a.email, 'email-in', 'cc'));
  return out;
}

/**
 * Imported activity and remembered touches as one list, without counting one email twice: a touch whose person, day
 * and direction an imported record already has is left out (the import is the record of the same email).
 */
export function mergeActivities(imported: readonly Activity[], touches: readonly Touch[]): Activity[] {
  if (!touches.length) return imported as Activity[];
  const key = (a: Activity) => `${a.email.toLowerCase()}|${a.date}|${a.kind}`;
  const seen = imported.length ? new Set(imported.map(key)) : undefined;
  const merged = [...imported];
  for (const touch of touches) {
    for (const activity of activitiesOfTouch(touch)) if (!seen || activity.seenAs === 'cc' || !seen.has(key(activity))) merged.push(activity);
  }
  return merged;
}

/** Conversations (by thread; a message without one is its own) and messages of remembered touches. */
export function rememberedOf(touches: readonly Pick<Touch, 'id' | 'thread'>[]): RememberedCount {
  return { conversations: new Set(touches.map((touch) => touch.thread ?? touch.id)).size, messages: touches.length };
}

/** The first day (yyyy-mm-dd) the retention limit keeps: `months` before `today` (the day clamped to the month's end). */
export function retentionCutoff(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Touches older than the retention limit (months before `today`) go. */
export function withinRetention<T extends { date: string }>(touches: readonly T[], today: string, months: number): T[] {
  const cutoff = retentionCutoff(today, months);
  return touches.filter((touch) => touch.date >= cutoff);
}
