// Small builders for the insight tests: records as the importers store them, with only what a test cares about.
import type { Account, Activity, Contact, Order } from '../../../lib/model/records';

export function account(id: string, name: string, extra: Partial<Account> = {}): Account {
  return { id, name, domains: [id], crmIds: [], customerKeys: [], updatedAt: '2025-01-01T00:00:00Z', ...extra };
}

export function contact(email: string, name: string, title: string | undefined, extra: Partial<Contact> = {}): Contact {
  const domain = email.split('@')[1];
  return { email, name, ...(title ? { title } : {}), accountId: domain, crmIds: [], status: 'active', updatedAt: '2025-01-01T00:00:00Z', ...extra };
}

let activityId = 0;
export function touches(email: string, dates: readonly string[], kind: Activity['kind'] = 'email-in', accountId?: string): Activity[] {
  return dates.map((date) => ({ id: `a${++activityId}`, email, date, kind, ...(accountId ? { accountId } : {}) }));
}

/** `count` dates stepping back from `last` by `everyDays`. */
export function datesBack(last: string, count: number, everyDays: number): string[] {
  const end = Date.parse(last);
  return Array.from({ length: count }, (_, i) => new Date(end - i * everyDays * 86_400_000).toISOString().slice(0, 10));
}

let orderId = 0;
export function order(accountId: string, date: string, amount: number, product?: string): Order {
  return { id: `o${++orderId}`, accountId, date, amount, ...(product ? { product } : {}) };
}
