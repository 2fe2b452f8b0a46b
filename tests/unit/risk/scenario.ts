// A small, seeded order book for the account-risk tests: the accounts of SCENARIOS.md story 1
// ("the customer who just stops ordering") among steady, lapsed and one-order accounts.
import type { AccountOrder } from '../../../lib/insights/risk';
import { random } from '../../support/random';

export const TODAY = '2025-06-30';
const DAY = 86_400_000;
const todayMs = Date.parse(`${TODAY}T00:00:00Z`);
const iso = (daysAgo: number) => new Date(todayMs - daysAgo * DAY).toISOString().slice(0, 10);

/** Orders every `minGap`..`maxGap` days from `startDaysAgo` until `stopDaysAgo`. */
function regularOrders(accountId: string, rand: () => number, startDaysAgo: number, stopDaysAgo: number, minGap: number, maxGap: number, amount: number, currency = 'EUR'): AccountOrder[] {
  const orders: AccountOrder[] = [];
  for (let ago = startDaysAgo; ago >= stopDaysAgo; ago -= minGap + Math.floor(rand() * (maxGap - minGap + 1))) {
    orders.push({ accountId, date: iso(ago), amount: Math.round(amount * (0.8 + 0.4 * rand())), currency });
  }
  return orders;
}

export function scenarioOrders(): AccountOrder[] {
  const rand = random(7);
  const orders: AccountOrder[] = [];
  // Story 1: flavouring every 21-28 days (median 24) for two years, then nothing for 77 days; about €41,000
  // spent in the last twelve months (12 orders of €3,400, the figure lib/demo calibrates and scoreAccounts
  // puts at stake).
  const rhythm = [21, 24, 28, 23, 24, 27, 22, 24, 26];
  for (let i = 0, ago = 77; ago <= 77 + 730; ago += rhythm[i++ % rhythm.length]) {
    orders.push({ accountId: 'food-manufacturer', date: iso(ago), amount: 3400, currency: 'EUR' });
  }
  // Steady: same rhythm, still ordering (last order 10 days ago).
  orders.push(...regularOrders('steady-bakery', rand, 10 + 730, 10, 21, 28, 1500).map((o, i, all) => (i === all.length - 1 ? { ...o, date: iso(10) } : o)));
  // A population to fit: steady buyers of different rhythms, and buyers who stopped at some point.
  for (let i = 0; i < 40; i++) {
    const gap = 7 + Math.floor(rand() * 50);
    const start = 200 + Math.floor(rand() * 600);
    orders.push(...regularOrders(`steady-${i}`, rand, start, Math.floor(rand() * gap), Math.round(gap * 0.7), Math.round(gap * 1.3), 200 + rand() * 3000));
  }
  for (let i = 0; i < 25; i++) {
    const gap = 7 + Math.floor(rand() * 50);
    const start = 300 + Math.floor(rand() * 500);
    const stop = 60 + Math.floor(rand() * (start - 100));
    orders.push(...regularOrders(`stopped-${i}`, rand, start, stop, Math.round(gap * 0.7), Math.round(gap * 1.3), 200 + rand() * 3000));
  }
  for (let i = 0; i < 10; i++) orders.push({ accountId: `once-${i}`, date: iso(20 + Math.floor(rand() * 400)), amount: 500, currency: 'EUR' });
  return orders;
}
