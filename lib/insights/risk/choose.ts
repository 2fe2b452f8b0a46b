// One fitted model per book, chosen by a backtest on the book's own history (issue 13): fit every candidate on all
// but the last `horizonDays` of each account's order data, predict P(an order in those days), keep the candidate with
// the lowest Brier score over every account (a proper score: it rewards ranking and calibration alike, and one-order
// accounts count), and take the level thresholds from the same backtest so that "high" means a stated precision on
// the user's own orders. Candidates: BG/NBD (Fader, Hardie & Lee 2005), MBG/CNBD-k (Reutterer, Platzer & Schröder
// 2021, IJRM 38(1); BG/NBD with Erlang-k gaps, which rewards regular reorder cycles) and the two-segment BG/NBD +
// Pareto/NBD mixture (bgParetoMixture.ts: one segment drops out after a purchase, the other at any time; on CDNOW it
// ranks and calibrates better than either model alone; offered up to MIXTURE_MAX_ROWS distinct histories, for its
// fit's cost). Pareto/NBD alone is left to `npm run validate`: its fit with a numerical gradient is slow, and where it
// would help the mixture holds it as a segment.
import { bgNbdPAlive, bgNbdPredictor, fitBgNbd, type BgNbdFit } from './bgNbd';
import { bgParetoMixtureForecaster, fitBgParetoMixture, type BgParetoMixtureFit } from './bgParetoMixture';
import { fitMbgCnbd, type CnbdRow, type MbgCnbdFit } from './mbgcnbd';
import { mbgCnbdPredictor } from './mbgcnbdPredict';
import { auc, brierScore, sortByScore } from './metrics';
import { bgNbdPActive } from './pActive';
import { outcomeGroups, predictRows, weightedOutcomes, type OutcomeGroups, type WeightedOutcomes } from './outcomeGroups';
import type { FitRows } from './rows';
import { groupBookOrders, splitColumns, type BookOrder } from './split';
import type { PurchaseDays } from './summary';

export type FittedModel = 'bgnbd' | 'mbgcnbd' | 'bgpareto';

/**
 * The mixture is offered on books of at most this many distinct (x, t_x, T) histories in the backtest: its fit costs
 * about 30 µs per distinct history (~150 evaluations of 9 parameters), twice over when chosen (backtest, then the
 * refit on everything), so a book of a million accounts over the day-level history of the risk bench (62,000
 * distinct rows in the backtest, 106,000 in the refit) would take ~5 s more than the 5 s its whole scoring may take.
 * CDNOW has 7,053; the simulated 5,000-account B2B book 4,722. Larger books choose between BG/NBD and MBG/CNBD-k.
 */
export const MIXTURE_MAX_ROWS = 20_000;
export const SHIPPED_CANDIDATES: readonly FittedModel[] = ['bgnbd', 'mbgcnbd', 'bgpareto'];

export type BookFit = { model: 'bgnbd'; fit: BgNbdFit } | { model: 'mbgcnbd'; fit: MbgCnbdFit } | { model: 'bgpareto'; fit: BgParetoMixtureFit };

export function fitModel(model: FittedModel, rows: FitRows<CnbdRow>): BookFit {
  if (model === 'bgpareto') return { model, fit: fitBgParetoMixture(rows) };
  return model === 'bgnbd' ? { model, fit: fitBgNbd(rows) } : { model, fit: fitMbgCnbd(rows) };
}

/** The model's name as a rep or a validation table reads it. */
export function modelLabel(fit: BookFit): string {
  if (fit.model === 'bgpareto') return 'BG/NBD + Pareto/NBD mixture';
  return fit.model === 'bgnbd' ? 'BG/NBD' : `MBG/CNBD-k (k=${fit.fit.k})`;
}

export interface Forecast {
  pAlive: number;
  /** P(at least one order in the horizon). */
  pActive: number;
  /** Expected orders in the horizon. */
  expected: number;
}

/** Forecasts over `horizon` (in the fit's unit) for many accounts. */
export function forecaster(book: BookFit, horizon: number): (row: CnbdRow) => Forecast {
  if (book.model === 'bgpareto') {
    const forecast = bgParetoMixtureForecaster(book.fit, horizon);
    return (row) => forecast(row.frequency, row.recency, row.T);
  }
  if (book.model === 'mbgcnbd') {
    const predictor = mbgCnbdPredictor(book.fit, horizon, book.fit.variant);
    return (row) => ({
      pAlive: predictor.pAlive(row.frequency, row.recency, row.T),
      pActive: predictor.pActive(row.frequency, row.recency, row.T),
      expected: predictor.expected(row.frequency, row.recency, row.T),
    });
  }
  const fit = book.fit;
  const expected = bgNbdPredictor(fit, horizon);
  return (row) => ({
    pAlive: bgNbdPAlive(fit, row.frequency, row.recency, row.T),
    pActive: bgNbdPActive(fit, horizon, row.frequency, row.recency, row.T),
    expected: expected(row.frequency, row.recency, row.T),
  });
}

