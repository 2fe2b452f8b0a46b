// Lapse risk per account: one fitted model per book (choose.ts: BG/NBD or MBG/CNBD-k, whichever predicted the book's
// own last 90 days better), every account scored as of the day its order data is complete to, levels from the
// thresholds the same backtest found. Gamma-Gamma says what an order is worth; the usual gap between orders puts the
// silence in words a rep can check against their own memory of the account. No clock: "today" and every as-of day
// are passed in.
import type { LapseRisk, RiskModel } from '../../model/insight';
import { dayToIso, toDayNumber } from '../../model/days';
import { forecastEveryAccount } from './bookFigures';
import { chooseModelByBacktest, MIN_BACKTEST, type FlagThreshold, type ModelChoiceByBacktest } from './choose';
import { RiskScores, type LevelCode, type SegmentScores } from './riskScores';
import { PurchaseDaysBuilder, purchaseDaysUpTo, type PurchaseDays } from './summary';

export interface AccountOrder {
  accountId: string;
  /** yyyy-mm-dd */
  date: string;
  amount: number;
  currency?: string;
}

export interface ScoreAccountsOptions {
  /** yyyy-mm-dd: the day of the scoring run; orders after it are ignored. */
  today: string;
  /**
   * The day each account's order data is complete to (yyyy-mm-dd), from its source's as-of date. Silence is measured
   * to it and orders after it are ignored. Default: the newest order of the book, or today if that is later.
   */
  asOf?: string | ((accountId: string) => string | undefined);
  /** Timestamp stored with each score; defaults to `today`. */
  scoredAt?: string;
  /**
   * The population an account belongs to (its order source): each gets a model of its own, so that importing 5,000
   * unrelated customers never moves the probabilities of accounts whose data did not change. Sources too small for a
   * backtest are pooled with the largest.
   */
  segmentOf?: (accountId: string) => string;
}

export interface BookScores {
  /** Every account's figures as columns; a LapseRisk is made when asked for (at, toArray, iteration). */
  scores: RiskScores;
  model: RiskModel;
}

export const HORIZON_DAYS = 90;
const YEAR_DAYS = 365;

/** Precision "high" and "watch" must reach in the backtest (raised on books where most accounts are quiet anyway). */
export const LEVEL_PRECISION = { high: 0.8, watch: 0.5 } as const;

export function scoreAccounts(orders: readonly AccountOrder[], options: ScoreAccountsOptions): LapseRisk[] {
  return scoreBook(orders, options).scores.toArray();
}

/**
 * Every account's lapse risk and the book's model: which one, why, and its track record on the book's own orders.
 * The book is its orders, or their purchase days already grouped by account (PurchaseDaysBuilder: a large book
 * streamed in, never held as order objects; its `currencies` give each score's currency).
 */
export function scoreBook(book: readonly AccountOrder[] | PurchaseDays, options: ScoreAccountsOptions): BookScores {
  const today = toDayNumber(options.today);
  const scoredAt = options.scoredAt ?? options.today;
  // Each order's date is read once, here: everything after works on purchase days grouped by account (typed arrays).
  const grouped = isOrderList(book) ? accountPurchaseDays([book], today) : book;
  const endDayOf = asOfDays(grouped, today, options.asOf);
  const segments = segmentsOf(grouped, options.segmentOf);
  const parts = segments.map((segment) => ({ id: segment.id, ...scoreSegment(grouped, segment.customers, endDayOf, scoredAt) }));
  const scores = new RiskScores(parts.flatMap((part) => (part.scores ? [part.scores] : [])));
  if (parts.length <= 1) return { scores, model: parts[0]?.model ?? { ...NO_ORDERS } };
  const accounts = (part: (typeof parts)[number]) => part.scores?.grouped.customerIds.length ?? 0;
  const main = parts.reduce((p, q) => (accounts(q) > accounts(p) ? q : p));
  return {
    scores,
    model: { ...main.model, segments: parts.map((part) => ({ id: part.id, accounts: accounts(part), label: part.model.label, chosenBy: part.model.chosenBy })) },
  };
}

const NO_ORDERS: RiskModel = { label: 'none', chosenBy: 'no-orders', horizonDays: HORIZON_DAYS };

const isOrderList = (book: readonly AccountOrder[] | PurchaseDays): book is readonly AccountOrder[] => Array.isArray(book);

/**
 * The orders on or before `today` (a day number), grouped by account and day; each account's currency is that of its
 * first order. The orders are read chunk by chunk (a database's order buckets, one after the other): never concatenated.
 */
