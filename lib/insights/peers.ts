// Peer groups and per-account product spend, precomputed once over the whole order log (in the background scoring
// job) and stored as plain JSON, so that the sidebar only looks an account up. Pure.
import type { Account, Order } from '../model/records';
import { toDayNumber, dayToIso } from './risk/dates';

/**
 * Size bands. Employees follow the EU SME definition (Commission Recommendation 2003/361/EC: micro < 10,
 * small < 50, medium < 250 staff; https://single-market-economy.ec.europa.eu/smes/sme-fundamentals/sme-definition_en),
 * with large companies split at 1,000; turnover uses the same recommendation's ceilings (€2m, €10m, €50m).
 */
const EMPLOYEE_BANDS: ReadonlyArray<readonly [number, string]> = [
  [10, '1–9 employees'],
  [50, '10–49 employees'],
  [250, '50–249 employees'],
  [1000, '250–999 employees'],
  [Infinity, '1,000+ employees'],
];
const REVENUE_BANDS: ReadonlyArray<readonly [number, string]> = [
  [2e6, 'turnover under 2m'],
  [10e6, 'turnover 2–10m'],
  [50e6, 'turnover 10–50m'],
  [Infinity, 'turnover over 50m'],
];

const bandOf = (value: number | undefined, bands: ReadonlyArray<readonly [number, string]>) =>
  value === undefined ? undefined : bands.find(([below]) => value < below)?.[1];

export type PeerGroupKind = 'industry-size' | 'industry-revenue' | 'industry' | 'size' | 'all';

export interface PeerGroup {
  kind: PeerGroupKind;
  /** How the group is named in a sentence: "similar bakeries", "bakeries", "accounts your size", "your accounts". */
  label: string;
  /** The band, when the group is by size: "50–249 employees". */
  band?: string;
  /** Accounts in the group that bought anything in the window. */
  members: number;
  /** Total spend with us among members: median and upper quartile. */
  spend: { median: number; p75: number };
  /** Flat triples [product index, members buying it, median spend among those buyers], most bought first. */
  products: number[];
}

export interface AccountSpend {
  /** Spend with us over the window, all products. */
  spend: number;
  /** Flat pairs [product index, spend], largest first. */
  products: number[];
  industry?: string;
  band?: string;
  /** Key of the peer group to compare this account with (most specific with enough peers). */
  group: string;
  /** Key of a group of similar size (and industry when known), when one has enough peers; for share of wallet. */
  sizeGroup?: string;
}

/** Plain JSON: stored in IndexedDB as one record, or sliced per account with profileSlice(). */
export interface PeerProfile {
  version: 1;
  today: string;
  /** First day of the window (exclusive): spend counts orders after it and up to today. */
  since: string;
  currency?: string;
  minPeers: number;
  /** Product names; groups and accounts refer to them by index. */
  products: string[];
  accounts: Record<string, AccountSpend>;
  groups: Record<string, PeerGroup>;
}

