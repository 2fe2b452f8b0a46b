// Benchmark for the options page's account views (lib/service/accountViews.ts) over a large seeded book: grouping the
// records by account, the Single-threaded accounts list over every account, and one account's full view (which
// reads champion moves over the whole book). The database read (loadBook) is not timed here: it is one getAll per
// store, measured with the import benchmark's commit.
import { seededRandom } from '../../demo/random';
import { letters } from './linkingBook';
import type { LapseRisk } from '../../lib/model/insight';
import type { Account, Activity, Contact, Order } from '../../lib/model/records';
import { accountChoices, accountView, recordsByAccount, searchAccounts, singleThreadedAccounts, type Book } from '../../lib/service/accountViews';

const TODAY = '2026-11-23';
const TITLES = ['Managing Director', 'CFO', 'Head of Purchasing', 'Purchasing Coordinator', 'QA Manager', 'Operations Director', 'Senior Buyer', 'Production Planner', ''];
const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam'];
const LAST = ['Porter', 'Nakamura', 'Schmidt', 'Rossi', 'Dubois', 'Kowalski', 'Murphy', 'Jansen', 'Silva', 'Novak'];

function iso(daysBefore: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

/** `accounts` accounts with 5 contacts, 40 touches and 24 orders each; one in five hangs on one person. */
function generate(accounts: number): Book {
  const random = seededRandom(20261123);
  const book: Book = { accounts: [], contacts: [], activities: [], orders: [], scores: new Map() };
  for (let a = 0; a < accounts; a++) {
    const domain = `customer-${a}.example`;
    const account: Account = { id: domain, name: `Customer ${a} Ltd`, domains: [domain], crmIds: [], customerKeys: [], industry: 'Bakery', employees: random.int(10, 900), updatedAt: TODAY };
    book.accounts.push(account);
    const people: Contact[] = Array.from({ length: 5 }, (_, i) => {
      const name = `${random.pick(FIRST)} ${random.pick(LAST)}${letters(a * 5 + i)}`; // distinct people: one full name at two companies reads as a move
      const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@${domain}`;
      return { email, accountId: domain, name, title: random.pick(TITLES), crmIds: [], status: 'unknown', updatedAt: TODAY };
    });
    book.contacts.push(...people);
    const single = a % 5 === 0;
    for (let t = 0; t < 40; t++) {
      const person = single ? people[0]! : random.pick(people);
      book.activities.push({ id: `${domain}-t${t}`, accountId: domain, email: person.email, date: iso(random.int(0, 500)), kind: random.chance(0.5) ? 'email-in' : 'email-out' } satisfies Activity);
    }
    let annual = 0;
    for (let o = 0; o < 24; o++) {
      const amount = random.int(200, 5_000);
      const daysBefore = o * 30 + random.int(0, 10);
      if (daysBefore < 365) annual += amount;
      book.orders.push({ id: `${domain}-o${o}`, accountId: domain, date: iso(daysBefore), amount, currency: 'EUR' } satisfies Order);
    }
    const score: LapseRisk = { accountId: domain, level: 'low', horizonDays: 90, asOf: TODAY, orderCount: 24, thinEvidence: false, model: 'bench', scoredAt: TODAY, annualValue: annual, valueAtRisk: annual * random.next() * 0.3, currency: 'EUR' };
    book.scores.set(domain, score);
  }
  // One champion move, so that the timed account view takes the slow path: customer-42's first contact writes
  // from customer-43 today.
  const mover = book.contacts.find((c) => c.accountId === 'customer-42.example')!;
  book.activities.push({ id: 'moved', email: mover.email.replace('customer-42', 'customer-43'), date: TODAY, kind: 'email-in' });
  return book;
}

function best(runs: number, work: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return Math.round(fastest * 10) / 10;
}

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const book = generate(5_000);
  const grouped = recordsByAccount(book);
  let listed = 0;
  const list = best(3, () => (listed = singleThreadedAccounts(book, { today: TODAY }, grouped).length));
  const choices = accountChoices(book);
  const moved = accountView(book, 'customer-42.example', { today: TODAY }, grouped)!;
  const arrivedAt43 = accountView(book, 'customer-43.example', { today: TODAY }, grouped)!.arrivals.length;
  return [
    { name: 'account views: group 25k contacts + 200k touches by account', value: best(3, () => recordsByAccount(book)), unit: 'ms', target: '< 300 ms' },
    { name: `account views: single-threaded list over 5,000 accounts (${listed} found)`, value: list, unit: 'ms', target: '< 1500 ms' },
    { name: 'account views: first account opened (builds the name index)', value: best(3, () => accountView({ ...book }, 'customer-41.example', { today: TODAY }, grouped)), unit: 'ms', target: '< 500 ms' },
    { name: 'account views: next account, no move', value: best(3, () => accountView(book, 'customer-41.example', { today: TODAY }, grouped)), unit: 'ms', target: '< 50 ms' },
    { name: `account views: next account, with a champion move (${moved.departures.length} departure, ${arrivedAt43} arrival seen)`, value: best(3, () => accountView(book, 'customer-42.example', { today: TODAY }, grouped)), unit: 'ms', target: '< 500 ms' },
    { name: 'account views: picker search over 5,000 accounts', value: best(5, () => searchAccounts(choices, 'customer 42')), unit: 'ms', target: '< 16 ms' },
  ];
}
