// The lapse-risk score in plain words: the headline and the reasons, most important first; and the book model's
// track record on the user's own orders.
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { LapseRisk, RiskLevel, RiskModel } from '../model/insight';
import { count, daysAgoInWords, money, percent, round1 } from './format';

const HEADLINES: Record<RiskLevel, string> = {
  high: 'High lapse risk',
  watch: 'Watch: ordering has slowed',
  low: 'Low lapse risk',
  unknown: 'Too early to tell',
};

/** Order data older than this (days before today) is called out in every risk sentence (a setting). */
export const DEFAULT_STALE_AFTER_DAYS = 14;

export interface RiskWords {
  headline: string;
  /** Most important first; the stale-data line first when the data is old. */
  explanation: string[];
  /** The explanation without the stale-data line (for a list that says it once, above). */
  reasons: string[];
}

export interface RiskWordsContext {
  /** yyyy-mm-dd: the day the rep reads it. */
  today: string;
  staleAfterDays?: number;
}

/** "1 Oct", or "1 Oct 2025" when not this year. */
function dayInWords(iso: string, today: string): string {
  const date = parseISO(iso);
  return iso.slice(0, 4) === today.slice(0, 4) ? format(date, 'd MMM') : format(date, 'd MMM yyyy');
}

/** "18%", "less than 1%", "more than 99%": a probability as a rep reads it, never a false "1%" or "100%". */
export function chanceInWords(p: number): string {
  if (p < 0.005) return 'less than 1%';
  if (p > 0.995) return 'more than 99%';
  return `${percent(p)}%`;
}

/** "on 1 Oct" or "12 days before 1 Oct": a last order counted back from the data's own last day. */
function lastOrderBefore(days: number, asOf: string, today: string): string {
  return days === 0 ? `on ${dayInWords(asOf, today)}` : `${count(days, 'day')} before ${dayInWords(asOf, today)}`;
}

/** How old the order data is, in days, and whether that is past the stale threshold. */
export function dataAge(asOf: string, context: RiskWordsContext): { days: number; stale: boolean } {
  const days = Math.max(0, differenceInCalendarDays(parseISO(context.today), parseISO(asOf)));
  return { days, stale: days > (context.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS) };
}

/** "order data as of 1 Oct (61 days old) — import a fresh export" */
export function staleDataText(asOf: string, context: RiskWordsContext): string {
  return `order data as of ${dayInWords(asOf, context.today)} (${count(dataAge(asOf, context).days, 'day')} old) — import a fresh export`;
}

/** The import preview's line: "Orders up to 1 Oct 2026 — 61 days ago". */
export function ordersUpToText(through: string, today: string): string {
  const days = Math.max(0, differenceInCalendarDays(parseISO(today), parseISO(through)));
  return `Orders up to ${format(parseISO(through), 'd MMM yyyy')} — ${days === 0 ? 'today' : `${count(days, 'day')} ago`}`;
}

