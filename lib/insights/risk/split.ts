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
  return splitPurchaseDays(groupPurchaseDays(orders, Number.MAX_SAFE_INTEGER, (order) => order.customerId), options);
}

/** The same split of purchase days already grouped by customer (one pass over typed arrays; no order is read again). */
export function splitPurchaseDays(grouped: PurchaseDays, options: PerCustomerSplit): BacktestSplit {
  const { endDayOf, horizonDays, unit = 'weeks' } = options;
  if (!(horizonDays > 0)) throw new RangeError('the holdout must be at least a day long');
  const unitDays = daysPerUnit(unit);
  const { customerIds, start, days } = grouped;
  const split: BacktestSplit = {
    customerIds: [],
    rows: [],
    holdoutPurchases: new Float64Array(customerIds.length),
    bought: [],
    repeat: [],
    silenceDays: new Float64Array(customerIds.length),
    horizon: horizonDays / unitDays,
    unitDays,
  };
  // The rows of one-order customers with the same T are equal: they share one object (rows are only read), so that
  // a book of a million mostly one-order customers holds a few hundred of them rather than a million.
  const oneOrder = new Map<number, BacktestSplit['rows'][number]>();
  let n = 0;
  for (let k = 0; k < customerIds.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    const endDay = endDayOf(customerIds[k]);
    const calibrationDay = endDay - horizonDays;
    if (days[from] > calibrationDay) continue;
    let cut = from;
    while (cut < to && days[cut] <= calibrationDay) cut++;
    let end = cut;
    while (end < to && days[end] <= endDay) end++;
    const x = cut - from - 1;
    split.customerIds.push(customerIds[k]);
    const T = (calibrationDay - days[from]) / unitDays;
    let row = x === 0 ? oneOrder.get(T) : undefined;
    if (!row) {
      row = { frequency: x, recency: (days[cut - 1] - days[from]) / unitDays, T, litt: sumLogGaps(days, from, cut, unitDays) };
      if (x === 0) oneOrder.set(T, row);
    }
    split.rows.push(row);
    split.holdoutPurchases[n] = end - cut;
    split.silenceDays[n] = calibrationDay - days[cut - 1];
    split.bought.push(end > cut);
    split.repeat.push(x > 0);
    n++;
  }
  split.holdoutPurchases = split.holdoutPurchases.slice(0, n);
  split.silenceDays = split.silenceDays.slice(0, n);
  return split;
}
