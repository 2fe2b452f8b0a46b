// From a transaction log to one (frequency, recency, T, monetary value) row per customer, the input of
// every buy-till-you-die model. Same definitions as lifetimes' summary_data_from_transaction_data
// (https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/utils.py): purchases on the same
// day are one purchase occasion, the first occasion is not a repeat, monetary value is the mean of the
// repeat occasions' totals.
import { toDayNumber } from '../../model/days';
import { sumLogGaps } from './mbgcnbd';
import { IdIndex } from './idIndex';

export interface Transaction {
  customerId: string;
  date: Date | string;
  amount?: number;
}

export type TimeUnit = 'days' | 'weeks';

export interface SummaryOptions {
  observationEnd: Date | string;
  unit: TimeUnit;
  /** End of the calibration period: T is measured to it and later transactions are ignored. */
  calibrationEnd?: Date | string;
}

export interface CustomerSummary {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/** Each customer's distinct purchase days (sorted) and the amount spent on each. */
export interface PurchaseDays {
  customerIds: string[];
  /** Customer k owns days[start[k] .. start[k+1]). */
  start: Int32Array;
  days: Int32Array;
  totals: Float64Array;
  /** Index (in the input) of one transaction of each customer, to reach per-customer extras such as currency. */
  firstTransaction: Int32Array;
  /** The currency of each customer's first order, when the orders had one (PurchaseDaysBuilder). */
  currencies?: readonly (string | undefined)[];
}

export const daysPerUnit = (unit: TimeUnit): number => (unit === 'weeks' ? 7 : 1);

/**
 * Groups transactions on or before `endDay` by customer and day, in O(n) plus a sort of each
 * customer's days only when they are out of order.
 */
export function groupPurchaseDays<T extends { date: Date | string; amount?: number }>(
  transactions: readonly T[],
  endDay: number,
  customerOf: (transaction: T) => string = (transaction) => (transaction as unknown as Transaction).customerId,
): PurchaseDays {
  const builder = new PurchaseDaysBuilder(endDay, transactions.length);
  for (const transaction of transactions) builder.addOrder(customerOf(transaction), transaction.date, transaction.amount);
  return builder.build();
}

/**
 * PurchaseDays built while the orders stream in, one at a time (a log read in chunks, a database read bucket by
 * bucket): each order costs 16 bytes in growing typed arrays until `build`, so no array of order objects is needed.
 * Orders after `endDay` are counted (their index stays the input's) but left out, as in groupPurchaseDays.
 */
export class PurchaseDaysBuilder {
  private readonly customerIds: string[] = [];
  private indexOf = new IdIndex(this.customerIds);
  private readonly firstTransaction: number[] = [];
  private readonly currencies: (string | undefined)[] = [];
  private hasCurrency = false;
  private customerOf: Int32Array;
  private dayOf: Int32Array;
  private amountOf: Float64Array;
  /** Orders kept, and orders seen (the next order's index in the input). */
  private kept = 0;
  private seen = 0;
  private lastId: string | undefined;
  private lastIndex = -1;

  constructor(
    private readonly endDay = Number.MAX_SAFE_INTEGER,
    capacity = 1024,
  ) {
    const size = Math.max(16, capacity);
    this.customerOf = new Int32Array(size);
    this.dayOf = new Int32Array(size);
    this.amountOf = new Float64Array(size);
  }

  /** One order dated 'YYYY-MM-DD', 'YYYYMMDD' or a Date; a bad date is a RangeError naming the order and customer. */
  addOrder(customerId: string, date: Date | string, amount?: number, currency?: string): void {
    let day: number;
    try {
      day = toDayNumber(date);
    } catch (error) {
      throw new RangeError(`transaction ${this.seen++} (customer ${customerId}): ${(error as Error).message}`);
    }
    this.add(customerId, day, amount, currency);
  }

  /** One order on day number `day`; the first kept order of a customer gives its currency. */
  add(customerId: string, day: number, amount?: number, currency?: string): void {
    const i = this.seen++;
    if (amount !== undefined && !Number.isFinite(amount)) throw new RangeError(`transaction ${i} (customer ${customerId}): amount is not a number`);
    if (!Number.isInteger(day)) throw new RangeError(`transaction ${i} (customer ${customerId}): not a day number: ${day}`);
    if (day > this.endDay) return;
    // Logs and order buckets list a customer's orders together: the same customer as the last order needs no lookup.
    let k = customerId === this.lastId ? this.lastIndex : this.indexOf.find(customerId);
    if (k < 0) {
      k = this.indexOf.insert();
      this.customerIds.push(customerId);
      this.firstTransaction.push(i);
      this.currencies.push(currency);
      if (currency !== undefined) this.hasCurrency = true;
    }
    this.lastId = customerId;
    this.lastIndex = k;
    if (this.kept === this.dayOf.length) this.grow();
    this.customerOf[this.kept] = k;
    this.dayOf[this.kept] = day;
    this.amountOf[this.kept] = amount ?? 0;
    this.kept++;
  }

