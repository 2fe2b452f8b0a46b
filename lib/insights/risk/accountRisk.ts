// Lapse risk per account for the sidebar. How likely the account is still buying: its own order rhythm
// (Erlang-k gaps with a chance of an off-rhythm gap, regularity.ts) against a time-based dropout rate
// fitted over the whole book (Pareto/GGG-style lifetime, lifetime.ts), the purchase rate's prior from
// BG/NBD (fitted over all accounts, in weeks). BG/NBD's expectations, rescaled to that P(alive), give
// the orders to expect; Gamma-Gamma what an order is worth; the usual gap between orders turns all of
// it into words a rep can check against their own memory of the account.
import type { LapseRisk, RiskLevel } from '../../model/insight';
import { bgNbdExpectedPurchases, bgNbdPAlive, fitBgNbd, type BgNbdParams } from './bgNbd';
import { dayToIso, toDayNumber } from '../../model/days';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams } from './gammaGamma';
import { fitLifetime, lifetimePAlive, silenceEvidence, type LifetimeParams, type SilenceEvidence } from './lifetime';
import { erlangSilenceSurvival, offRhythmShare, regularityAdjustedPAlive, regularityOf, silenceSurvival } from './regularity';
import { groupPurchaseDays, summarizePurchaseDays, type CustomerSummary } from './summary';

export interface AccountOrder {
  accountId: string;
  /** yyyy-mm-dd */
  date: string;
  amount: number;
  currency?: string;
}

export interface ScoreAccountsOptions {
  /** yyyy-mm-dd; orders after it are ignored. */
  today: string;
  /** Timestamp stored with each score; defaults to `today`. */
  scoredAt?: string;
}

/**
 * Level thresholds. "high": under 30% chance the account is still buying, or silent for three usual
 * gaps while the model gives it less than even odds. "watch": below 60%, or silent for two usual gaps.
 * Three gaps matter because a steady buyer (orders every 3-4 weeks) almost never goes quiet that long
 * while still active (Poisson: e^-3 ≈ 5%), yet the model alone is lenient with long-standing buyers.
 */
export const LEVEL_THRESHOLDS = {
  highBelowPAlive: 0.3,
  highGapRatio: 3,
  highGapBelowPAlive: 0.5,
  watchBelowPAlive: 0.6,
  watchGapRatio: 2,
} as const;

export function lapseLevel(pAlive: number, gapRatio: number): Exclude<RiskLevel, 'unknown'> {
  const t = LEVEL_THRESHOLDS;
  if (pAlive < t.highBelowPAlive || (gapRatio >= t.highGapRatio && pAlive < t.highGapBelowPAlive)) return 'high';
  if (pAlive < t.watchBelowPAlive || gapRatio >= t.watchGapRatio) return 'watch';
  return 'low';
}

const WEEK = 7;
const HORIZON_DAYS = 90;
const YEAR_DAYS = 365;
const COHORT_WINDOW_DAYS = 90;
const MODEL_NAME = 'BG/NBD + gap regularity + lifetime + Gamma-Gamma';

interface FittedModels {
  bgNbd?: BgNbdParams;
  spend?: GammaGammaParams;
}

