// Backtest of lapse-risk models on a book's own history: split the order log at a calibration date,
// fit every model on the orders up to it, predict the holdout that follows, and score the predictions
// against what the customers did. Pure: dates are passed in, nothing reads the clock or does I/O.
//
// What is scored (per customer of the calibration cohort: first order on or before the calibration end):
// - the outcome: "bought in the holdout" = at least one order day in (calibration end, holdout end];
//   purchases = distinct order days in the holdout (same-day orders are one purchase, as in summary.ts);
// - AUC (Mann-Whitney, ties count one half) of a ranking score for that outcome, over all customers
//   and over repeat buyers (two or more order days in the calibration period);
// - Brier score, mean (p − outcome)², of a probability against the same outcome. Two probabilities
//   are scored: P(alive) at the calibration end — the "chance it is still an active buyer" a user is
//   shown — which may be alive yet silent for the holdout, so it is not calibrated for this outcome;
//   and P(active) = P(at least one purchase in the holdout), the model's own probability of exactly
//   the outcome scored;
// - MAE and RMSE of expected holdout purchases against actual purchases, and the predicted total.
import { scoreAccounts, type AccountOrder } from './accountRisk';
import { bgNbdExpectedPurchases, bgNbdPAlive, bgNbdPredictor, fitBgNbd, type BgNbdFit, type BgNbdParams } from './bgNbd';
import { dayToIso, toDayNumber } from '../../model/days';
import { fitMbgCnbd, mbgCnbdPredictor, sumLogGaps, type CnbdRow, type MbgCnbdFit } from './mbgcnbd';
import { fitParetoNbd, paretoNbdExpectedPurchases, paretoNbdPAlive, type ParetoNbdFit, type ParetoNbdParams } from './paretoNbd';
import { daysPerUnit, groupPurchaseDays, type TimeUnit } from './summary';

// ---------------------------------------------------------------------------------------------
// Metrics

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

