// Expansion gaps and share of wallet in words.
import { isolate } from './visible';
import type { ExpansionGap, PeerComparison, ShareOfWallet } from '../insights/expansion';
import { count, inSentence, money, ratioInWords } from './format';

/** "cocoa powder: bought by 70% of similar bakeries; typical spend 10× what this account spends with us" */
export function opportunityText(gap: ExpansionGap): string {
  const named = isolate(inSentence(gap.product));
  const pct = `${Math.round(gap.peerShare * 100)}%`;
  const ratio = gap.spendRatio;
  const spend = gap.buysSome
    ? `typical spend ${ratioInWords(ratio!)}× what this account spends with us on ${named}`
    : ratio !== undefined && ratio >= 1.5
      ? `typical spend ${ratioInWords(ratio)}× what this account spends with us`
      : `typical spend ${money(gap.typicalSpend, gap.currency)} a year`;
  return `${named}: bought by ${pct} of ${gap.peerLabel}; ${spend}`;
}

/** The sidebar's opportunity: the product, the sentence and the figures it rests on. */
export function opportunityView(gap: ExpansionGap): { product: string; text: string; peerShare: number; spendRatio?: number } {
  return {
    product: gap.product,
    text: opportunityText(gap),
    peerShare: gap.peerShare,
    ...(gap.spendRatio !== undefined ? { spendRatio: Number(ratioInWords(gap.spendRatio)) } : {}),
  };
}

/**
 * Why no opportunities are shown when the account has too few peers: "too few similar accounts to compare (biotech
 * labs: 1 besides this one; 5 needed)". Undefined when the account is compared (or has no orders).
 */
export function peerComparisonNote(comparison: PeerComparison): string | undefined {
  if (comparison.kind !== 'too-few') return undefined;
  const found =
    comparison.basis === 'industry'
      ? `${comparison.label}: ${comparison.peers} besides this one`
      : `its industry is not known, and ${count(comparison.peers, 'account buys', 'accounts buy')} a similar product mix`;
  return `too few similar accounts to compare (${found}; ${comparison.needed} needed)`;
}

export function walletText(wallet: ShareOfWallet): string {
  if (!wallet.available) {
    return `not enough similar accounts to compare${wallet.why === 'size-unknown' ? ' (its size is not known: add employee numbers to the account)' : ''}`;
  }
  const pct = wallet.share >= 1 ? 'at or above' : `about ${Math.max(1, Math.round(wallet.share * 100))}% of`;
  const band = wallet.band ? ` (${wallet.band})` : '';
  return (
    `${pct} what the top quarter of ${wallet.peerLabel}${band} spend with us: ${money(wallet.spend, wallet.currency)} a year against ` +
    `${money(wallet.peerTopQuarter, wallet.currency)} (median ${money(wallet.peerMedian, wallet.currency)}, ${wallet.peers} accounts)`
  );
}
