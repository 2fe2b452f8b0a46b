// Paired bootstrap of AUC differences for `npm run validate` (never shipped).
import { sortByScore } from '../../lib/insights/risk/metrics';


/** mulberry32 (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c): a seeded PRNG, so CIs repeat. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PairedDifference {
  /** AUC(a) − AUC(b) on the data. */
  difference: number;
  /** Percentile interval of the bootstrap differences. */
  low: number;
  high: number;
  /** Share of bootstrap differences ≤ 0 (one-sided evidence that a is not better). */
  shareAtOrBelowZero: number;
  replicates: number;
}

/**
 * Paired bootstrap of AUC(a) − AUC(b) (Efron & Tibshirani 1993, ch. 13, percentile interval): resample
 * customers with replacement, both scores of a customer together. Each replicate is a weighted AUC
 * over sorts done once, so a replicate costs O(n).
 */
export function pairedBootstrapAuc(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  options: { replicates?: number; seed?: number; level?: number } = {},
): PairedDifference {
  return pairedBootstrapAucs([{ a, b }], labels, options)[0];
}

/** Several paired comparisons on the same bootstrap replicates (one resampling serves them all). */
export function pairedBootstrapAucs(
  pairs: readonly { a: ArrayLike<number>; b: ArrayLike<number> }[],
  labels: ArrayLike<boolean>,
  options: { replicates?: number; seed?: number; level?: number } = {},
): PairedDifference[] {
  const { replicates = 1000, seed = 1, level = 0.95 } = options;
  const n = labels.length;
  const prepared = pairs.map(({ a, b }) => [new RankedScores(a, labels), new RankedScores(b, labels)] as const);
  const rand = seededRandom(seed);
  const counts = new Float64Array(n);
  const differences = pairs.map(() => [] as number[]);
  for (let rep = 0; rep < replicates; rep++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(rand() * n)]++;
    prepared.forEach(([ra, rb], p) => {
      const d = ra.auc(counts) - rb.auc(counts);
      if (Number.isFinite(d)) differences[p].push(d);
    });
  }
  const tail = (1 - level) / 2;
  return prepared.map(([ra, rb], p) => {
    const sorted = differences[p].sort((x, y) => x - y);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)))];
    return {
      difference: ra.auc() - rb.auc(),
      low: at(tail),
      high: at(1 - tail),
      shareAtOrBelowZero: sorted.filter((d) => d <= 0).length / sorted.length,
      replicates: sorted.length,
    };
  });
}

/** Scores sorted once into tie groups, with labels in sorted order: a weighted AUC is then one pass over typed arrays. */
class RankedScores {
  private readonly order: Int32Array;
  private readonly positive: Uint8Array;
  /** Group g spans sorted positions groupStart[g] .. groupStart[g+1]. */
  private readonly groupStart: Int32Array;

  constructor(scores: ArrayLike<number>, labels: ArrayLike<boolean>) {
    this.order = sortByScore(scores);
    const n = this.order.length;
    this.positive = new Uint8Array(n);
    const starts: number[] = [];
    for (let pos = 0; pos < n; pos++) {
      const i = this.order[pos];
      this.positive[pos] = labels[i] ? 1 : 0;
      if (pos === 0 || scores[i] !== scores[this.order[pos - 1]]) starts.push(pos);
    }
    starts.push(n);
    this.groupStart = Int32Array.from(starts);
  }

  auc(weights?: Float64Array): number {
    const { order, positive, groupStart } = this;
    let negativesBelow = 0;
    let positives = 0;
    let u = 0;
    for (let g = 0; g + 1 < groupStart.length; g++) {
      let groupPositives = 0;
      let groupNegatives = 0;
      for (let pos = groupStart[g]; pos < groupStart[g + 1]; pos++) {
        const w = weights === undefined ? 1 : weights[order[pos]];
        if (positive[pos] === 1) groupPositives += w;
        else groupNegatives += w;
      }
      u += groupPositives * (negativesBelow + 0.5 * groupNegatives);
      negativesBelow += groupNegatives;
      positives += groupPositives;
    }
    return positives > 0 && negativesBelow > 0 ? u / (positives * negativesBelow) : NaN;
  }
}

