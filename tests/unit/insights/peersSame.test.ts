// The peer profile is computed faster than it was (size windows are summarized once per window; numeric sorts), and
// its results must not change: the profile of two seeded books, with and without industries, is compared with the
// SHA-256 of the profile the earlier code computed (commit 7efacab, lib/insights/peers.ts before the speed-up).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { peerProfile } from '../../../lib/insights/expansion';
import type { Account, Order } from '../../../lib/model/records';
import { random as prng } from '../../support/random';

const INDUSTRIES = ['Bakery', 'Distributor', 'Dairy', 'Brewery', 'Confectioner', 'Restaurant'];

/** A seeded book: sizes repeat (CRM exports round them) and vary widely; each industry favours its own products. */
function book(seed: number, count: number, ordersPer: number): { accounts: Account[]; orders: Order[] } {
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const day = (offset: number) => new Date(Date.UTC(2025, 5, 20) - offset * 86_400_000).toISOString().slice(0, 10);
  const accounts: Account[] = [];
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const id = `account${i}.example`;
    const industry = INDUSTRIES[int(0, INDUSTRIES.length - 1)]!;
    const sized = random();
    const size = sized < 0.6 ? { employees: random() < 0.3 ? [10, 50, 100, 250][int(0, 3)]! : Math.round(Math.exp(random() * 7)) } : sized < 0.8 ? { annualRevenue: Math.round(Math.exp(8 + random() * 8)) } : {};
    accounts.push({ id, name: `Account ${i}`, domains: [id], crmIds: [], customerKeys: [], industry, ...size, updatedAt: '2025-01-01T00:00:00Z' });
    const base = INDUSTRIES.indexOf(industry) * 6;
    const mine = Array.from({ length: int(1, 9) }, () => `Product ${(base + Math.floor(random() ** 2 * 30)) % 60}`);
    for (let k = 0; k < int(0, ordersPer); k++) {
      // Whole amounts repeat, so that medians tie and the order of equal products matters.
      orders.push({ id: `${id}-o${k}`, accountId: id, date: day(int(-5, 500)), amount: random() < 0.3 ? 100 : Math.round(20 + random() * 900), product: mine[int(0, mine.length - 1)]!, currency: 'EUR' });
    }
  }
  return { accounts, orders };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('peer profile: the same results, faster', () => {
  const { accounts, orders } = book(7, 1_500, 40);
  const bare = accounts.map(({ industry: _, ...a }) => a);

  it('with industries', () => {
    const kinds = Object.values(peerProfile(accounts, orders, { today: '2025-06-20' }).groups).map((g) => g.kind);
    expect(new Set(kinds)).toEqual(new Set(['industry-size', 'industry-revenue', 'industry', 'size']));
    expect(digest(peerProfile(accounts, orders, { today: '2025-06-20' }))).toBe('2e50aa747fdb36e4c047f2606ee67a4196c8507fefb29f31c87ea13d09f23734');
  });

  it('without industries (product mix), where every size window is a group of its own', () => {
    const kinds = Object.values(peerProfile(bare, orders, { today: '2025-06-20' }).groups).map((g) => g.kind);
    expect(kinds.filter((k) => k === 'size').length).toBeGreaterThan(500);
    expect(kinds.filter((k) => k === 'product-mix').length).toBeGreaterThan(500);
    expect(digest(peerProfile(bare, orders, { today: '2025-06-20' }))).toBe('0d9eb4923f9a082632f5ac9333e24223c9adedd6c173de70e59cd5e52290c263');
  });
});
