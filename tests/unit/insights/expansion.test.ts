import { describe, expect, it } from 'vitest';
import { expansionGaps, peerComparison, peerProfile, pluralIndustry, profileSlice, shareOfWallet } from '../../../lib/insights/expansion';
import { expansionSignals } from '../../../lib/playbooks/signals';
import { ratioInWords } from '../../../lib/words/format';
import { opportunityText, opportunityView, peerComparisonNote, walletText } from '../../../lib/words/opportunities';
import { worded } from '../../../lib/words/signals';
import { Opportunity } from '../../../lib/model/insight';
import { Signal } from '../../../lib/model/playbook';
import type { Account, Order } from '../../../lib/model/records';
import { account, order } from './records';

const today = '2025-06-20';

/** Monthly orders over the last year adding up to `yearly`. */
function monthly(accountId: string, product: string, yearly: number): Order[] {
  return Array.from({ length: 12 }, (_, i) => order(accountId, `2025-${String(((i + 5) % 12) + 1).padStart(2, '0')}-10`.replace(/^2025-(0[7-9]|1[0-2])/, '2024-$1'), yearly / 12, product));
}

/** Scenario 4: eleven bakeries of 50–249 staff; the chain buys only vanilla, 7 of the 10 others also buy cocoa at ~10×. */
function bakeries() {
  const accounts: Account[] = [account('crumb.co', 'Crumb & Co', { industry: 'Bakery', employees: 120 })];
  const orders: Order[] = [...monthly('crumb.co', 'vanilla', 2_000)];
  for (let i = 0; i < 10; i++) {
    const id = `bakery${i}.com`;
    accounts.push(account(id, `Bakery ${i}`, { industry: 'Bakery', employees: 60 + i * 15 }));
    orders.push(...monthly(id, 'vanilla', 1_800 + i * 50));
    if (i < 7) orders.push(...monthly(id, 'cocoa', 17_000 + i * 1_000));
    if (i < 2) orders.push(...monthly(id, 'sugar', 3_000));
  }
  return { accounts, orders };
}

describe('scenario 4: ingredient X and the ten-times-larger ingredient Y', () => {
  const { accounts, orders } = bakeries();
  const profile = peerProfile(accounts, orders, { today });

  it('finds cocoa, bought by 70% of similar bakeries at about 10× the spend', () => {
    const gaps = expansionGaps('crumb.co', profile);
    expect(gaps).toHaveLength(1);
    expect(gaps[0] && opportunityText(gaps[0])).toBe('cocoa: bought by 70% of similar bakeries; typical spend 10× what this account spends with us');
    expect(gaps[0]).toMatchObject({ product: 'cocoa', peerShare: 0.7, spendRatio: 10 });
    expect(() => Opportunity.parse(opportunityView(gaps[0]!))).not.toThrow();
    const [signal] = expansionSignals(gaps);
    expect(() => Signal.parse(worded([signal!], { accountName: 'Crumb & Co', today })[0])).not.toThrow();
    expect(worded([signal!], { accountName: 'Crumb & Co', today })[0]?.reason).toMatch(/^Opportunity: cocoa: bought by 70%/);
    expect(signal?.kind).toBe('expansion-gap');
  });

  it('compares what it buys far less of, per product', () => {
    const less = [...orders, ...monthly('crumb.co', 'cocoa', 1_900)];
    const gaps = expansionGaps('crumb.co', peerProfile(accounts, less, { today }));
    expect(gaps[0] && opportunityText(gaps[0])).toBe('cocoa: bought by 70% of similar bakeries; typical spend 10× what this account spends with us on cocoa');
  });

  it('is plain JSON and can be sliced per account', () => {
    const copy = JSON.parse(JSON.stringify(profile));
    expect(copy).toEqual(profile);
    const slice = profileSlice(profile, 'crumb.co');
    expect(Object.keys(slice.accounts)).toEqual(['crumb.co']);
    expect(expansionGaps('crumb.co', slice)).toEqual(expansionGaps('crumb.co', profile));
  });

  it('gives a share of wallet against bakeries its size', () => {
    const wallet = shareOfWallet('crumb.co', profile);
    if (!wallet.available) throw new Error('no wallet');
    expect(wallet.peers).toBe(10);
    expect(wallet.share).toBeGreaterThan(0.05);
    expect(wallet.share).toBeLessThan(0.15);
    expect(walletText(wallet)).toMatch(/^about \d+% of what the top quarter of similar bakeries \(60–240 employees\) spend with us: /);
  });

  it('only counts the last year of orders', () => {
    const old = [...orders, order('crumb.co', '2024-01-15', 50_000, 'cocoa')];
    expect(expansionGaps('crumb.co', peerProfile(accounts, old, { today }))[0]?.product).toBe('cocoa');
  });
});

