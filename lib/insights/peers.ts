// Peer groups and per-account product spend, precomputed once over the whole order log (in the background scoring
// job) and stored as plain JSON, so that the sidebar only looks an account up. Pure.
import type { Account, Order } from '../model/records';
import { toDayNumber, dayToIso } from '../model/days';
import { MixIndex } from './productMix';

/**
 * "Similar size" is a relative window: between half and twice the account's employees (or turnover), so that an
 * account near a band edge still sits in the middle of its peers. Fixed bands (such as the EU SME classes of
 * Recommendation 2003/361/EC, https://single-market-economy.ec.europa.eu/smes/sme-fundamentals/sme-definition_en)
 * would split 240 and 260 employees apart. The account's own size is shown with the group: "170–680 employees".
 */
const SIZE_FACTOR = 2;

export type PeerGroupKind = 'industry-size' | 'industry-revenue' | 'industry' | 'product-mix' | 'size' | 'all';



export interface PeerGroup {
  kind: PeerGroupKind;
  /** How the group is named in a sentence: "similar bakeries", "bakeries", "accounts your size", "your accounts". */
  label: string;
  /** The size window, when the group is by size: "170–680 employees". */
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
  /** Whether employees or turnover are known, so that peers of similar size can be looked for at all. */
  sizeKnown: boolean;
  /** Key of the peer group opportunities come from: same industry (and size), or a similar product mix; none when too few. */
  group?: string;
  /** Why there is no group: too few accounts of its industry, or (industry unknown) with a similar product mix. */
  tooFew?: { basis: 'industry' | 'product-mix'; label: string; peers: number };
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

function quantile(sorted: ArrayLike<number>, q: number): number {
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

interface Member {
  id: string;
  industry?: string;
  industryKey?: string;
  employees?: number;
  revenue?: number;
  spend: number;
  products: Map<number, number>;
}

interface Level {
  kind: PeerGroupKind;
  /** Which accounts are compared by size, and on what measure (undefined: a shared group, not by size). */
  size?: (m: Member) => number | undefined;
  /** Shared groups: the key all members share. Size groups: the pool the window is taken from. */
  pool: (m: Member) => string | undefined;
  label: (m: Member) => string;
}

const LEVELS: readonly Level[] = [
  { kind: 'industry-size', size: (m) => m.employees, pool: (m) => m.industryKey, label: (m) => `similar ${pluralIndustry(m.industry!)}` },
  { kind: 'industry-revenue', size: (m) => m.revenue, pool: (m) => m.industryKey, label: (m) => `similar ${pluralIndustry(m.industry!)}` },
  { kind: 'industry', pool: (m) => m.industryKey, label: (m) => pluralIndustry(m.industry!) },
  // For share of wallet only (sizeGroup): never a source of opportunities.
  { kind: 'size', size: (m) => m.employees, pool: () => 'all', label: () => 'accounts your size' },
];
const MIX_LEVEL: Level = { kind: 'product-mix', pool: () => 'all', label: () => 'accounts with a similar product mix' };


const compact = (n: number) => (n >= 1e6 ? `${Number((n / 1e6).toPrecision(2))}m` : Math.round(n).toLocaleString('en'));

function bandText(kind: PeerGroupKind, value: number): string {
  const range = `${compact(value / SIZE_FACTOR)}–${compact(value * SIZE_FACTOR)}`;
  return kind === 'industry-revenue' ? `turnover ${range}` : `${range} employees`;
}

/**
 * Buyers in a pool sorted by a size measure, for taking the window around one account by binary search. Accounts of
 * nearby sizes share a window (sizes repeat: 50, 100, 250 employees), so each window's figures are computed once.
 */
class SizeIndex {
  private readonly sorted: Member[];
  private readonly values: number[];
  private readonly stats = new Map<string, GroupFigures>();
  constructor(members: Member[], size: (m: Member) => number | undefined) {
    this.sorted = members.filter((m) => size(m) !== undefined).sort((a, b) => size(a)! - size(b)!);
    this.values = this.sorted.map((m) => size(m)!);
  }
  private bound(value: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.values[mid]! < value || (inclusive && this.values[mid] === value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The members within a factor of SIZE_FACTOR of `value`, and their figures (computed on first use). */
  window(value: number): { size: number; figures: () => GroupFigures } {
    const lo = this.bound(value / SIZE_FACTOR, false);
    const hi = this.bound(value * SIZE_FACTOR, true);
    const key = `${lo}:${hi}`;
    return {
      size: Math.max(0, hi - lo),
      figures: () => {
        let known = this.stats.get(key);
        if (!known) this.stats.set(key, (known = groupFigures(this.sorted.slice(lo, hi))));
        return known;
      },
    };
  }
}

/** What a peer group says whatever it is called: its members, their spend and the products most of them buy. */
type GroupFigures = Pick<PeerGroup, 'members' | 'spend' | 'products'>;

function groupFigures(list: readonly Member[]): GroupFigures {
  const byProduct = new Map<number, number[]>();
  for (const m of list) {
    for (const [p, s] of m.products) {
      let spends = byProduct.get(p);
      if (!spends) byProduct.set(p, (spends = []));
      spends.push(s);
    }
  }
  // Products fewer than a tenth of the group buy can never be a gap worth showing; leaving them out keeps it small.
  const floor = Math.max(1, Math.ceil(list.length / 10));
  // Numeric typed-array sorts: the same ascending order as sort((a, b) => a - b), without a comparator call per step.
  const stats = [...byProduct]
    .filter(([, spends]) => spends.length >= floor)
    .map(([p, spends]) => [p, spends.length, round2(quantile(Float64Array.from(spends).sort(), 0.5))] as const)
    .sort((a, b) => b[1] - a[1] || b[2] - a[2]);
  const totals = Float64Array.from(list, (m) => m.spend).sort();
  return { members: list.length, spend: { median: round2(quantile(totals, 0.5)), p75: round2(quantile(totals, 0.75)) }, products: stats.flat() };
}

function groupStats(level: Level, label: string, figures: GroupFigures, band: string | undefined): PeerGroup {
  return { kind: level.kind, label, ...(band ? { band } : {}), ...figures };
}

/**
 * Per-account product spend over the last year, and peer groups: same industry and similar size (employees,
 * else turnover, within a factor of two), else same industry, else similar size, else all accounts. Groups count
 * only accounts that bought in the window. One pass over the orders; size groups are per account.
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
      ...(a.employees ? { employees: a.employees } : {}),
      ...(a.annualRevenue ? { revenue: a.annualRevenue } : {}),
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

  const buyers = members.filter((m) => m.spend > 0);
  const pools = new Map<string, Member[]>();
  for (const level of LEVELS) {
    for (const m of buyers) {
      const key = `${level.kind}|${level.pool(m) ?? ''}`;
      if (!level.pool(m)) continue;
      let list = pools.get(key);
      if (!list) pools.set(key, (list = []));
      list.push(m);
    }
  }
  const sizeIndexes = new Map<string, SizeIndex>();
  const sizeIndex = (level: Level, pool: string) => {
    const key = `${level.kind}|${pool}`;
    let index = sizeIndexes.get(key);
    if (!index) sizeIndexes.set(key, (index = new SizeIndex(pools.get(key) ?? [], level.size!)));
    return index;
  };

  // Product mixes, for the accounts without an industry.
  let mixes: MixIndex<Member> | undefined;

  const groups: Record<string, PeerGroup> = {};
  const accountsOut: Record<string, AccountSpend> = {};
  for (const m of members) {
    let group: string | undefined;
    let sizeGroup: string | undefined;
    for (const level of LEVELS) {
      const pool = level.pool(m);
      const forOpportunities = level.kind !== 'size';
      if (!pool || ((group || !forOpportunities) && (sizeGroup || !level.size))) continue;
      const value = level.size?.(m);
      if (level.size && value === undefined) continue;
      const key = level.size ? `${level.kind}:${m.id}` : `${level.kind}:${pool}`;
      const shared = level.size ? undefined : pools.get(`${level.kind}|${pool}`) ?? [];
      const window = level.size ? sizeIndex(level, pool).window(value!) : undefined;
      if ((window?.size ?? shared!.length) - (m.spend > 0 ? 1 : 0) < minPeers) continue;
      groups[key] ??= groupStats(level, level.label(m), window ? window.figures() : groupFigures(shared!), level.size ? bandText(level.kind, value!) : undefined);
      if (!group && forOpportunities) group = key;
      if (level.size && !sizeGroup) sizeGroup = key;
    }
    let tooFew: AccountSpend['tooFew'];
    if (!group && m.industry) {
      tooFew = { basis: 'industry', label: pluralIndustry(m.industry), peers: (pools.get(`industry|${m.industryKey}`) ?? []).filter((x) => x !== m).length };
    } else if (!group && m.products.size) {
      const list = (mixes ??= new MixIndex(buyers)).similar(m);
      if (list.length - 1 >= minPeers) {
        group = `product-mix:${m.id}`;
        groups[group] = groupStats(MIX_LEVEL, MIX_LEVEL.label(m), groupFigures(list), undefined);
      } else tooFew = { basis: 'product-mix', label: MIX_LEVEL.label(m), peers: list.length - 1 };
    } else if (!group && m.spend > 0) tooFew = { basis: 'product-mix', label: MIX_LEVEL.label(m), peers: 0 };
    accountsOut[m.id] = {
      spend: round2(m.spend),
      products: [...m.products].sort((a, b) => b[1] - a[1]).flatMap(([p, s]) => [p, round2(s)]),
      ...(m.industry ? { industry: m.industry } : {}),
      sizeKnown: m.employees !== undefined || m.revenue !== undefined,
      ...(group ? { group } : {}),
      ...(tooFew ? { tooFew } : {}),
      ...(sizeGroup ? { sizeGroup } : {}),
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