  private grow() {
    const size = this.dayOf.length * 2;
    const customerOf = new Int32Array(size);
    const dayOf = new Int32Array(size);
    const amountOf = new Float64Array(size);
    customerOf.set(this.customerOf);
    dayOf.set(this.dayOf);
    amountOf.set(this.amountOf);
    this.customerOf = customerOf;
    this.dayOf = dayOf;
    this.amountOf = amountOf;
  }

  /** Each customer's distinct days, sorted, in the order customers first appeared; the builder is spent after it. */
  build(): PurchaseDays {
    const { customerIds, kept } = this;
    const customers = customerIds.length;
    // Counting sort by customer (stable: orders of one day are summed in input order).
    const offset = new Int32Array(customers + 1);
    for (let i = 0; i < kept; i++) offset[this.customerOf[i] + 1]++;
    for (let k = 0; k < customers; k++) offset[k + 1] += offset[k];
    const cursor = offset.slice(0, customers);
    const rawDays = new Int32Array(kept);
    const rawAmounts = new Float64Array(kept);
    for (let i = 0; i < kept; i++) {
      const at = cursor[this.customerOf[i]]++;
      rawDays[at] = this.dayOf[i];
      rawAmounts[at] = this.amountOf[i];
    }
    this.customerOf = this.dayOf = new Int32Array(0);
    this.amountOf = new Float64Array(0);
    this.indexOf = new IdIndex([]);
    // Collapse each customer's orders into distinct days.
    const start = new Int32Array(customers + 1);
    const days = new Int32Array(kept);
    const totals = new Float64Array(kept);
    let out = 0;
    for (let k = 0; k < customers; k++) {
      start[k] = out;
      const from = offset[k];
      const to = offset[k + 1];
      sortSegmentByDay(rawDays, rawAmounts, from, to);
      for (let i = from; i < to; i++) {
        if (out > start[k] && days[out - 1] === rawDays[i]) totals[out - 1] += rawAmounts[i];
        else {
          days[out] = rawDays[i];
          totals[out] = rawAmounts[i];
          out++;
        }
      }
    }
    start[customers] = out;
    return {
      customerIds,
      start,
      days: days.slice(0, out),
      totals: totals.slice(0, out),
      firstTransaction: Int32Array.from(this.firstTransaction),
      ...(this.hasCurrency ? { currencies: this.currencies } : {}),
    };
  }
}

function sortSegmentByDay(days: Int32Array, amounts: Float64Array, from: number, to: number) {
  let sorted = true;
  for (let i = from + 1; i < to && sorted; i++) if (days[i] < days[i - 1]) sorted = false;
  if (sorted) return;
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((p, q) => days[p] - days[q]);
  const d = order.map((i) => days[i]);
  const a = order.map((i) => amounts[i]);
  for (let i = 0; i < d.length; i++) {
    days[from + i] = d[i];
    amounts[from + i] = a[i];
  }
}

/** One summary row per customer with a purchase on or before the period end. */
export function summarizeTransactions(
  transactions: readonly Transaction[],
  options: SummaryOptions,
): CustomerSummary[] {
  const endDay = toDayNumber(options.calibrationEnd ?? options.observationEnd);
  if (options.calibrationEnd !== undefined && endDay > toDayNumber(options.observationEnd)) {
    throw new RangeError('calibrationEnd is after observationEnd');
  }
  const grouped = groupPurchaseDays(transactions, endDay);
  return summarizePurchaseDays(grouped, endDay, daysPerUnit(options.unit));
}

/** A summary row with Σ log inter-purchase gaps (in the unit), the extra statistic of MBG/CNBD-k. */
export type CustomerSummaryWithGaps = CustomerSummary & { litt: number };

/** The summary of every customer as columns (entry k is customer k of the PurchaseDays): no object per customer. */
export interface SummaryColumns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
  /** Σ log inter-purchase gaps, when asked for. */
  litt?: Float64Array;
}

