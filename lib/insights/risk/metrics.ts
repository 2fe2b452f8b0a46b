// Scores of a prediction against what customers did: AUC (ranking), Brier (probability), MAE and RMSE (counts).
// Pure; used by the model choice on the user's own book (choose.ts) and by `npm run validate`.

/**
 * Area under the ROC curve = P(score of a random positive > score of a random negative) + ½ P(tie)
 * (Mann-Whitney U / (n₊ n₋)), with optional case weights (a bootstrap's multiplicities). NaN when a
 * class is empty. O(n log n) for the sort; see `aucSorted` to reuse one sort.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<boolean>, weights?: ArrayLike<number>): number {
  if (weights) return aucSorted(sortByScore(scores), scores, labels, weights);
  // Unweighted: sort each class natively (no comparator) and merge, counting ties as one half.
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(labels.length - positives);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i]) pos[p++] = scores[i];
    else neg[q++] = scores[i];
  }
  if (pos.length === 0 || neg.length === 0) return NaN;
  pos.sort();
  neg.sort();
  let u = 0;
  let below = 0; // negatives with a smaller score
  let equal = 0; // negatives with the same score as the current positive
  for (let p = 0; p < pos.length; ) {
    const score = pos[p];
    while (below < neg.length && neg[below] < score) below++;
    equal = below;
    while (equal < neg.length && neg[equal] === score) equal++;
    let run = 0;
    while (p < pos.length && pos[p] === score) {
      run++;
      p++;
    }
    u += run * (below + 0.5 * (equal - below));
  }
  return u / (pos.length * neg.length);
}

/** Indices ordered by ascending score; equal scores keep their index order (a stable sort). */
export function sortByScore(scores: ArrayLike<number>): Int32Array {
  const n = scores.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_FROM || !LITTLE_ENDIAN || !radixSort(scores, order)) order.sort((p, q) => scores[p] - scores[q]);
  return order;
}

const RADIX_FROM = 4096;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * LSD radix sort of `order` (0..n−1) by score, 16 bits a pass over the doubles' bit patterns made monotonic (sign bit
 * flipped for positives, all bits for negatives; −0 read as 0): the same permutation as the stable comparison sort
 * (ECMAScript's sort is stable), in 4 linear passes instead of n log n comparisons. False when a score is NaN (the
 * comparison sort then decides, as it always did).
 */
function radixSort(scores: ArrayLike<number>, order: Int32Array): boolean {
  const n = order.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v !== v) return false;
    values[i] = v + 0; // −0 → 0: the comparison sort counts them equal
  }
  const bits = new Uint32Array(values.buffer);
  const keys = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const lo = bits[2 * i];
    const hi = bits[2 * i + 1];
    const negative = hi >>> 31 === 1;
    keys[2 * i] = negative ? ~lo >>> 0 : lo;
    keys[2 * i + 1] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
  }
  const count = new Int32Array(65536);
  let from: Int32Array = order;
  let to: Int32Array = new Int32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[2 * i + word] >>> shift) & 0xffff]++;
    if (count[(keys[word] >>> shift) & 0xffff] === n) continue; // every key has this digit: nothing to move
    for (let d = 0, sum = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let j = 0; j < n; j++) {
      const i = from[j];
      to[count[(keys[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    [from, to] = [to, from];
  }
  if (from !== order) order.set(from);
  return true;
}

/** AUC given the ascending order of the scores: one pass over tie groups. */
export function aucSorted(order: Int32Array, scores: ArrayLike<number>, labels: ArrayLike<boolean>, weights?: ArrayLike<number>): number {
  let negativesBelow = 0;
  let u = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    const score = scores[order[start]];
    let end = start;
    let groupPositives = 0;
    let groupNegatives = 0;
    while (end < order.length && scores[order[end]] === score) {
      const i = order[end];
      const w = weights ? weights[i] : 1;
      if (labels[i]) groupPositives += w;
      else groupNegatives += w;
      end++;
    }
    u += groupPositives * (negativesBelow + 0.5 * groupNegatives);
    negativesBelow += groupNegatives;
    positives += groupPositives;
    start = end;
  }
  return positives > 0 && negativesBelow > 0 ? u / (positives * negativesBelow) : NaN;
}

/**
 * Mean squared difference between probabilities and 0/1 outcomes. `indexOf`: case i's probability is
 * probabilities[indexOf[i]] (one probability per distinct row, shared by the cases of that row).
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<boolean>, indexOf?: ArrayLike<number>): number {
  const n = indexOf ? indexOf.length : probabilities.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((indexOf ? probabilities[indexOf[i]] : probabilities[i]) - (labels[i] ? 1 : 0)) ** 2;
  return n > 0 ? sum / n : NaN;
}

export function meanAbsoluteError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += Math.abs(predicted[i] - actual[i]);
  return predicted.length > 0 ? sum / predicted.length : NaN;
}

export function rootMeanSquaredError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += (predicted[i] - actual[i]) ** 2;
  return predicted.length > 0 ? Math.sqrt(sum / predicted.length) : NaN;
}