export function scoreAccounts(orders: readonly AccountOrder[], options: ScoreAccountsOptions): LapseRisk[] {
  const today = toDayNumber(options.today);
  const scoredAt = options.scoredAt ?? options.today;
  const grouped = groupPurchaseDays(orders, today, (order) => order.accountId);
  const rows = summarizePurchaseDays(grouped, today, WEEK);
  const models = fitModels(rows);
  const { start, days, totals } = grouped;
  const gaps = rows.map((_, k) => gapsOf(days, start[k], start[k + 1]));
  const pAlive = activeProbabilities(rows, gaps, models);
  const cohort = secondOrderCohort(start, days, today);
  const results: LapseRisk[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    const currency = orders[grouped.firstTransaction[k]].currency;
    const base = {
      accountId: grouped.customerIds[k],
      orderCount: to - from,
      lastOrderDate: dayToIso(days[to - 1]),
      daysSinceLastOrder: today - days[to - 1],
      currency,
      model: MODEL_NAME,
      scoredAt,
    };
    if (to - from < 2) {
      results[k] = oneOrderRisk(base, today - days[from], cohort);
      continue;
    }
    // What is at stake: the spend of the last twelve months, the figure a rep can check in the ERP
    // (demo/ scenario 1 is calibrated on it). Younger accounts get a year at their usual pace.
    // The year up to the last order says what a long-silent account was worth.
    const last = days[to - 1];
    let lastTwelveMonths = 0;
    let yearBeforeLastOrder = 0;
    for (let i = from; i < to; i++) {
      if (days[i] > today - YEAR_DAYS) lastTwelveMonths += totals[i];
      if (days[i] > last - YEAR_DAYS) yearBeforeLastOrder += totals[i];
    }
    const fullYear = today - days[from] >= YEAR_DAYS - 1;
    const spend = fullYear ? { lastTwelveMonths, yearBeforeLastOrder } : undefined;
    results[k] = repeatBuyerRisk(base, rows[k], gaps[k], spend, models, pAlive?.[k]);
  }
  return results;
}

/**
 * P(still an active buyer) per account: the account's own gap rhythm (regularity.ts) against a
 * time-based dropout fitted over the book (lifetime.ts). Falls back to MBG/CNBD-k with BG/NBD's
 * per-purchase dropout if the lifetime fit fails; undefined without a BG/NBD fit.
 */
function activeProbabilities(rows: readonly CustomerSummary[], gaps: readonly number[][], models: FittedModels): number[] | undefined {
  const bg = models.bgNbd;
  if (!bg) return undefined;
  const gapModels = gaps.map((own) => (own.length === 0 ? undefined : { k: regularityOf(own), offRhythm: offRhythmShare(own, median(own)) }));
  const evidence: SilenceEvidence[] = rows.map((row, k) => {
    const gapModel = gapModels[k];
    // One order only: no rhythm yet, BG/NBD's prior (α/(α+u))^r for the wait to a second order.
    const survival = gapModel
      ? (u: number) => silenceSurvival(bg, row.frequency, row.recency, u, gapModel)
      : (u: number) => erlangSilenceSurvival(bg, 0, 0, u, 1);
    return silenceEvidence(row.recency, row.T, survival);
  });
  let lifetime: LifetimeParams | undefined;
  try {
    const fit = fitLifetime(evidence);
    if (Number.isFinite(fit.s) && Number.isFinite(fit.beta) && fit.s > 0 && fit.beta > 0) lifetime = fit;
  } catch {
    // fall back below
  }
  return rows.map((row, k) => {
    if (lifetime) return lifetimePAlive(lifetime, evidence[k]);
    return regularityAdjustedPAlive(bg, row.frequency, row.recency, row.T, gapModels[k]?.k ?? 1);
  });
}

type RiskBase = Pick<LapseRisk, 'accountId' | 'orderCount' | 'lastOrderDate' | 'daysSinceLastOrder' | 'currency' | 'model' | 'scoredAt'>;