/**
 * (x, t_x, T, mean repeat spend) of every customer of `grouped` in the unit, T measured to `endDay`: one day for
 * everyone, or each customer's own (a function of the customer's index in `grouped`, such as the as-of day of its
 * order data).
 */
export function summaryColumns(grouped: PurchaseDays, endDay: number | ((customer: number) => number), unitDays: number, options?: { logGaps: true }): SummaryColumns {
  const { customerIds, start, days, totals } = grouped;
  const n = customerIds.length;
  const endOf = typeof endDay === 'number' ? () => endDay : endDay;
  const columns: SummaryColumns = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n), monetaryValue: new Float64Array(n) };
  const litt = options?.logGaps ? (columns.litt = new Float64Array(n)) : undefined;
  for (let k = 0; k < n; k++) {
    const from = start[k];
    const to = start[k + 1];
    const frequency = to - from - 1;
    let repeatSpend = 0;
    for (let i = from + 1; i < to; i++) repeatSpend += totals[i];
    columns.frequency[k] = frequency;
    columns.recency[k] = (days[to - 1] - days[from]) / unitDays;
    columns.T[k] = (endOf(k) - days[from]) / unitDays;
    columns.monetaryValue[k] = frequency > 0 ? repeatSpend / frequency : 0;
    if (litt) litt[k] = sumLogGaps(days, from, to, unitDays);
  }
  return columns;
}

/** One summary row per customer of `grouped` (summaryColumns as objects). */
export function summarizePurchaseDays(grouped: PurchaseDays, endDay: number | ((customer: number) => number), unitDays: number): CustomerSummary[];
export function summarizePurchaseDays(grouped: PurchaseDays, endDay: number | ((customer: number) => number), unitDays: number, options: { logGaps: true }): CustomerSummaryWithGaps[];
export function summarizePurchaseDays(grouped: PurchaseDays, endDay: number | ((customer: number) => number), unitDays: number, options?: { logGaps: true }): CustomerSummary[] {
  const { frequency, recency, T, monetaryValue, litt } = summaryColumns(grouped, endDay, unitDays, options);
  return grouped.customerIds.map((customerId, k) =>
    litt
      ? ({ customerId, frequency: frequency[k], recency: recency[k], T: T[k], monetaryValue: monetaryValue[k], litt: litt[k] } as CustomerSummaryWithGaps)
      : { customerId, frequency: frequency[k], recency: recency[k], T: T[k], monetaryValue: monetaryValue[k] },
  );
}

/**
 * The purchase days of `customers` (indices into `grouped`; undefined: all of them, in order) up to each one's own end
 * day: the days after it are dropped, and a customer with none left is left out. Typed arrays sized in a first pass;
 * `grouped` itself when nothing is dropped.
 */
export function purchaseDaysUpTo(grouped: PurchaseDays, customers: readonly number[] | undefined, endDayOf: (id: string) => number): PurchaseDays {
  const { customerIds, start, days, totals, firstTransaction, currencies } = grouped;
  const count = customers ? customers.length : customerIds.length;
  const keptTo = new Int32Array(count);
  let keptDays = 0;
  let kept = 0;
  for (let j = 0; j < count; j++) {
    const k = customers ? customers[j] : j;
    const end = endDayOf(customerIds[k]);
    let to = start[k];
    while (to < start[k + 1] && days[to] <= end) to++;
    keptTo[j] = to;
    keptDays += to - start[k];
    if (to > start[k]) kept++;
  }
  if (!customers && keptDays === days.length) return grouped;
  const out: PurchaseDays = {
    customerIds: new Array<string>(kept),
    start: new Int32Array(kept + 1),
    days: new Int32Array(keptDays),
    totals: new Float64Array(keptDays),
    firstTransaction: new Int32Array(kept),
    ...(currencies ? { currencies: new Array<string | undefined>(kept) } : {}),
  };
  let at = 0;
  let n = 0;
  for (let j = 0; j < count; j++) {
    const k = customers ? customers[j] : j;
    if (keptTo[j] === start[k]) continue;
    out.customerIds[n] = customerIds[k];
    out.firstTransaction[n] = firstTransaction[k];
    if (currencies) (out.currencies as (string | undefined)[])[n] = currencies[k];
    out.start[n] = at;
    out.days.set(days.subarray(start[k], keptTo[j]), at);
    out.totals.set(totals.subarray(start[k], keptTo[j]), at);
    at += keptTo[j] - start[k];
    n++;
  }
  out.start[kept] = at;
  return out;
}
