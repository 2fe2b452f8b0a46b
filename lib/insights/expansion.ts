// Expansion gaps: what similar accounts buy from us that this one does not (or buys far less of), and how much of
// its likely spend we have. Reads a precomputed PeerProfile (./peers.ts); every number is rounded and explained.
import type { PeerProfile } from './peers';

export { peerProfile, profileSlice, pluralIndustry, type PeerProfile, type PeerGroup, type AccountSpend, type PeerProfileOptions } from './peers';

export interface ExpansionOptions {
  /** Most opportunities to return. Default 5. */
  limit?: number;
  /** A product must be bought by at least this share of peers. Default 0.3. */
  minPeerShare?: number;
  /** A product the account already buys counts when peers' typical spend is at least this many times larger. Default 3. */
  minSpendRatio?: number;
}

function pairs(flat: readonly number[], width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + width <= flat.length; i += width) out.push(flat.slice(i, i + width));
  return out;
}

/** A product the account's peers buy and it does not, or buys far less of: facts (lib/words writes the sentence). */
export interface ExpansionGap {
  product: string;
  /** Share of peers buying it, 0..1, two decimals. */
  peerShare: number;
  /** Peers' typical spend against the account's own spend on it (or its total spend when it buys none). */
  spendRatio?: number;
  /** The account already buys the product, far less than its peers. */
  buysSome: boolean;
  /** Peers' typical spend on it over the profile's window (a year). */
  typicalSpend: number;
  /** "similar bakeries", "food manufacturing accounts". */
  peerLabel: string;
  currency?: string;
}

/**
 * Products that the account's peers buy and it does not, or buys far less of, ranked by the spend at stake
 * (share of peers buying × typical spend it lacks): "cocoa: bought by 70% of similar bakeries; typical spend 10×
 * what this account spends with us". Peer shares leave the account itself out; typical spend is the median among
 * the peers that buy the product, over the profile's window (a year).
 */
export function expansionGaps(accountId: string, profile: PeerProfile, options: ExpansionOptions = {}): ExpansionGap[] {
  const account = profile.accounts[accountId];
  const group = account?.group ? profile.groups[account.group] : undefined;
  if (!account || !group) return [];
  const peers = group.members - (account.spend > 0 ? 1 : 0);
  if (peers < Math.max(1, Math.min(profile.minPeers, group.members))) return [];
  const minShare = options.minPeerShare ?? 0.3;
  const minRatio = options.minSpendRatio ?? 3;
  const own = new Map(pairs(account.products, 2).map(([p, s]) => [p!, s!] as const));

  const found: Array<ExpansionGap & { atStake: number }> = [];
  for (const [p, buyers, typical] of pairs(group.products, 3) as Array<[number, number, number]>) {
    const ownSpend = own.get(p) ?? 0;
    const share = (buyers - (ownSpend > 0 ? 1 : 0)) / peers;
    if (share < minShare || typical <= 0) continue;
    if (ownSpend > 0 && typical < ownSpend * minRatio) continue;
    const product = profile.products[p] ?? `product ${p}`;
    const ratio = ownSpend > 0 ? typical / ownSpend : account.spend > 0 ? typical / account.spend : undefined;
    found.push({
      product,
      peerShare: Math.round(share * 100) / 100,
      ...(ratio !== undefined ? { spendRatio: ratio } : {}),
      buysSome: ownSpend > 0,
      typicalSpend: typical,
      peerLabel: group.label,
      ...(profile.currency ? { currency: profile.currency } : {}),
      atStake: share * (typical - ownSpend),
    });
  }
  return found
    .sort((a, b) => b.atStake - a.atStake)
    .slice(0, options.limit ?? 5)
    .map(({ atStake: _, ...opportunity }) => opportunity);
}

/** Whom the account is compared with for opportunities, or why nobody: too few accounts of its kind. */
export type PeerComparison =
  | { kind: 'compared'; label: string; peers: number }
  | { kind: 'too-few'; basis: 'industry' | 'product-mix'; label: string; peers: number; needed: number }
  | { kind: 'no-orders' };

export function peerComparison(accountId: string, profile: PeerProfile): PeerComparison {
  const account = profile.accounts[accountId];
  const group = account?.group ? profile.groups[account.group] : undefined;
  if (account && group) return { kind: 'compared', label: group.label, peers: group.members - (account.spend > 0 ? 1 : 0) };
  if (account?.tooFew) return { kind: 'too-few', ...account.tooFew, needed: profile.minPeers };
  return { kind: 'no-orders' };
}

export type ShareOfWallet =
  | { available: false; spend: number; why: 'no-peers' | 'size-unknown' }
  | {
      available: true;
      /** What the account spent with us over the window. */
      spend: number;
      /** Estimated share of what a well-served account of its size buys from us, 0..1, two decimals. */
      share: number;
      peerMedian: number;
      peerTopQuarter: number;
      peers: number;
      peerLabel: string;
      band?: string;
      currency?: string;
    };

/**
 * What the account spends with us against what peers of its size spend with us: the upper quartile of similar
 * accounts stands in for what a well-served account of this size buys. Says so when there are too few peers.
 */
export function shareOfWallet(accountId: string, profile: PeerProfile): ShareOfWallet {
  const account = profile.accounts[accountId];
  const group = account?.sizeGroup ? profile.groups[account.sizeGroup] : undefined;
  const spend = account?.spend ?? 0;
  if (!account || !group) return { available: false, spend, why: account && !account.sizeKnown ? 'size-unknown' : 'no-peers' };
  const top = group.spend.p75;
  if (top <= 0) return { available: false, spend, why: 'no-peers' };
  return {
    available: true,
    spend,
    share: Math.round(Math.min(1, spend / top) * 100) / 100,
    peerMedian: group.spend.median,
    peerTopQuarter: top,
    peers: group.members - (spend > 0 ? 1 : 0),
    peerLabel: group.label,
    ...(group.band ? { band: group.band } : {}),
    ...(profile.currency ? { currency: profile.currency } : {}),
  };
}
