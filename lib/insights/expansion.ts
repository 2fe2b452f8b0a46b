// Expansion gaps: what similar accounts buy from us that this one does not (or buys far less of), and how much of
// its likely spend we have. Reads a precomputed PeerProfile (./peers.ts); every number is rounded and explained.
import type { Opportunity } from '../model/insight';
import type { Signal } from '../model/playbook';
import { money } from './risk/accountRisk';
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

/** 10.4 → "10", 1.46 → "1.5", 148 → "150": a ratio as a person would say it. */
export function ratioInWords(ratio: number): string {
  if (ratio < 2) return String(Math.round(ratio * 10) / 10);
  if (ratio < 20) return String(Math.round(ratio));
  return String(Number(ratio.toPrecision(2)));
}

/** "Cocoa powder" → "cocoa powder" inside a sentence; names that look like acronyms or brands ("MCT oil") stay. */
export function inSentence(product: string): string {
  return /^[A-Z][a-z]/.test(product) ? product[0]!.toLowerCase() + product.slice(1) : product;
}

function pairs(flat: readonly number[], width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + width <= flat.length; i += width) out.push(flat.slice(i, i + width));
  return out;
}

/**
 * Products that the account's peers buy and it does not, or buys far less of, ranked by the spend at stake
 * (share of peers buying × typical spend it lacks): "cocoa: bought by 70% of similar bakeries; typical spend 10×
 * what this account spends with us". Peer shares leave the account itself out; typical spend is the median among
 * the peers that buy the product, over the profile's window (a year).
 */
export function expansionGaps(accountId: string, profile: PeerProfile, options: ExpansionOptions = {}): Opportunity[] {
  const account = profile.accounts[accountId];
  const group = account ? profile.groups[account.group] : undefined;
  if (!account || !group) return [];
  const peers = group.members - (account.spend > 0 ? 1 : 0);
  if (peers < Math.max(1, Math.min(profile.minPeers, group.members))) return [];
  const minShare = options.minPeerShare ?? 0.3;
  const minRatio = options.minSpendRatio ?? 3;
  const own = new Map(pairs(account.products, 2).map(([p, s]) => [p!, s!] as const));

  const found: Array<Opportunity & { atStake: number }> = [];
  for (const [p, buyers, typical] of pairs(group.products, 3) as Array<[number, number, number]>) {
    const ownSpend = own.get(p) ?? 0;
    const share = (buyers - (ownSpend > 0 ? 1 : 0)) / peers;
    if (share < minShare || typical <= 0) continue;
    if (ownSpend > 0 && typical < ownSpend * minRatio) continue;
    const product = profile.products[p] ?? `product ${p}`;
    const named = inSentence(product);
    const pct = `${Math.round(share * 100)}%`;
    const ratio = ownSpend > 0 ? typical / ownSpend : account.spend > 0 ? typical / account.spend : undefined;
    const spendWords =
      ownSpend > 0
        ? `typical spend ${ratioInWords(ratio!)}× what this account spends with us on ${named}`
        : ratio !== undefined && ratio >= 1.5
          ? `typical spend ${ratioInWords(ratio)}× what this account spends with us`
          : `typical spend ${money(typical, profile.currency)} a year`;
    found.push({
      product,
      text: `${named}: bought by ${pct} of ${group.label}; ${spendWords}`,
      peerShare: Math.round(share * 100) / 100,
      ...(ratio !== undefined ? { spendRatio: Number(ratioInWords(ratio)) } : {}),
      atStake: share * (typical - ownSpend),
    });
  }
  return found
    .sort((a, b) => b.atStake - a.atStake)
    .slice(0, options.limit ?? 5)
    .map(({ atStake: _, ...opportunity }) => opportunity);
}

/** Expansion gaps as signals for the question engine (the strongest first). */
export function expansionSignals(opportunities: readonly Opportunity[]): Signal[] {
  return opportunities.map((o) => ({
    kind: 'expansion-gap' as const,
    strength: Math.min(1, Math.round((0.3 + 0.5 * o.peerShare + (o.spendRatio && o.spendRatio >= 3 ? 0.15 : 0)) * 100) / 100),
    reason: o.text,
  }));
}

export interface ShareOfWallet {
  available: boolean;
  text: string;
  /** What the account spent with us over the window. */
  spend: number;
  /** Estimated share of what a well-served account of its size buys from us, 0..1. */
  share?: number;
  peerMedian?: number;
  peerTopQuarter?: number;
  peers?: number;
}

/**
 * What the account spends with us against what peers of its size spend with us: the upper quartile of similar
 * accounts stands in for what a well-served account of this size buys. Says so when there are too few peers.
 */
export function shareOfWallet(accountId: string, profile: PeerProfile): ShareOfWallet {
  const account = profile.accounts[accountId];
  const group = account?.sizeGroup ? profile.groups[account.sizeGroup] : undefined;
  const spend = account?.spend ?? 0;
  if (!account || !group) {
    const why = account && !account.sizeKnown ? ' (its size is not known: add employee numbers to the account)' : '';
    return { available: false, text: `not enough similar accounts to compare${why}`, spend };
  }
  const peers = group.members - (spend > 0 ? 1 : 0);
  const top = group.spend.p75;
  if (top <= 0) return { available: false, text: 'not enough similar accounts to compare', spend };
  const share = Math.min(1, spend / top);
  const pct = share >= 1 ? 'at or above' : `about ${Math.max(1, Math.round(share * 100))}% of`;
  const band = group.band ? ` (${group.band})` : '';
  const text =
    `${pct} what the top quarter of ${group.label}${band} spend with us: ${money(spend, profile.currency)} a year against ` +
    `${money(top, profile.currency)} (median ${money(group.spend.median, profile.currency)}, ${peers} accounts)`;
  return { available: true, text, spend, share: Math.round(share * 100) / 100, peerMedian: group.spend.median, peerTopQuarter: top, peers };
}