/** Indices ordered by ascending score. */
export function sortByScore(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  order.sort((p, q) => scores[p] - scores[q]);
  return order;
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

/** Mean squared difference between probabilities and 0/1 outcomes. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += (probabilities[i] - (labels[i] ? 1 : 0)) ** 2;
  return probabilities.length > 0 ? sum / probabilities.length : NaN;
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

// ---------------------------------------------------------------------------------------------
// Pareto/NBD P(at least one purchase in (T, T+t])

/**
 * Given alive at T, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T) independently (the alive term of the
 * Pareto/NBD likelihood is λ^x e^{−(λ+μ)T}). No purchase in (T, T+t] either because the customer
 * outlives t without one, e^{−(λ+μ)t}, or dies first, μ/(λ+μ)·(1 − e^{−(λ+μ)t}) = ∫₀ᵗ μ e^{−(λ+μ)v} dv.
 * Taking expectations: P(none | alive) = (α'/(α'+t))^R (β'/(β'+t))^s + ∫₀ᵗ h(v) dv,
 * h(v) = (s/β')(β'/(β'+v))^{s+1}(α'/(α'+v))^R, R = r+x, α' = α+T, β' = β+T (our derivation; h is
 * smooth and decreasing, integrated by Gauss-Legendre on geometrically growing pieces).
 */
export function paretoNbdPActive(params: ParetoNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  return paretoNbdPAlive(params, frequency, recency, T) * (1 - paretoNbdQuietIfAlive(params, t, frequency, T));
}

function paretoNbdQuietIfAlive({ r, alpha, s, beta }: ParetoNbdParams, t: number, x: number, T: number): number {
  const R = r + x;
  const a1 = alpha + T;
  const b1 = beta + T;
  const h = (v: number) => (s / b1) * Math.exp(-(s + 1) * Math.log1p(v / b1) - R * Math.log1p(v / a1));
  const survive = Math.exp(-R * Math.log1p(t / a1) - s * Math.log1p(t / b1));
  // h falls by a factor e on the scale σ = 1/(−d ln h/dv at 0); Gauss-Legendre on [0, σ], [σ, 3σ], [3σ, 9σ], … up to t.
  const sigma = 1 / ((s + 1) / b1 + R / a1);
  let integral = 0;
  for (let lo = 0, hi = Math.min(t, sigma); ; lo = hi, hi = Math.min(t, hi * 3)) {
    integral += gaussLegendre8(h, lo, hi);
    if (hi >= t) break;
  }
  return Math.min(1, survive + integral);
}

// 8-point Gauss-Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun, Table 25.4).
const GL_NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

function gaussLegendre8(f: (v: number) => number, lo: number, hi: number): number {
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += GL_WEIGHTS[i] * (f(mid - half * GL_NODES[i]) + f(mid + half * GL_NODES[i]));
  return sum * half;
}

// ---------------------------------------------------------------------------------------------
// The split

export interface BookOrder {
  customerId: string;
  /** 'YYYY-MM-DD' (a time after it is ignored), 'YYYYMMDD' or a Date (its UTC day). */
  date: string | Date;
  amount?: number;
  currency?: string;
}

export interface BacktestSplit {
  customerIds: string[];
  /** Calibration summaries in the backtest's unit, litt included. */
  rows: (CnbdRow & { frequency: number; recency: number; T: number; litt: number })[];
  /** Distinct order days in the holdout. */
  holdoutPurchases: Float64Array;
  bought: boolean[];
  repeat: boolean[];
  /** Days from the last calibration order to the calibration end. */
  silenceDays: Float64Array;
  /** Length of the holdout in the unit. */
  horizon: number;
  unitDays: number;
}

/** Calibration summaries and holdout outcomes of the customers whose first order is on or before the calibration end. */
export function splitBook(orders: readonly BookOrder[], calibrationEnd: string, holdoutEnd: string, unit: TimeUnit = 'weeks'): BacktestSplit {
  const calibrationDay = toDayNumber(calibrationEnd);
  const holdoutDay = toDayNumber(holdoutEnd);
  if (!(holdoutDay > calibrationDay)) throw new RangeError('the holdout must end after the calibration end');
  const unitDays = daysPerUnit(unit);
  const grouped = groupPurchaseDays(orders, holdoutDay, (order) => order.customerId);
  const { customerIds, start, days } = grouped;
  const split: BacktestSplit = {
    customerIds: [],
    rows: [],
    holdoutPurchases: new Float64Array(customerIds.length),
    bought: [],
    repeat: [],
    silenceDays: new Float64Array(customerIds.length),
    horizon: (holdoutDay - calibrationDay) / unitDays,
    unitDays,
  };
  let n = 0;
  for (let k = 0; k < customerIds.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    if (days[from] > calibrationDay) continue;
    let cut = from;
    while (cut < to && days[cut] <= calibrationDay) cut++;
    const x = cut - from - 1;
    split.customerIds.push(customerIds[k]);
    split.rows.push({
      frequency: x,
      recency: (days[cut - 1] - days[from]) / unitDays,
      T: (calibrationDay - days[from]) / unitDays,
      litt: sumLogGaps(days, from, cut, unitDays),
    });
    split.holdoutPurchases[n] = to - cut;
    split.silenceDays[n] = calibrationDay - days[cut - 1];
    split.bought.push(to > cut);
    split.repeat.push(x > 0);
    n++;
  }
  split.holdoutPurchases = split.holdoutPurchases.slice(0, n);
  split.silenceDays = split.silenceDays.slice(0, n);
  return split;
}

// ---------------------------------------------------------------------------------------------
// Models

export type BacktestModel = 'bgnbd' | 'pareto' | 'mbgcnbd' | 'shipped' | 'recency';
export const BACKTEST_MODELS: readonly BacktestModel[] = ['bgnbd', 'pareto', 'mbgcnbd', 'shipped', 'recency'];

/** One model's predictions for every customer of the split; a missing array means the model gives none. */
export interface ModelPredictions {
  model: BacktestModel;
  label: string;
  /** Ranking score for "buys in the holdout" when the model has no probability (levels, recency). */
  rank?: Float64Array;
  pAlive?: Float64Array;
  pActive?: Float64Array;
  expected?: Float64Array;
  /** Which customers the model scores at all (the shipped score leaves one-order accounts without a probability). */
  covered?: boolean[];
  fitMs: number;
  note?: string;
}

export interface BacktestFits {
  bgnbd?: BgNbdFit;
  pareto?: ParetoNbdFit;
  mbgcnbd?: MbgCnbdFit;
}

export interface BacktestOptions {
  calibrationEnd: string;
  holdoutEnd: string;
  unit?: TimeUnit;
  models?: readonly BacktestModel[];
  /**
   * A clock for the fit-time figures (e.g. () => performance.now()); the logic itself never reads one.
   * Without it every fitMs is 0.
   */
  clock?: () => number;
}

export interface Backtest {
  split: BacktestSplit;
  fits: BacktestFits;
  predictions: ModelPredictions[];
  metrics: ModelMetrics[];
}

/** Level of the shipped score as a rank: higher = more likely to order again. */
const LEVEL_RANK: Record<string, number> = { high: 0, watch: 1, unknown: 1, low: 2 };

export function backtestBook(orders: readonly BookOrder[], options: BacktestOptions): Backtest {
  const { calibrationEnd, holdoutEnd, unit = 'weeks', models = BACKTEST_MODELS, clock = () => 0 } = options;
  const split = splitBook(orders, calibrationEnd, holdoutEnd, unit);
  const { rows, horizon } = split;
  const fits: BacktestFits = {};
  const predictions: ModelPredictions[] = [];
  const timed = <T>(work: () => T): [T, number] => {
    const started = clock();
    const result = work();
    return [result, clock() - started];
  };
  const each = (f: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, f);

  const labels: Record<BacktestModel, string> = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD', mbgcnbd: 'MBG/CNBD-k', shipped: 'shipped (accountRisk)', recency: 'naive: recency' };
  /** A model whose fit fails (a tiny or degenerate book) is reported without predictions instead of failing the backtest. */
  const attempt = (model: BacktestModel, work: () => void) => {
    try {
      work();
    } catch (error) {
      predictions.push({ model, label: labels[model], fitMs: 0, note: `fit failed: ${(error as Error).message}` });
    }
  };

  let bg: BgNbdFit | undefined;
  if (models.includes('bgnbd') || models.includes('shipped')) {
    attempt('bgnbd', () => {
      const [fit, fitMs] = timed(() => fitBgNbd(rows));
      bg = fits.bgnbd = fit;
      if (!models.includes('bgnbd')) return;
      const predictor = bgNbdPredictor(fit, horizon);
      predictions.push({
        model: 'bgnbd',
        label: labels.bgnbd,
        pAlive: each((row) => bgNbdPAlive(fit, row.frequency, row.recency, row.T)),
        pActive: each((row) => bgNbdPActive(fit, horizon, row.frequency, row.recency, row.T)),
        expected: each((row) => predictor(row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  if (models.includes('pareto')) {
    attempt('pareto', () => {
      const [fit, fitMs] = timed(() => fitParetoNbd(rows));
      fits.pareto = fit;
      const quiet = new Map<number, Map<number, number>>();
      predictions.push({
        model: 'pareto',
        label: labels.pareto,
        pAlive: each((row) => paretoNbdPAlive(fit, row.frequency, row.recency, row.T)),
        pActive: each((row) => {
          // The quiet-if-alive factor depends on (x, T) only.
          let byT = quiet.get(row.frequency);
          if (byT === undefined) quiet.set(row.frequency, (byT = new Map()));
          let q = byT.get(row.T);
          if (q === undefined) byT.set(row.T, (q = paretoNbdQuietIfAlive(fit, horizon, row.frequency, row.T)));
          return paretoNbdPAlive(fit, row.frequency, row.recency, row.T) * (1 - q);
        }),
        expected: each((row) => paretoNbdExpectedPurchases(fit, horizon, row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  if (models.includes('mbgcnbd')) {
    attempt('mbgcnbd', () => {
      const [fit, fitMs] = timed(() => fitMbgCnbd(rows));
      fits.mbgcnbd = fit;
      const predictor = mbgCnbdPredictor(fit, horizon);
      predictions.push({
        model: 'mbgcnbd',
        label: `MBG/CNBD-k (k=${fit.k})`,
        pAlive: each((row) => predictor.pAlive(row.frequency, row.recency, row.T)),
        pActive: each((row) => predictor.pActive(row.frequency, row.recency, row.T)),
        expected: each((row) => predictor.expected(row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  const bgFit = bg;
  if (models.includes('shipped') && bgFit) attempt('shipped', () => predictions.push(shippedPredictions(orders, split, bgFit, calibrationEnd, timed)));
  if (models.includes('recency')) {
    predictions.push({
      model: 'recency',
      label: labels.recency,
      // Fewer days of silence ranks higher; the forecast carries the past repeat rate forward.
      rank: Float64Array.from(split.silenceDays, (d) => -d),
      expected: each((row) => (row.T > 0 ? (row.frequency / row.T) * horizon : 0)),
      fitMs: 0,
      note: 'rank = −days since the last order; E = repeat purchases per unit of time so far × holdout',
    });
  }
  const metrics = predictions.map((p) => evaluate(p, split));
  return { split, fits, predictions, metrics };
}

/** BG/NBD P(at least one purchase in (T, T+t]) = P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)): given alive, the next purchase is the next Poisson event. */
export function bgNbdPActive(params: BgNbdParams, t: number, frequency: number, recency: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha } = params;
  return bgNbdPAlive(params, frequency, recency, T) * -Math.expm1(-(r + frequency) * Math.log1p(t / (alpha + T)));
}

/**
 * The shipped score (accountRisk.ts `scoreAccounts`, used as it is) as of the calibration end. Its
 * P(alive) is taken as given (none for one-order accounts); its expected orders over the holdout are
 * its own formula — BG/NBD's expectation given alive, times its P(alive) — at the holdout's length
 * (it reports them for 90 days and a year only; the 90-day figure is checked against the formula).
 */
function shippedPredictions(
  orders: readonly BookOrder[],
  split: BacktestSplit,
  bg: BgNbdParams,
  calibrationEnd: string,
  timed: <T>(work: () => T) => [T, number],
): ModelPredictions {
  const isoDays = new Map<number, string>();
  const isoOf = (date: string | Date) => {
    const day = toDayNumber(date);
    const known = isoDays.get(day);
    if (known !== undefined) return known;
    const text = dayToIso(day);
    isoDays.set(day, text);
    return text;
  };
  const accountOrders: AccountOrder[] = orders.map((order) => ({
    accountId: order.customerId,
    date: isoOf(order.date),
    amount: order.amount ?? 0,
    currency: order.currency,
  }));
  const today = dayToIso(toDayNumber(calibrationEnd));
  const [scores, fitMs] = timed(() => scoreAccounts(accountOrders, { today }));
  const byId = new Map(scores.map((score) => [score.accountId, score]));
  const n = split.rows.length;
  const rank = new Float64Array(n);
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const covered: boolean[] = new Array(n).fill(false);
  let worst90 = 0;
  const weeks = split.unitDays / 7;
  for (let i = 0; i < n; i++) {
    const score = byId.get(split.customerIds[i]);
    if (!score) throw new Error(`the shipped score left out account ${split.customerIds[i]}`);
    rank[i] = LEVEL_RANK[score.level];
    const row = split.rows[i];
    if (score.pAlive === undefined) {
      pAlive[i] = NaN;
      expected[i] = NaN;
      continue;
    }
    covered[i] = true;
    pAlive[i] = score.pAlive;
    // The shipped fit is in weeks; BG/NBD is equivariant in the time unit, so the split's fit serves.
    const x = row.frequency;
    const ifAlive = (t: number) => bgNbdExpectedPurchases(bg, t, x, row.recency, row.T) / bgNbdPAlive(bg, x, row.recency, row.T);
    expected[i] = ifAlive(split.horizon) * score.pAlive;
    if (score.expectedOrdersNext90 !== undefined) {
      const mine = ifAlive(90 / 7 / weeks) * score.pAlive;
      worst90 = Math.max(worst90, Math.abs(mine - score.expectedOrdersNext90) / Math.max(1, score.expectedOrdersNext90));
    }
  }
  return {
    model: 'shipped',
    label: 'shipped (accountRisk)',
    rank,
    pAlive,
    expected,
    covered,
    fitMs,
    note: `its 90-day expectation reproduced to ${worst90.toExponential(1)} (relative)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Metrics of one model

export interface SubsetMetrics {
  customers: number;
  /** AUC of each score the model has. */
  aucRank?: number;
  aucPAlive?: number;
  aucPActive?: number;
  aucExpected?: number;
  brierPAlive?: number;
  brierPActive?: number;
  mae?: number;
  rmse?: number;
  predictedTotal?: number;
  actualTotal: number;
}

export interface ModelMetrics {
  model: BacktestModel;
  label: string;
  all: SubsetMetrics;
  repeat: SubsetMetrics;
}

function evaluate(p: ModelPredictions, split: BacktestSplit): ModelMetrics {
  const subset = (keep: (i: number) => boolean): SubsetMetrics => {
    const index: number[] = [];
    for (let i = 0; i < split.rows.length; i++) if (keep(i)) index.push(i);
    const pick = (values: Float64Array) => Float64Array.from(index, (i) => values[i]);
    const labels = index.map((i) => split.bought[i]);
    const actual = pick(split.holdoutPurchases);
    // A score counts only where the model covers every customer of the subset.
    const complete = (values: Float64Array | undefined) => (values && index.every((i) => Number.isFinite(values[i])) ? pick(values) : undefined);
    const rank = complete(p.rank);
    const pAlive = complete(p.pAlive);
    const pActive = complete(p.pActive);
    const expected = complete(p.expected);
    const sum = (values: Float64Array) => values.reduce((acc, v) => acc + v, 0);
    return {
      customers: index.length,
      aucRank: rank && auc(rank, labels),
      aucPAlive: pAlive && auc(pAlive, labels),
      aucPActive: pActive && auc(pActive, labels),
      aucExpected: expected && auc(expected, labels),
      brierPAlive: pAlive && brierScore(pAlive, labels),
      brierPActive: pActive && brierScore(pActive, labels),
      mae: expected && meanAbsoluteError(expected, actual),
      rmse: expected && rootMeanSquaredError(expected, actual),
      predictedTotal: expected && sum(expected),
      actualTotal: sum(actual),
    };
  };
  return { model: p.model, label: p.label, all: subset(() => true), repeat: subset((i) => split.repeat[i]) };
}

// ---------------------------------------------------------------------------------------------
// Model choice and level thresholds by a backtest on the book's own history

export type FittedModel = 'bgnbd' | 'pareto' | 'mbgcnbd';

/** P(at least one purchase in the next `horizon` units) of every customer of `rows` under a fitted model. */
export function activeProbabilities(fits: BacktestFits, model: FittedModel, rows: readonly { frequency: number; recency: number; T: number }[], horizon: number): Float64Array {
  if (model === 'bgnbd' && fits.bgnbd) {
    const fit = fits.bgnbd;
    return Float64Array.from(rows, (row) => bgNbdPActive(fit, horizon, row.frequency, row.recency, row.T));
  }
  if (model === 'pareto' && fits.pareto) {
    const fit = fits.pareto;
    return Float64Array.from(rows, (row) => paretoNbdPActive(fit, horizon, row.frequency, row.recency, row.T));
  }
  if (model === 'mbgcnbd' && fits.mbgcnbd) {
    const predictor = mbgCnbdPredictor(fits.mbgcnbd, horizon);
    return Float64Array.from(rows, (row) => predictor.pActive(row.frequency, row.recency, row.T));
  }
  throw new RangeError(`no ${model} fit`);
}

export interface FlagThreshold {
  /** Flag a customer when P(active) ≤ this (−Infinity: flag nobody). */
  atOrBelow: number;
  /** Share of the flagged that placed no order in the horizon. */
  precision: number;
  /** Share of the customers without an order in the horizon that were flagged. */
  recall: number;
  flagged: number;
}

/**
 * The most inclusive cut on P(active) whose flagged set (P ≤ cut) still has at least `targetPrecision`
 * of customers that placed no order; ties are never split. With fewer than `minFlagged` customers at
 * the target, nobody is flagged.
 */
export function thresholdForPrecision(pActive: ArrayLike<number>, bought: ArrayLike<boolean>, targetPrecision: number, minFlagged = 10): FlagThreshold {
  const order = sortByScore(pActive);
  let lapsedTotal = 0;
  for (let i = 0; i < bought.length; i++) if (!bought[i]) lapsedTotal++;
  let best: FlagThreshold = { atOrBelow: -Infinity, precision: NaN, recall: 0, flagged: 0 };
  let lapsed = 0;
  for (let pos = 0; pos < order.length; ) {
    const value = pActive[order[pos]];
    while (pos < order.length && pActive[order[pos]] === value) {
      if (!bought[order[pos]]) lapsed++;
      pos++;
    }
    const precision = lapsed / pos;
    if (pos >= minFlagged && precision >= targetPrecision) best = { atOrBelow: value, precision, recall: lapsedTotal > 0 ? lapsed / lapsedTotal : 0, flagged: pos };
  }
  return best;
}

/** Precision and recall of a given flag rule on outcomes. */
export function flagQuality(flagged: ArrayLike<boolean>, bought: ArrayLike<boolean>): Omit<FlagThreshold, 'atOrBelow'> {
  let count = 0;
  let hits = 0;
  let lapsedTotal = 0;
  for (let i = 0; i < bought.length; i++) {
    if (!bought[i]) lapsedTotal++;
    if (flagged[i]) {
      count++;
      if (!bought[i]) hits++;
    }
  }
  return { precision: count > 0 ? hits / count : NaN, recall: lapsedTotal > 0 ? hits / lapsedTotal : 0, flagged: count };
}

export interface ModelChoiceByBacktest {
  chosen: FittedModel;
  /** Inner backtest: fit on the orders up to asOf − horizon, score the last `horizonDays`. */
  calibrationEnd: string;
  candidates: { model: FittedModel; label: string; brierAll: number; aucRepeat: number; aucAll: number }[];
  /** Share of the inner backtest's accounts that placed no order in the horizon. */
  baseRate: number;
  /** Precision asked of "high" and of "high or watch". */
  targets: { high: number; watch: number };
  high: FlagThreshold;
  watch: FlagThreshold;
  reason: string;
}

export interface ChooseOptions {
  /** The day the book's data is complete to, YYYY-MM-DD. */
  asOf: string;
  horizonDays?: number;
  models?: readonly FittedModel[];
  /** "high" means at least this share of the flagged place no order in the horizon (raised on books where most accounts are quiet anyway). */
  highPrecision?: number;
  watchPrecision?: number;
}

/**
 * The shape the shipped score should take (issue 13): on the book's own history, fit each candidate on
 * all but the last `horizonDays` and score those days; keep the model with the lowest Brier score of
 * P(order in the horizon) over all accounts (a proper score: it rewards ranking and calibration, and
 * every account, one-order accounts included, gets a probability); derive the level thresholds from the
 * same backtest so that "high" means a stated precision. The caller then refits the chosen model on
 * everything up to `asOf` and applies the thresholds to its P(active) over the same horizon.
 */
export function chooseModelByBacktest(orders: readonly BookOrder[], options: ChooseOptions): ModelChoiceByBacktest {
  const { asOf, horizonDays = 90, models = ['bgnbd', 'mbgcnbd'], highPrecision = 0.8, watchPrecision = 0.5 } = options;
  const calibrationEnd = dayToIso(toDayNumber(asOf) - horizonDays);
  const bt = backtestBook(orders, { calibrationEnd, holdoutEnd: asOf, models });
  const candidates = bt.metrics
    .filter((m): m is ModelMetrics & { model: FittedModel } => m.model !== 'shipped' && m.model !== 'recency')
    .map((m) => ({ model: m.model, label: m.label, brierAll: m.all.brierPActive ?? Infinity, aucRepeat: m.repeat.aucPActive ?? NaN, aucAll: m.all.aucPActive ?? NaN }));
  if (candidates.every((c) => !Number.isFinite(c.brierAll))) throw new RangeError('no model could be fitted');
  const best = candidates.reduce((p, q) => (q.brierAll < p.brierAll ? q : p));
  const pActive = bt.predictions.find((p) => p.model === best.model)!.pActive!;
  // Where most accounts go quiet anyway (retail: 82% of CDNOW places no order in 90 days), a fixed
  // precision would flag everyone: ask at least halfway (high) and a quarter of the way (watch) from
  // the base rate to certainty.
  const baseRate = bt.split.bought.filter((b) => !b).length / bt.split.bought.length;
  const highTarget = Math.max(highPrecision, baseRate + (1 - baseRate) / 2);
  const watchTarget = Math.max(watchPrecision, baseRate + (1 - baseRate) / 4);
  const high = thresholdForPrecision(pActive, bt.split.bought, highTarget);
  const watch = thresholdForPrecision(pActive, bt.split.bought, watchTarget);
  const others = candidates.filter((c) => c !== best).map((c) => `${c.label} ${c.brierAll.toFixed(4)}`).join(', ');
  return {
    chosen: best.model,
    calibrationEnd,
    candidates,
    baseRate,
    targets: { high: highTarget, watch: watchTarget },
    high,
    watch,
    reason: `lowest Brier score of P(order in the last ${horizonDays} days): ${best.label} ${best.brierAll.toFixed(4)}${others ? ` (${others})` : ''}`,
  };
}