export interface PeerProfileOptions {
  /** yyyy-mm-dd */
  today: string;
  /** Days of orders to count. Default 365. */
  windowDays?: number;
  /** Fewest other accounts a peer group must have to be used. Default 5. */
  minPeers?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** "Bakery" → "bakeries", "Distributor" → "distributors", "Food manufacturing" → "food manufacturing accounts". */
export function pluralIndustry(industry: string): string {
  const text = industry.trim().toLowerCase();
  if (/(ing|ion|ity|ics|ail|ice|ware|foods?|goods|services?|trade|industry)$/.test(text)) return `${text} accounts`;
  if (/[^aeiou]y$/.test(text)) return `${text.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(text)) return text.endsWith('s') ? text : `${text}es`;
  return `${text}s`;
}

interface Level {
  kind: PeerGroupKind;
  key: (a: Member) => string | undefined;
  label: (a: Member) => string;
  sized: boolean;
}

interface Member {
  id: string;
  industry?: string;
  industryKey?: string;
  band?: string;
  revenueBand?: string;
  spend: number;
  products: Map<number, number>;
}

const LEVELS: readonly Level[] = [
  { kind: 'industry-size', key: (a) => a.industryKey && a.band && `i:${a.industryKey}|e:${a.band}`, label: (a) => `similar ${pluralIndustry(a.industry!)}`, sized: true },
  { kind: 'industry-revenue', key: (a) => a.industryKey && a.revenueBand && `i:${a.industryKey}|r:${a.revenueBand}`, label: (a) => `similar ${pluralIndustry(a.industry!)}`, sized: true },
  { kind: 'industry', key: (a) => a.industryKey && `i:${a.industryKey}`, label: (a) => pluralIndustry(a.industry!), sized: false },
  { kind: 'size', key: (a) => a.band && `e:${a.band}`, label: () => 'accounts your size', sized: true },
  { kind: 'all', key: () => 'all', label: () => 'your accounts', sized: false },
];

/**
 * Per-account product spend over the last year, and peer groups: same industry and size band (employees, else
 * turnover), else same industry, else same size, else all accounts. One pass over the orders.
 */
export function peerProfile(accounts: readonly Account[], orders: readonly Order[], options: PeerProfileOptions): PeerProfile {
  const minPeers = options.minPeers ?? 5;
  const todayDay = toDayNumber(options.today);
  const since = dayToIso(todayDay - (options.windowDays ?? 365));
  const today = options.today;

  const members: Member[] = accounts.map((a) => {
    const industry = a.industry?.trim() || undefined;
    return {
      id: a.id,
      ...(industry ? { industry, industryKey: industry.toLowerCase() } : {}),
      ...(bandOf(a.employees, EMPLOYEE_BANDS) ? { band: bandOf(a.employees, EMPLOYEE_BANDS)! } : {}),
      ...(bandOf(a.annualRevenue, REVENUE_BANDS) ? { revenueBand: bandOf(a.annualRevenue, REVENUE_BANDS)! } : {}),
      spend: 0,
      products: new Map(),
    };
  });
  const memberById = new Map(members.map((m) => [m.id, m] as const));

  const products: string[] = [];
  const productIndex = new Map<string, number>();
  const currencies = new Map<string, number>();
  for (const order of orders) {
    const date = order.date;
    if (date <= since || date > today) continue;
    const member = memberById.get(order.accountId);
    if (!member) continue;
    member.spend += order.amount;
    if (order.currency) currencies.set(order.currency, (currencies.get(order.currency) ?? 0) + 1);
    const name = order.product;
    if (!name) continue;
    let index = productIndex.get(name);
    if (index === undefined) {
      const key = name.trim().toLowerCase();
      index = productIndex.get(key);
      if (index === undefined) {
        index = products.length;
        products.push(name.trim());
        productIndex.set(key, index);
      }
      productIndex.set(name, index);
    }
    member.products.set(index, (member.products.get(index) ?? 0) + order.amount);
  }

  // Group stats per level; only buyers in the window are members of a group.
  const groupMembers = new Map<string, { level: Level; label: string; band?: string; list: Member[] }>();
  for (const m of members) {
    for (const level of LEVELS) {
      const key = level.key(m);
      if (!key) continue;
      let group = groupMembers.get(key);
      if (!group) {
        const band = level.kind === 'industry-revenue' ? m.revenueBand : level.sized ? m.band : undefined;
        groupMembers.set(key, (group = { level, label: level.label(m), ...(band ? { band } : {}), list: [] }));
      }
      if (m.spend > 0) group.list.push(m);
    }
  }
  const others = (key: string, m: Member) => (groupMembers.get(key)?.list.length ?? 0) - (m.spend > 0 ? 1 : 0);

  const accountsOut: Record<string, AccountSpend> = {};
  const used = new Set<string>();
  for (const m of members) {
    const keys = LEVELS.map((level) => [level, level.key(m)] as const).filter((x): x is readonly [Level, string] => !!x[1]);
    const group = keys.find(([, key]) => others(key, m) >= minPeers)?.[1] ?? 'all';
    const sizeGroup = keys.find(([level, key]) => level.sized && others(key, m) >= minPeers)?.[1];
    used.add(group);
    if (sizeGroup) used.add(sizeGroup);
    const pairs = [...m.products].sort((a, b) => b[1] - a[1]).flatMap(([p, s]) => [p, round2(s)]);
    accountsOut[m.id] = {
      spend: round2(m.spend),
      products: pairs,
      ...(m.industry ? { industry: m.industry } : {}),
      ...(m.band ? { band: m.band } : {}),
      group,
      ...(sizeGroup ? { sizeGroup } : {}),
    };
  }

  const groups: Record<string, PeerGroup> = {};
  for (const key of used) {
    const group = groupMembers.get(key);
    if (!group) continue;
    const byProduct = new Map<number, number[]>();
    for (const m of group.list) {
      for (const [p, s] of m.products) {
        let list = byProduct.get(p);
        if (!list) byProduct.set(p, (list = []));
        list.push(s);
      }
    }
    const totals = group.list.map((m) => m.spend).sort((a, b) => a - b);
    const stats = [...byProduct]
      .map(([p, spends]) => [p, spends.length, round2(quantile(spends.sort((a, b) => a - b), 0.5))] as const)
      .sort((a, b) => b[1] - a[1] || b[2] - a[2]);
    groups[key] = {
      kind: group.level.kind,
      label: group.label,
      ...(group.band ? { band: group.band } : {}),
      members: group.list.length,
      spend: { median: round2(quantile(totals, 0.5)), p75: round2(quantile(totals, 0.75)) },
      products: stats.flat(),
    };
  }

  const currency = [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { version: 1, today, since, ...(currency ? { currency } : {}), minPeers, products, accounts: accountsOut, groups };
}

/** Only what one account's insights need: store per account, look up without loading the whole profile. */
export function profileSlice(profile: PeerProfile, accountId: string): PeerProfile {
  const account = profile.accounts[accountId];
  const groups: Record<string, PeerGroup> = {};
  if (account) {
    for (const key of [account.group, account.sizeGroup]) {
      const group = key ? profile.groups[key] : undefined;
      if (key && group) groups[key] = group;
    }
  }
  return { ...profile, accounts: account ? { [accountId]: account } : {}, groups };
}