describe('peer groups fall back when too few accounts are alike', () => {
  it('uses the industry when the size band is too small, then (no industry) the accounts with a similar product mix', () => {
    const { accounts, orders } = bakeries();
    const mixed = accounts.map((a, i) => ({ ...a, employees: 20 + i * 200 })); // sizes too far apart for any window of ×0.5–×2
    const profile = peerProfile(mixed, orders, { today });
    expect(opportunityText(expansionGaps('crumb.co', profile)[0]!)).toMatch(/^cocoa: bought by 70% of bakeries; /);
    expect(shareOfWallet('crumb.co', profile)).toMatchObject({ available: false, why: 'no-peers' });
    expect(walletText(shareOfWallet('crumb.co', profile))).toBe('not enough similar accounts to compare');

    const noIndustry = accounts.map(({ industry: _, employees: __, ...a }) => a);
    const all = peerProfile(noIndustry, orders, { today });
    expect(opportunityText(expansionGaps('crumb.co', all)[0]!)).toMatch(/^cocoa: bought by 70% of accounts with a similar product mix; /);
    expect(walletText(shareOfWallet('crumb.co', all))).toBe('not enough similar accounts to compare (its size is not known: add employee numbers to the account)');
  });

  it('returns nothing for an unknown account or too few peers', () => {
    const { accounts, orders } = bakeries();
    const small = peerProfile(accounts.slice(0, 3), orders, { today });
    expect(expansionGaps('crumb.co', small)).toEqual([]);
    expect(expansionGaps('nobody.com', small)).toEqual([]);
  });
});

describe('opportunities only from similar accounts', () => {
  /** The bakeries above and a few labs: a US biotech lab must never be offered what bakeries buy. */
  function withLabs(labIndustry: string | undefined, labs: number) {
    const { accounts, orders } = bakeries();
    for (let i = 0; i < labs; i++) {
      const id = `lab${i}.com`;
      accounts.push(account(id, `Lab ${i}`, labIndustry ? { industry: labIndustry } : {}));
      orders.push(...monthly(id, 'pcr reagent kit', 9_000 + i * 100), ...(i ? monthly(id, 'pipette tips', 1_000) : []));
    }
    // A third of all accounts buy marzipan: enough for "all accounts", never for a lab.
    for (let i = 0; i < 5; i++) orders.push(...monthly(`bakery${i}.com`, 'marzipan', 4_000));
    return peerProfile(accounts, orders, { today });
  }

  it('a lab with too few labs to compare gets no bakery product, and the sidebar says why', () => {
    const profile = withLabs('Biotech lab', 2);
    expect(expansionGaps('lab0.com', profile)).toEqual([]);
    expect(peerComparison('lab0.com', profile)).toEqual({ kind: 'too-few', basis: 'industry', label: 'biotech labs', peers: 1, needed: 5 });
    expect(peerComparisonNote(peerComparison('lab0.com', profile))).toBe('too few similar accounts to compare (biotech labs: 1 besides this one; 5 needed)');
    expect(peerComparisonNote(peerComparison('crumb.co', profile))).toBeUndefined();
  });

  it('a lab without an industry is compared by product mix: with bakeries it shares nothing', () => {
    const few = withLabs(undefined, 3);
    expect(expansionGaps('lab0.com', few)).toEqual([]);
    expect(peerComparisonNote(peerComparison('lab0.com', few))).toBe('too few similar accounts to compare (its industry is not known, and 2 accounts buy a similar product mix; 5 needed)');
    const many = withLabs(undefined, 7);
    const gaps = expansionGaps('lab0.com', many);
    expect(gaps.map((g) => g.product)).toEqual(['pipette tips']);
    expect(gaps[0]!.peerLabel).toBe('accounts with a similar product mix');
  });
});

describe('wording', () => {
  it('rounds ratios and pluralizes industries as a person would', () => {
    expect([1.46, 3.4, 10.4, 148].map(ratioInWords)).toEqual(['1.5', '3', '10', '150']);
    expect(['Bakery', 'Distributor', 'Food manufacturing', 'Brewery', 'Restaurants'].map(pluralIndustry)).toEqual([
      'bakeries',
      'distributors',
      'food manufacturing accounts',
      'breweries',
      'restaurants',
    ]);
  });
});