/** The same as a notice on its own: "Order data as of 1 Oct (61 days old) — import a fresh export." */
export function staleDataNotice(asOf: string, context: RiskWordsContext): string {
  const text = staleDataText(asOf, context);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** "usually orders every 24 days; nothing for 77 days (3.2× the usual gap)" and the rest. */
export function riskWords(risk: LapseRisk, context: RiskWordsContext): RiskWords {
  const { stale } = dataAge(risk.asOf, context);
  const explanation: string[] = stale ? [staleDataText(risk.asOf, context)] : [];
  const since = risk.daysSinceLastOrder ?? 0;
  // Silence is counted to the data's date, never to today: the data cannot see the days after it.
  const upTo = stale ? ` up to ${dayInWords(risk.asOf, context.today)}` : '';
  const chance = risk.pActive !== undefined ? `${chanceInWords(risk.pActive)} chance of an order in the next ${risk.horizonDays} days` : undefined;
  if (risk.orderCount < 2) {
    explanation.push(`only one order so far, ${stale ? lastOrderBefore(since, risk.asOf, context.today) : daysAgoInWords(since)}`);
    if (chance) explanation.push(chance);
    if ((risk.annualValue ?? 0) > 0) explanation.push(`about ${money(risk.annualValue!, risk.currency)} a year if it keeps buying`);
    return { headline: risk.level === 'watch' ? 'Watch: no second order yet' : HEADLINES[risk.level], explanation, reasons: explanation.slice(stale ? 1 : 0) };
  }
  const gap = risk.medianGapDays ?? 0;
  const ratio = since / Math.max(gap, 1);
  explanation.push(
    ratio >= 1
      ? `usually orders every ${Math.round(gap)} days; nothing for ${since} days${upTo} (${ratio.toFixed(1)}× the usual gap)`
      : `usually orders every ${Math.round(gap)} days; last order ${stale ? lastOrderBefore(since, risk.asOf, context.today) : daysAgoInWords(since)}`,
  );
  if (chance) explanation.push(chance);
  if ((risk.annualValue ?? 0) > 0) explanation.push(`about ${money(risk.annualValue!, risk.currency)} a year at stake`);
  else if (risk.spendInLastYearOfOrdering) {
    explanation.push(`nothing in the last twelve months; about ${money(risk.spendInLastYearOfOrdering, risk.currency)} in its last year of ordering`);
  }
  if (risk.expectedOrdersNext90 !== undefined) explanation.push(`expected orders in the next ${risk.horizonDays} days: ${round1(risk.expectedOrdersNext90)}`);
  if (risk.orderCount < 3) explanation.push('only two orders so far, so this is a rough estimate');
  if (risk.pActive === undefined) explanation.push('too few orders in your data to fit a model yet');
  return { headline: HEADLINES[risk.level], explanation, reasons: explanation.slice(stale ? 1 : 0) };
}

/**
 * "Checked on your orders: of the 12 accounts this would have flagged high on 1 Jun, 74% placed no order in the next
 * 90 days; it caught 81% of the accounts that stopped." — or why it could not be checked yet.
 */
export function trackRecordText(model: RiskModel, today: string): string {
  const text = trackRecordOfOne(model, today);
  const segments = model.segments ?? [];
  if (segments.length < 2) return text;
  const largest = segments.reduce((p, q) => (q.accounts > p.accounts ? q : p));
  return `${count(segments.length, 'order source')} are scored with a model each. For the largest (${count(largest.accounts, 'account')}): ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function trackRecordOfOne(model: RiskModel, today: string): string {
  const record = model.trackRecord;
  if (!record) {
    return model.chosenBy === 'too-little-history'
      ? `Not checked on your orders yet: that needs at least 20 accounts with ${model.horizonDays} days of order history. Levels follow the model's own probabilities (${model.label}).`
      : 'No lapse model could be fitted to your orders yet.';
  }
  const on = dayInWords(record.from, today);
  if (record.high.flagged === 0) {
    return `Checked on your orders: on ${on} this would have flagged no account high; ${count(record.stopped, 'account')} of ${record.accounts.toLocaleString('en')} placed no order in the next ${model.horizonDays} days.`;
  }
  // Counts, not probabilities: 10 of 10 is "all", never the 99% a chance is capped at.
  const quiet = Math.round(record.high.precision * record.high.flagged);
  const caught = Math.round(record.high.recall * record.stopped);
  return (
    `Checked on your orders: of the ${count(record.high.flagged, 'account')} this would have flagged high on ${on}, ` +
    `${shareOf(quiet, record.high.flagged)} placed no order in the next ${model.horizonDays} days; it caught ${shareOf(caught, record.stopped)} of the ` +
    `${count(record.stopped, 'account')} that stopped.`
  );
}

/** A counted share: "all", "none", or a percentage that says neither when it is neither (1 of 200 is 1%, 199 of 200 is 99%). */
function shareOf(part: number, whole: number): string {
  if (whole > 0 && part >= whole) return 'all';
  if (part <= 0) return 'none';
  return `${Math.min(99, Math.max(1, Math.round((100 * part) / whole)))}%`;
}
