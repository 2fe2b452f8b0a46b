// From a transaction log to one (frequency, recency, T, monetary value) row per customer, the input of
// every buy-till-you-die model. Same definitions as lifetimes' summary_data_from_transaction_data
// (https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/utils.py): purchases on the same
// day are one purchase occasion, the first occasion is not a repeat, monetary value is the mean of the
// repeat occasions' totals.
import { toDayNumber } from '../../model/days';

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
  const n = transactions.length;
  const indexOf = new Map<string, number>();
  const customerIds: string[] = [];
  const customerIndex = new Int32Array(n);
  const dayOf = new Int32Array(n);
  const firstTransaction: number[] = [];
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const { date, amount } = transactions[i];
    const customerId = customerOf(transactions[i]);
    let day: number;
    try {
      day = toDayNumber(date);
    } catch (error) {
      throw new RangeError(`transaction ${i} (customer ${customerId}): ${(error as Error).message}`);
    }
    if (amount !== undefined && !Number.isFinite(amount)) throw new RangeError(`transaction ${i} (customer ${customerId}): amount is not a number`);
    if (day > endDay) {
      customerIndex[i] = -1;
      continue;
    }
    let k = indexOf.get(customerId);
    if (k === undefined) {
      k = customerIds.length;
      indexOf.set(customerId, k);
      customerIds.push(customerId);
      firstTransaction.push(i);
    }
    customerIndex[i] = k;
    dayOf[i] = day;
    kept++;
  }
  // Counting sort by customer.
  const customers = customerIds.length;
  const offset = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) if (customerIndex[i] >= 0) offset[customerIndex[i] + 1]++;
  for (let k = 0; k < customers; k++) offset[k + 1] += offset[k];
  const cursor = offset.slice(0, customers);
  const rawDays = new Int32Array(kept);
  const rawAmounts = new Float64Array(kept);
  for (let i = 0; i < n; i++) {
    const k = customerIndex[i];
    if (k < 0) continue;
    const at = cursor[k]++;
    rawDays[at] = dayOf[i];
    rawAmounts[at] = transactions[i].amount ?? 0;
  }
  // Collapse each customer's transactions into distinct days.
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
  return { customerIds, start, days: days.subarray(0, out), totals: totals.subarray(0, out), firstTransaction: Int32Array.from(firstTransaction) };
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

export function summarizePurchaseDays(grouped: PurchaseDays, endDay: number, unitDays: number): CustomerSummary[] {
  const { customerIds, start, days, totals } = grouped;
  const rows: CustomerSummary[] = new Array(customerIds.length);
  for (let k = 0; k < customerIds.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    const frequency = to - from - 1;
    let repeatSpend = 0;
    for (let i = from + 1; i < to; i++) repeatSpend += totals[i];
    rows[k] = {
      customerId: customerIds[k],
      frequency,
      recency: (days[to - 1] - days[from]) / unitDays,
      T: (endDay - days[from]) / unitDays,
      monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
    };
  }
  return rows;
}
