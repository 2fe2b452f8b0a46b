// The options page's "Link customers" view: the orders no page can show yet (accounts an order log made that no CRM
// record, domain or contact reaches), biggest value first, so that the rep links those first; and the accounts that may
// be one customer but were not joined because the match was ambiguous (lib/import/link.ts offers them).
import type { Account, AccountLink, Contact, Order } from '../model/records';
import { resolveAccounts, type LinkOffer } from '../import/link';
import type { LinkReason } from '../words/links';
import { addDays, formatISO, parseISO } from 'date-fns';

export interface UnplacedRow {
  accountId: string;
  name: string;
  /** Customer numbers the orders were booked under. */
  customerKeys: string[];
  orders: number;
  /** Order value in the last 12 months, or over all time when nothing in the last 12 months. */
  value: number;
  valueSpan: 'year' | 'all';
  currency?: string;
  lastOrder: string;
}

export interface OfferRow extends LinkOffer {
  names: string[];
  /** Why the accounts are offered, as data for lib/words/links.ts linkOfferReason. */
  reason: LinkReason;
}

/**
 * Accounts with orders that no page can reach: no domain, no CRM id, no contact and no buyer address. Ordered by the
 * value at stake, biggest first.
 */
export function unplacedOrders(book: { accounts: readonly Account[]; contacts: readonly Contact[]; orders: readonly Order[] }, today: string): UnplacedRow[] {
  const reached = new Set(book.contacts.map((c) => c.accountId).filter((id): id is string => !!id));
  const candidates = new Map(book.accounts.filter((a) => !a.domains.length && !a.crmIds.length && !(a.emails ?? []).length && !reached.has(a.id)).map((a) => [a.id, a]));
  const yearAgo = formatISO(addDays(parseISO(today), -365), { representation: 'date' });
  const rows = new Map<string, UnplacedRow & { all: number }>();
  for (const order of book.orders) {
    const account = candidates.get(order.accountId);
    if (!account) continue;
    let row = rows.get(account.id);
    if (!row) rows.set(account.id, (row = { accountId: account.id, name: account.name, customerKeys: account.customerKeys ?? [], orders: 0, value: 0, valueSpan: 'year', all: 0, lastOrder: order.date }));
    row.orders++;
    row.all += order.amount;
    if (order.date > yearAgo) row.value += order.amount;
    if (order.date > row.lastOrder) row.lastOrder = order.date;
    if (order.currency) row.currency ??= order.currency;
  }
  return [...rows.values()]
    .map(({ all, ...row }) => (row.value === 0 && all !== 0 ? { ...row, value: all, valueSpan: 'all' as const } : row))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** An offer's identity: its kind, key and accounts. A "not the same customer" answer is remembered under it. */
export const offerId = (offer: Pick<LinkOffer, 'kind' | 'key' | 'accountIds'>): string => `${offer.kind}|${offer.key}|${[...offer.accountIds].sort().join('|')}`;

/**
 * The ambiguous matches the linking left to the user, with the accounts' names, but the ones the user said are not
 * the same customer (`dismissed` offer ids): an answer stays given until the accounts or the key change.
 */
export function linkOffers(book: { accounts: readonly Account[]; contacts: readonly Contact[] }, links: readonly AccountLink[], dismissed: ReadonlySet<string> = new Set()): OfferRow[] {
  const names = new Map(book.accounts.map((a) => [a.id, a.name]));
  return resolveAccounts(book.accounts, book.contacts, links)
    .offers.filter((o) => !dismissed.has(offerId(o)))
    .map((o) => ({ ...o, names: o.accountIds.map((id) => names.get(id) ?? id), reason: o.shared ? { kind: 'shared-key' as const, key: o.shared } : { kind: 'same-name' as const, name: o.key } }));
}