function repeatBuyerRisk(
  base: RiskBase,
  row: CustomerSummary,
  gaps: number[],
  spend: { lastTwelveMonths: number; yearBeforeLastOrder: number } | undefined,
  models: FittedModels,
  pAlive: number | undefined,
): LapseRisk {
  const gapDays = median(gaps);
  const daysSince = base.daysSinceLastOrder ?? 0;
  const gapRatio = daysSince / Math.max(gapDays, 1);
  const { frequency: x, recency, T } = row;
  const preSilenceRate = 1 / Math.max(gapDays, 1); // orders per day while it was buying
  const bg = models.bgNbd;
  // BG/NBD's expectation given alive (E / P(alive)), weighted by the regularity-aware P(alive).
  const poissonPAlive = bg ? bgNbdPAlive(bg, x, recency, T) : 1;
  const expected = (days: number) =>
    bg && pAlive !== undefined ? (bgNbdExpectedPurchases(bg, days / WEEK, x, recency, T) / poissonPAlive) * pAlive : undefined;
  const next90 = expected(HORIZON_DAYS);
  const nextYear = expected(YEAR_DAYS);
  const ifActive = (value: number | undefined, days: number) =>
    value !== undefined && pAlive !== undefined && pAlive > 1e-6 ? value / pAlive : days * preSilenceRate;
  const next90IfActive = ifActive(next90, HORIZON_DAYS);
  const nextYearIfActive = ifActive(nextYear, YEAR_DAYS);
  const orderValue = models.spend ? gammaGammaExpectedSpend(models.spend, x, row.monetaryValue) : row.monetaryValue;
  const annualValue = spend ? spend.lastTwelveMonths : orderValue * nextYearIfActive;
  const valueAtRisk = orderValue * Math.max(0, nextYearIfActive - (nextYear ?? nextYearIfActive * Math.min(1, 1 / Math.max(gapRatio, 1))));
  const level: RiskLevel = pAlive === undefined ? fallbackLevel(gapRatio) : lapseLevel(pAlive, gapRatio);
  const thinEvidence = base.orderCount < 3 || pAlive === undefined;

  return {
    ...base,
    level,
    pAlive,
    medianGapDays: gapDays,
    expectedOrdersNext90: next90,
    expectedOrdersNext90IfActive: next90IfActive,
    annualValue: roundMoney(annualValue),
    valueAtRisk: roundMoney(valueAtRisk),
    thinEvidence,
    ...(annualValue <= 0 && spend && spend.yearBeforeLastOrder > 0 ? { spendInLastYearOfOrdering: roundMoney(spend.yearBeforeLastOrder) } : {}),
  };
}

function oneOrderRisk(base: RiskBase, daysSinceFirst: number, cohort: CohortStatement): LapseRisk {
  const level: RiskLevel = daysSinceFirst > COHORT_WINDOW_DAYS ? 'watch' : 'unknown';
  return { ...base, level, thinEvidence: true, cohort: { eligible: cohort.eligible, share: cohort.share, windowDays: COHORT_WINDOW_DAYS } };
}

function fitModels(rows: CustomerSummary[]): FittedModels {
  const models: FittedModels = {};
  const repeatBuyers = rows.filter((row) => row.frequency > 0);
  // A population fit needs some repeat buyers; with fewer the parameters are not identified.
  if (repeatBuyers.length >= 3) {
    try {
      const fit = fitBgNbd(rows);
      if ([fit.r, fit.alpha, fit.a, fit.b].every(Number.isFinite)) models.bgNbd = fit;
    } catch {
      // leave the model out: the gap rule still gives a level
    }
  }
  if (repeatBuyers.filter((row) => row.monetaryValue > 0).length >= 3) {
    try {
      const spend = fitGammaGamma(repeatBuyers);
      // q ≤ 1 means an infinite population mean spend: unusable for shrinkage, use each account's own mean.
      if (spend.q > 1 && [spend.p, spend.q, spend.v].every(Number.isFinite)) models.spend = spend;
    } catch {
      // fall back to each account's own mean order value
    }
  }
  return models;
}

interface CohortStatement {
  eligible: number;
  share: number;
}

/** Of the accounts whose first order is at least 90 days old, the share that ordered again within 90 days. */
function secondOrderCohort(start: Int32Array, days: Int32Array, today: number): CohortStatement {
  let eligible = 0;
  let again = 0;
  for (let k = 0; k + 1 < start.length; k++) {
    const first = days[start[k]];
    if (today - first < COHORT_WINDOW_DAYS) continue;
    eligible++;
    if (start[k + 1] - start[k] >= 2 && days[start[k] + 1] - first <= COHORT_WINDOW_DAYS) again++;
  }
  return { eligible, share: eligible > 0 ? again / eligible : 0 };
}

function fallbackLevel(gapRatio: number): RiskLevel {
  if (gapRatio >= LEVEL_THRESHOLDS.highGapRatio) return 'high';
  return gapRatio >= LEVEL_THRESHOLDS.watchGapRatio ? 'watch' : 'low';
}

function gapsOf(days: Int32Array, from: number, to: number): number[] {
  const gaps: number[] = [];
  for (let i = from + 1; i < to; i++) gaps.push(days[i] - days[i - 1]);
  return gaps;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const roundMoney = (value: number) => Math.round(value * 100) / 100;
