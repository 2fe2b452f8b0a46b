// Benchmark for the account insights (lib/insights/people, expansion.ts): the peer profile over a large book,
// and the per-account work the sidebar does (people + expansion gaps). Seeded, so runs compare.
import { championMoves } from '../../lib/insights/people/moves';
import { peopleFacts as accountPeople } from '../../lib/insights/people/people';
import { classifyTitle } from '../../lib/insights/titles/classify';
import { expansionGaps, peerProfile, profileSlice, shareOfWallet } from '../../lib/insights/expansion';
import type { Account, Activity, Contact, Order } from '../../lib/model/records';
import { LABELLED_TITLES } from '../../tests/fixtures/titles/labelled';
import { random as prng } from '../../tests/support/random';


const INDUSTRIES = ['Bakery', 'Distributor', 'Dairy', 'Brewery', 'Confectioner', 'Restaurant', 'Food manufacturing', 'Retailer'];
const TITLES = LABELLED_TITLES.map(([title]) => title).filter(Boolean);

interface Book {
  accounts: Account[];
  contactsBy: Map<string, Contact[]>;
  activityBy: Map<string, Activity[]>;
  orders: Order[];
  contactCount: number;
  activityCount: number;
}

function generate(seed: number, accountCount: number, contactsPer: number, ordersPer: number, activityPer: number): Book {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const products = Array.from({ length: 80 }, (_, i) => `product ${i}`);
  const iso = (dayOffset: number) => new Date(Date.UTC(2025, 5, 20) - dayOffset * 86_400_000).toISOString().slice(0, 10);
  const accounts: Account[] = [];
  const contactsBy = new Map<string, Contact[]>();
  const activityBy = new Map<string, Activity[]>();
  const orders: Order[] = [];
  let activityCount = 0;
  for (let i = 0; i < accountCount; i++) {
    const id = `account${i}.example`;
    const industry = INDUSTRIES[int(0, INDUSTRIES.length - 1)]!;
    accounts.push({
      id,
      name: `Account ${i}`,
      domains: [id],
      crmIds: [],
      customerKeys: [],
      industry,
      employees: Math.round(Math.exp(random() * 8)),
      updatedAt: '2025-01-01T00:00:00Z',
    });
    const contacts: Contact[] = Array.from({ length: contactsPer }, (_, c) => ({
      email: `person${c}@${id}`,
      name: `Person ${i}-${c}`,
      title: TITLES[int(0, TITLES.length - 1)],
      accountId: id,
      crmIds: [],
      status: random() < 0.05 ? 'left' : 'active',
      ...(random() < 0.5 ? { lastActivity: iso(int(0, 900)) } : {}),
      updatedAt: '2025-01-01T00:00:00Z',
    }));
    contactsBy.set(id, contacts);
    const activity: Activity[] = Array.from({ length: activityPer }, (_, k) => ({
      id: `${id}-a${k}`,
      accountId: id,
      email: contacts[Math.min(contactsPer - 1, Math.floor(random() ** 3 * contactsPer))]!.email,
      date: iso(int(0, 720)),
      kind: random() < 0.5 ? 'email-in' : 'email-out',
    }));
    activityCount += activity.length;
    activityBy.set(id, activity);
    // Each industry favours its own products; each account buys a handful of them.
    const base = INDUSTRIES.indexOf(industry) * 8;
    const mine = Array.from({ length: int(2, 12) }, () => products[(base + Math.floor(random() ** 2 * 40)) % products.length]!);
    for (let k = 0; k < ordersPer; k++) {
      orders.push({ id: `${id}-o${k}`, accountId: id, date: iso(int(0, 730)), amount: Math.round(50 + random() * 2000), product: mine[int(0, mine.length - 1)]! });
    }
  }
  return { accounts, contactsBy, activityBy, orders, contactCount: accountCount * contactsPer, activityCount };
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const book = generate(42, 5_000, 10, 200, 40);
  const today = '2025-06-20';

  const profileTimes: number[] = [];
  let profile = peerProfile(book.accounts.slice(0, 100), book.orders.slice(0, 20_000), { today }); // warm-up
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    profile = peerProfile(book.accounts, book.orders, { today });
    profileTimes.push(performance.now() - started);
  }
  profileTimes.sort((a, b) => a - b);
  // No industry anywhere (an ERP log alone): every account is compared by product mix.
  const bare = book.accounts.map(({ industry: _, ...a }) => a);
  const mixStarted = performance.now();
  peerProfile(bare, book.orders, { today });
  const mixMs = performance.now() - mixStarted;
  const json = JSON.stringify(profile);
  const slice = JSON.stringify(profileSlice(profile, book.accounts[0]!.id));

  const perAccount: number[] = [];
  const allStarted = performance.now();
  let opportunities = 0;
  for (const account of book.accounts) {
    const started = performance.now();
    accountPeople(account, book.contactsBy.get(account.id)!, book.activityBy.get(account.id)!, { today });
    opportunities += expansionGaps(account.id, profile).length;
    shareOfWallet(account.id, profile);
    perAccount.push(performance.now() - started);
  }
  const allMs = performance.now() - allStarted;
  perAccount.sort((a, b) => a - b);

  const allContacts = [...book.contactsBy.values()].flat();
  const allActivity = [...book.activityBy.values()].flat();
  const movesStarted = performance.now();
  championMoves(book.accounts, allContacts, allActivity, { today });
  const movesMs = performance.now() - movesStarted;

  const titleStarted = performance.now();
  const fresh = Array.from({ length: 20_000 }, (_, i) => `${TITLES[i % TITLES.length]} ${i}`);
  for (const title of fresh) classifyTitle(title);
  const titleUs = ((performance.now() - titleStarted) * 1000) / fresh.length;

  return [
    { name: `insights: book size (accounts / contacts / orders / activities)`, value: book.accounts.length, unit: 'accts', target: `${book.contactCount} contacts, ${book.orders.length} orders, ${book.activityCount} activities` },
    { name: 'insights: peerProfile over all orders (median of 3)', value: Math.round(profileTimes[1]!), unit: 'ms', target: '≤ 3,000 ms' },
    { name: 'insights: peerProfile, no industries (every account by product mix)', value: Math.round(mixMs), unit: 'ms', target: '≤ 3,000 ms' },
    { name: 'insights: peer profile as JSON', value: Math.round(json.length / 1024), unit: 'KiB' },
    { name: 'insights: one account slice as JSON', value: round(slice.length / 1024), unit: 'KiB' },
    { name: 'insights: per account (accountPeople + expansionGaps + shareOfWallet) median', value: round(perAccount[Math.floor(perAccount.length / 2)]!), unit: 'ms', target: '≤ 5 ms' },
    { name: 'insights: per account p99', value: round(perAccount[Math.floor(perAccount.length * 0.99)]!), unit: 'ms' },
    { name: 'insights: all accounts', value: Math.round(allMs), unit: 'ms', target: '≤ 3,000 ms' },
    { name: 'insights: championMoves over the whole book', value: Math.round(movesMs), unit: 'ms' },
    { name: 'insights: opportunities found per account (mean)', value: round(opportunities / book.accounts.length), unit: 'opps' },
    { name: 'insights: classifyTitle, uncached title', value: round(titleUs), unit: 'µs' },
  ];
}
