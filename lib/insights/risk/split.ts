// The split of a book's order log into a calibration period and a holdout that follows it: calibration summaries
// (x, t_x, T, Σ log gaps) per customer and what each did in the holdout. Each customer may have a cutoff of its
// own (the as-of date of its order data minus the horizon), so that a book whose sources end on different days is
// backtested on days every source can see.
import { toDayNumber } from '../../model/days';
import { sumLogGaps, type CnbdRow } from './mbgcnbd';
import { daysPerUnit, groupPurchaseDays, type PurchaseDays, type TimeUnit } from './summary';


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
  return splitBookPerCustomer(orders, { endDayOf: () => holdoutDay, horizonDays: holdoutDay - calibrationDay, unit });
}

export interface PerCustomerSplit {
  /** The last day customer `id`'s order data can see (its source's as-of day, a day number). */
  endDayOf: (id: string) => number;
  /** The holdout: the last `horizonDays` up to each customer's end day. */
  horizonDays: number;
  unit?: TimeUnit;
}

/** As splitBook, each customer's calibration ending `horizonDays` before its own end day. */
export function splitBookPerCustomer(orders: readonly BookOrder[], options: PerCustomerSplit): BacktestSplit {
  return splitPurchaseDays(groupBookOrders(orders), options);
}

/** Every order's purchase day, grouped by customer (none left out): what a split reads. */
export const groupBookOrders = (orders: readonly BookOrder[]): PurchaseDays => groupPurchaseDays(orders, Number.MAX_SAFE_INTEGER, (order) => order.customerId);

/** The split as columns: entry i is the i-th customer whose first order is on or before its own calibration end. */
export interface SplitColumns {
  customerIds: string[];
  /** Calibration summaries in the backtest's unit (x, t_x, T, Σ log gaps). */
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  litt: Float64Array;
  /** Distinct order days in the holdout. */
  holdoutPurchases: Float64Array;
  bought: boolean[];
  /** Days from the last calibration order to the calibration end. */
  silenceDays: Float64Array;
  /** Length of the holdout in the unit. */
  horizon: number;
  unitDays: number;
}

/** The same split of purchase days already grouped by customer (one pass over typed arrays; no order is read again). */
export function splitPurchaseDays(grouped: PurchaseDays, options: PerCustomerSplit): BacktestSplit {
  const { customerIds, frequency, recency, T, litt, holdoutPurchases, bought, silenceDays, horizon, unitDays } = splitColumns(grouped, options);
  // The rows of one-order customers with the same T are equal: they share one object (rows are only read), so that
  // a book of a million mostly one-order customers holds a few hundred of them rather than a million.
  const oneOrder = new Map<number, BacktestSplit['rows'][number]>();
  const rows: BacktestSplit['rows'] = new Array(customerIds.length);
  const repeat: boolean[] = [];
  for (let i = 0; i < customerIds.length; i++) {
    const x = frequency[i];
    let row = x === 0 ? oneOrder.get(T[i]) : undefined;
    if (!row) {
      row = { frequency: x, recency: recency[i], T: T[i], litt: litt[i] };
      if (x === 0) oneOrder.set(T[i], row);
    }
    rows[i] = row;
    repeat.push(x > 0);
  }
  return { customerIds, rows, holdoutPurchases, bought, repeat, silenceDays, horizon, unitDays };
}

/** splitPurchaseDays as columns: no object per customer (the model choice on a large book). */
export function splitColumns(grouped: PurchaseDays, options: PerCustomerSplit): SplitColumns {
  const { endDayOf, horizonDays, unit = 'weeks' } = options;
  if (!(horizonDays > 0)) throw new RangeError('the holdout must be at least a day long');
  const unitDays = daysPerUnit(unit);
  const { customerIds, start, days } = grouped;
  const size = customerIds.length;
  const split: SplitColumns = {
    customerIds: [],
    frequency: new Float64Array(size),
    recency: new Float64Array(size),
    T: new Float64Array(size),
    litt: new Float64Array(size),
    holdoutPurchases: new Float64Array(size),
    bought: [],
    silenceDays: new Float64Array(size),
    horizon: horizonDays / unitDays,
    unitDays,
  };
  let n = 0;
  for (let k = 0; k < size; k++) {
    const from = start[k];
    const to = start[k + 1];
    const endDay = endDayOf(customerIds[k]);
    const calibrationDay = endDay - horizonDays;
    if (days[from] > calibrationDay) continue;
    let cut = from;
    while (cut < to && days[cut] <= calibrationDay) cut++;
    let end = cut;
    while (end < to && days[end] <= endDay) end++;
    split.customerIds.push(customerIds[k]);
    split.frequency[n] = cut - from - 1;
    split.recency[n] = (days[cut - 1] - days[from]) / unitDays;
    split.T[n] = (calibrationDay - days[from]) / unitDays;
    split.litt[n] = sumLogGaps(days, from, cut, unitDays);
    split.holdoutPurchases[n] = end - cut;
    split.silenceDays[n] = calibrationDay - days[cut - 1];
    split.bought.push(end > cut);
    n++;
  }
  if (n < size) for (const column of ['frequency', 'recency', 'T', 'litt', 'holdoutPurchases', 'silenceDays'] as const) split[column] = split[column].slice(0, n);
  return split;
}