/** P(at least one order in the horizon) alone, for many accounts: what the backtest scores (no P(alive) or expected orders). */
export function pActiveOver(book: BookFit, horizon: number): (row: CnbdRow) => number {
  if (book.model === 'bgpareto') {
    const forecast = bgParetoMixtureForecaster(book.fit, horizon);
    return (row) => forecast(row.frequency, row.recency, row.T).pActive;
  }
  if (book.model === 'mbgcnbd') {
    const predictor = mbgCnbdPredictor(book.fit, horizon, book.fit.variant);
    return (row) => predictor.pActive(row.frequency, row.recency, row.T);
  }
  const fit = book.fit;
  return (row) => bgNbdPActive(fit, horizon, row.frequency, row.recency, row.T);
}

/** E[orders in (T, T+t]] for many accounts (t in the fit's unit), the predictor built once: the year figures. */
export function expectedOrdersOver(book: BookFit, t: number): (row: CnbdRow) => number {
  if (book.model === 'bgpareto') {
    const forecast = bgParetoMixtureForecaster(book.fit, t);
    return (row) => forecast(row.frequency, row.recency, row.T).expected;
  }
  if (book.model === 'bgnbd') {
    const predict = bgNbdPredictor(book.fit, t);
    return (row) => predict(row.frequency, row.recency, row.T);
  }
  const predictor = mbgCnbdPredictor(book.fit, t, book.fit.variant);
  return (row) => predictor.expected(row.frequency, row.recency, row.T);
}

export interface FlagThreshold {
  /** Flag an account when P(active) ≤ this (−Infinity: flag nobody). */
  atOrBelow: number;
  /** Share of the flagged that placed no order in the horizon. */
  precision: number;
  /** Share of the accounts without an order in the horizon that were flagged. */
  recall: number;
  flagged: number;
}

/**
 * The most inclusive cut on P(active) whose flagged set (P ≤ cut) still has at least `targetPrecision`
 * of accounts that placed no order; ties are never split. With fewer than `minFlagged` accounts at
 * the target, nobody is flagged. `weights`: how many accounts each case stands for (whole numbers; default 1).
 */
export function thresholdForPrecision(pActive: ArrayLike<number>, bought: ArrayLike<boolean>, targetPrecision: number, minFlagged = 10, weights?: ArrayLike<number>): FlagThreshold {
  const order = sortByScore(pActive);
  let lapsedTotal = 0;
  for (let i = 0; i < bought.length; i++) if (!bought[i]) lapsedTotal += weights ? weights[i] : 1;
  let best: FlagThreshold = { atOrBelow: -Infinity, precision: NaN, recall: 0, flagged: 0 };
  let lapsed = 0;
  let flagged = 0;
  for (let pos = 0; pos < order.length; ) {
    const value = pActive[order[pos]];
    while (pos < order.length && pActive[order[pos]] === value) {
      const w = weights ? weights[order[pos]] : 1;
      if (!bought[order[pos]]) lapsed += w;
      flagged += w;
      pos++;
    }
    const precision = lapsed / flagged;
    if (flagged >= minFlagged && precision >= targetPrecision) best = { atOrBelow: value, precision, recall: lapsedTotal > 0 ? lapsed / lapsedTotal : 0, flagged };
  }
  return best;
}

/** Precision and recall of a given flag rule on outcomes (`weights`: accounts per case, whole numbers; default 1). */
export function flagQuality(flagged: ArrayLike<boolean>, bought: ArrayLike<boolean>, weights?: ArrayLike<number>): Omit<FlagThreshold, 'atOrBelow'> {
  let count = 0;
  let hits = 0;
  let lapsedTotal = 0;
  for (let i = 0; i < bought.length; i++) {
    const w = weights ? weights[i] : 1;
    if (!bought[i]) lapsedTotal += w;
    if (flagged[i]) {
      count += w;
      if (!bought[i]) hits += w;
    }
  }
  return { precision: count > 0 ? hits / count : NaN, recall: lapsedTotal > 0 ? hits / lapsedTotal : 0, flagged: count };
}

export interface CandidateScore {
  model: FittedModel;
  label: string;
  brierAll: number;
  aucAll: number;
  aucRepeat: number;
}

export interface ModelChoiceByBacktest {
  chosen: FittedModel;
  /** The day the inner backtest's holdout starts for most accounts (their as-of day − the horizon), a day number. */
  cutoffDay: number;
  horizonDays: number;
  candidates: CandidateScore[];
  /** Accounts in the inner backtest, and how many of them placed no order in the holdout. */
  accounts: number;
  lapsed: number;
  /** Precision asked of "high" and of "high or watch". */
  targets: { high: number; watch: number };
  high: FlagThreshold;
  watch: FlagThreshold;
}

export interface ChooseOptions {
  /** The last day each account's order data can see (a day number). */
  endDayOf: (accountId: string) => number;
  horizonDays?: number;
  models?: readonly FittedModel[];
  /** "high" means at least this share of the flagged place no order in the horizon (raised where most accounts are quiet anyway). */
  highPrecision?: number;
  watchPrecision?: number;
  /** Fewest flagged accounts a threshold may rest on. */
  minFlagged?: number;
}