export function accountPurchaseDays(chunks: Iterable<readonly AccountOrder[]>, today: number): PurchaseDays {
  const builder = new PurchaseDaysBuilder(today, Array.isArray(chunks) ? chunks.reduce((n, chunk) => n + chunk.length, 0) : undefined);
  for (const orders of chunks) for (const order of orders) builder.addOrder(order.accountId, order.date, order.amount, order.currency);
  return builder.build();
}

/**
 * The accounts of each population (indices into `grouped`, in the order they first appear); a population too small
 * for a backtest joins the largest. `customers` undefined: every account.
 */
function segmentsOf(grouped: PurchaseDays, segmentOf: ScoreAccountsOptions['segmentOf']): { id: string; customers?: readonly number[] }[] {
  if (!segmentOf) return [{ id: 'book' }];
  const byId = new Map<string, number[]>();
  grouped.customerIds.forEach((accountId, k) => {
    const id = segmentOf(accountId);
    const customers = byId.get(id);
    if (customers) customers.push(k);
    else byId.set(id, [k]);
  });
  const all = [...byId].sort((p, q) => q[1].length - p[1].length);
  const [largest, ...rest] = all;
  if (!largest) return [];
  const kept = [largest];
  for (const segment of rest) {
    if (segment[1].length >= MIN_BACKTEST.accounts) kept.push(segment);
    else largest[1].push(...segment[1]);
  }
  return kept.map(([id, customers]) => ({ id, customers }));
}

/** One segment's scores (undefined: no account has an order up to its as-of day) and its model. */
function scoreSegment(all: PurchaseDays, customers: readonly number[] | undefined, endDayOf: (accountId: string) => number, scoredAt: string): { scores?: SegmentScores; model: RiskModel } {
  // Each account's days up to its own as-of day: the data of its source cannot vouch for the days after it.
  const grouped = purchaseDaysUpTo(all, customers, endDayOf);
  if (!grouped.customerIds.length) return { model: { ...NO_ORDERS } };
  const asOf = Int32Array.from(grouped.customerIds, endDayOf);

  let choice: ModelChoiceByBacktest | undefined;
  let whyNoBacktest: string | undefined;
  try {
    choice = chooseModelByBacktest(grouped, { endDayOf, horizonDays: HORIZON_DAYS, highPrecision: LEVEL_PRECISION.high, watchPrecision: LEVEL_PRECISION.watch });
  } catch (error) {
    whyNoBacktest = (error as Error).message;
  }
  const part: SegmentScores = { grouped, asOf, scoredAt, horizonDays: HORIZON_DAYS };
  const figures = forecastEveryAccount(grouped, asOf, choice ? [choice.chosen, 'bgnbd'] : ['bgnbd', 'mbgcnbd'], HORIZON_DAYS);
  if (!figures) return { scores: part, model: { label: 'none', chosenBy: 'no-fit', horizonDays: HORIZON_DAYS, ...(whyNoBacktest ? { note: whyNoBacktest } : {}) } };

  const { label, pAlive, pActive, expected, orderValue, ordersInAYearIfActive } = figures;
  const thresholds = choice ? { high: choice.high.atOrBelow, watch: choice.watch.atOrBelow } : calibratedThresholds(pActive);
  const { customerIds, days, totals, start } = grouped;
  const n = customerIds.length;
  // Two of the forecast's columns are spent once read (entry k is read before it is written): what an order is worth
  // becomes the median gap, orders in a year the annual value.
  part.figures = { model: label, level: new Uint8Array(n), pAlive, pActive, expected, annualValue: ordersInAYearIfActive, medianGapDays: orderValue, yearBeforeLastOrder: new Float64Array(n) };
  const { level, annualValue: annual, medianGapDays, yearBeforeLastOrder: yearBefore } = part.figures;
  const gaps = new Float64Array(maxDays(start) + 1);
  for (let k = 0; k < n; k++) {
    const from = start[k];
    const to = start[k + 1];
    const asOfDay = asOf[k];
    for (let i = from + 1; i < to; i++) gaps[i - from - 1] = days[i] - days[i - 1];
    // What is at stake: the spend of the twelve months up to the data's date, the figure a rep can check in the ERP.
    // Younger accounts: a year at the pace the model expects while it keeps buying.
    let lastTwelveMonths = 0;
    let yearBeforeLastOrder = 0;
    for (let i = from; i < to; i++) {
      if (days[i] > asOfDay - YEAR_DAYS) lastTwelveMonths += totals[i];
      if (days[i] > days[to - 1] - YEAR_DAYS) yearBeforeLastOrder += totals[i];
    }
    const fullYear = asOfDay - days[from] >= YEAR_DAYS - 1;
    annual[k] = fullYear ? lastTwelveMonths : orderValue[k] * ordersInAYearIfActive[k];
    medianGapDays[k] = to - from > 1 ? medianOfFirst(gaps, to - from - 1) : 0;
    yearBefore[k] = yearBeforeLastOrder;
    level[k] = levelOf(pActive[k], thresholds);
  }
  return { scores: part, model: modelInfo(label, choice, thresholds, whyNoBacktest) };
}

