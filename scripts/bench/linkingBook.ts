// The book the linking benchmarks link (scripts/bench/linking.ts in Node, scripts/bench/linking-browser.ts in Chromium):
// 5,000 CRM accounts with a domain, a CRM id and the ERP's customer number as account number; 5,000 order-log stubs
// that know the same customers by customer number only; 20,000 contacts; 1,000,000 order lines. `onStubs` of the
// customers have their orders on their stub (not yet linked), the others on their CRM account: 5,000 is the worst
// case, where linking moves every order; 100 is an ERP log with a hundred new customer numbers.
import type { Account, Contact, Order } from '../../lib/model/records';

export const ACCOUNTS = 5_000;

/** Letters for a number (0 → "a", 27 → "bb"): names read from addresses drop digits, so people get names of their own. */
export const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
export const ORDERS = 1_000_000;
const NOW = '2026-11-23T10:00:00.000Z';

export function linkingBook(orderCount = ORDERS, onStubs = ACCOUNTS) {
  const accounts: Account[] = [];
  const stubs: Account[] = [];
  const contacts: Contact[] = [];
  const orders: Order[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const domain = `customer-${a}.example`;
    const number = String(100_000 + a);
    accounts.push({ id: domain, name: `Customer ${a} GmbH`, domains: [domain], crmIds: [{ crm: 'salesforce', recordId: `001${a}` }], customerKeys: [number], industry: 'Bakery', updatedAt: NOW });
    stubs.push({ id: `customer:${number}`, name: `Customer ${number}`, domains: [], crmIds: [], customerKeys: [number], updatedAt: NOW });
    for (let c = 0; c < 4; c++) contacts.push({ email: `person${c}@${domain}`, accountId: domain, name: `Person ${c}`, crmIds: [], status: 'unknown', updatedAt: NOW });
  }
  for (let o = 0; o < orderCount; o++) {
    const a = o % ACCOUNTS;
    const number = String(100_000 + a);
    orders.push({ id: `o${o}`, accountId: a < onStubs ? `customer:${number}` : `customer-${a}.example`, key: `customer:${number}`, date: `2025-${String(1 + (o % 12)).padStart(2, '0')}-${String(1 + (o % 28)).padStart(2, '0')}`, amount: 100 + (o % 900), currency: 'EUR' });
  }
  return { accounts, stubs, contacts, orders };
}