const NO_FIT = 'no model could be fitted to this book';

/** Accounts and repeat buyers an inner backtest needs before its choice and thresholds mean anything. */
export const MIN_BACKTEST = { accounts: 20, repeatBuyers: 5 } as const;

/**
 * The choice and the thresholds; throws a RangeError when the book's history is too short or too small for a
 * backtest (the caller then fits BG/NBD on everything and says that the track record cannot be checked yet).
 */
export function chooseModelByBacktest(book: readonly BookOrder[] | PurchaseDays, options: ChooseOptions): ModelChoiceByBacktest {
  const { endDayOf, horizonDays = 90, models = SHIPPED_CANDIDATES, highPrecision = 0.8, watchPrecision = 0.5, minFlagged = 5 } = options;
  const grouped = Array.isArray(book) ? groupBookOrders(book as readonly BookOrder[]) : (book as PurchaseDays);
  const split = splitColumns(grouped, { endDayOf, horizonDays, unit: 'weeks' });
  const accounts = split.customerIds.length;
  let repeatBuyers = 0;
  for (let i = 0; i < accounts; i++) if (split.frequency[i] > 0) repeatBuyers++;
  if (accounts < MIN_BACKTEST.accounts || repeatBuyers < MIN_BACKTEST.repeatBuyers) {
    throw new RangeError(`too little history for a backtest: ${accounts} accounts older than ${horizonDays} days, ${repeatBuyers} of them repeat buyers`);
  }
  // Fits and predictions on the distinct calibration rows, metrics on their counts (outcomeGroups.ts): the same
  // figures as per account, for a fraction of the work on a large book.
  let groups: OutcomeGroups;
  try {
    groups = outcomeGroups(split, split.bought);
  } catch {
    throw new RangeError(NO_FIT); // rows no candidate can be fitted to
  }
  const scored: (CandidateScore & { outcomes: WeightedOutcomes })[] = [];
  for (const model of models) {
    if (model === 'bgpareto' && groups.rows.size > MIXTURE_MAX_ROWS) continue; // too costly to fit here (see MIXTURE_MAX_ROWS)
    let book: BookFit;
    try {
      book = fitModel(model, groups.rows);
    } catch {
      continue; // a degenerate fit leaves the candidate out
    }
    const pActive = predictRows(groups.rows, pActiveOver(book, split.horizon));
    if (!pActive.every(Number.isFinite)) continue;
    const outcomes = weightedOutcomes(groups, pActive);
    const repeat = weightedOutcomes(groups, pActive, true);
    scored.push({
      model,
      label: modelLabel(book),
      brierAll: brierScore(pActive, split.bought, groups.rows.rowOf),
      aucAll: auc(outcomes.scores, outcomes.bought, outcomes.weights),
      aucRepeat: auc(repeat.scores, repeat.bought, repeat.weights),
      outcomes,
    });
  }
  if (!scored.length) throw new RangeError(NO_FIT);
  const best = scored.reduce((p, q) => (q.brierAll < p.brierAll ? q : p));
  // Where most accounts go quiet anyway (retail: 82% of CDNOW places no order in 90 days), a fixed precision would
  // flag everyone: ask at least halfway (high) and a quarter of the way (watch) from the base rate to certainty.
  const lapsed = split.bought.filter((b) => !b).length;
  const baseRate = lapsed / split.bought.length;
  const targets = { high: Math.max(highPrecision, baseRate + (1 - baseRate) / 2), watch: Math.max(watchPrecision, baseRate + (1 - baseRate) / 4) };
  const ends = new Map<number, number>();
  for (const id of split.customerIds) ends.set(endDayOf(id), (ends.get(endDayOf(id)) ?? 0) + 1);
  const commonEnd = [...ends].reduce((p, q) => (q[1] > p[1] ? q : p))[0];
  return {
    chosen: best.model,
    cutoffDay: commonEnd - horizonDays,
    horizonDays,
    candidates: scored.map(({ outcomes: _, ...score }) => score),
    accounts,
    lapsed,
    targets,
    high: levelCut(best.outcomes, targets.high, minFlagged),
    watch: levelCut(best.outcomes, targets.watch, minFlagged),
  };
}

/**
 * The cut for a level: the backtest's most inclusive cut at the target precision, but never above 1 − target, so that
 * a flagged account is one the model itself gives at most a (1 − target) chance of an order — a level never
 * contradicts the probability shown beside it. When the backtest cannot place a cut (too few accounts stopped in its
 * holdout), the model's own probability decides (1 − target). Precision and recall are those of the final cut.
 */
function levelCut({ scores, bought, weights }: WeightedOutcomes, target: number, minFlagged: number): FlagThreshold {
  const found = thresholdForPrecision(scores, bought, target, minFlagged, weights).atOrBelow;
  const atOrBelow = Number.isFinite(found) ? Math.min(found, 1 - target) : 1 - target;
  return { atOrBelow, ...flagQuality(Array.from(scores, (p) => p <= atOrBelow), bought, weights) };
}