type Thresholds = { high: number; watch: number };

/** The LEVEL_CODES index of the level: high, watch or low. */
function levelOf(pActive: number, t: Thresholds): LevelCode {
  if (pActive <= t.high) return 0;
  return pActive <= t.watch ? 1 : 2;
}

/**
 * Without a backtest (a young or small book), the model's own probabilities set the cut: an account is "high" when
 * the model gives it at most a (1 − target) chance of an order, so that a calibrated model's "high" has the target
 * precision; the targets rise with the book's expected share of quiet accounts, as in the backtest.
 */
function calibratedThresholds(pActive: Float64Array): Thresholds {
  const quiet = pActive.reduce((sum, p) => sum + (1 - p), 0) / pActive.length;
  const high = Math.max(LEVEL_PRECISION.high, quiet + (1 - quiet) / 2);
  const watch = Math.max(LEVEL_PRECISION.watch, quiet + (1 - quiet) / 4);
  return { high: 1 - high, watch: 1 - watch };
}

function modelInfo(label: string, choice: ModelChoiceByBacktest | undefined, thresholds: Thresholds, whyNoBacktest: string | undefined): RiskModel {
  if (!choice) return { label, chosenBy: 'too-little-history', horizonDays: HORIZON_DAYS, thresholds, ...(whyNoBacktest ? { note: whyNoBacktest } : {}) };
  const record = (t: FlagThreshold) => ({ flagged: t.flagged, precision: Number.isFinite(t.precision) ? t.precision : 0, recall: t.recall });
  return {
    label,
    chosenBy: 'backtest',
    horizonDays: HORIZON_DAYS,
    thresholds,
    candidates: choice.candidates.map((c) => ({ label: c.label, brier: c.brierAll, aucAll: finiteOrNull(c.aucAll), aucRepeat: finiteOrNull(c.aucRepeat) })),
    trackRecord: {
      from: dayToIso(choice.cutoffDay),
      accounts: choice.accounts,
      stopped: choice.lapsed,
      targets: choice.targets,
      high: record(choice.high),
      watch: record(choice.watch),
    },
  };
}

/** The as-of day of each account (a day number), never after today. */
function asOfDays(grouped: PurchaseDays, today: number, asOf: ScoreAccountsOptions['asOf']): (accountId: string) => number {
  let newest = -Infinity;
  const { days } = grouped;
  for (let i = 0; i < days.length; i++) if (days[i] > newest && days[i] <= today) newest = days[i];
  const bookDefault = Number.isFinite(newest) ? newest : today;
  if (typeof asOf === 'string') {
    const day = Math.min(today, toDayNumber(asOf));
    return () => day;
  }
  if (!asOf) return () => bookDefault;
  const cache = new Map<string, number>();
  return (id) => {
    let day = cache.get(id);
    if (day === undefined) {
      const given = asOf(id);
      cache.set(id, (day = given ? Math.min(today, toDayNumber(given)) : bookDefault));
    }
    return day;
  };
}

/** The most purchase days any account has. */
function maxDays(start: Int32Array): number {
  let most = 0;
  for (let k = 0; k + 1 < start.length; k++) most = Math.max(most, start[k + 1] - start[k]);
  return most;
}

/** The median of the first `count` entries of `values`, which it sorts in place (insertion sort: a handful of gaps). */
function medianOfFirst(values: Float64Array, count: number): number {
  if (count > 64) values.subarray(0, count).sort();
  else
    for (let i = 1; i < count; i++) {
      const v = values[i];
      let j = i - 1;
      for (; j >= 0 && values[j] > v; j--) values[j + 1] = values[j];
      values[j + 1] = v;
    }
  const mid = count >> 1;
  return count % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
