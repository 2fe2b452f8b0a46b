// Customer summary rows as the fitters consume them: identical (x, t_x, T) histories collapsed into
// one weighted row ("Fader and Hardie condense the individual RFM matrix into all observed
// combinations", lifetimes BetaGeoFitter.fit docstring:
// https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/fitters/beta_geo_fitter.py).
import { sortByScore } from './metrics';

export interface RfmRow {
  frequency: number;
  recency: number;
  T: number;
  weight?: number;
}

export interface AggregatedRows {
  /** Number of distinct (x, t_x, T) rows. */
  size: number;
  x: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  totalWeight: number;
  /** Σ weight · x, for the time-rescaling correction of the log-likelihood. */
  totalPurchases: number;
  maxT: number;
  /** Σ weight · litt over the input rows with repeat purchases, in input order (MBG/CNBD-k's parameter-free term). */
  totalLitt: number;
  /** Whether every input row with repeat purchases had a finite litt. */
  hasLitt: boolean;
}

/** Aggregated rows that also say which distinct row each input row went to: predictions are made once per distinct row. */
export interface DistinctRows extends AggregatedRows {
  /** Input row i is distinct row rowOf[i] (−1: a row of weight 0, left out). */
  rowOf: Int32Array;
}

/** Summary columns (entry i is one customer), the input of aggregateColumns. */
export interface RowColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  litt?: ArrayLike<number>;
}

export function checkRow(row: RfmRow, index: number) {
  checkValues(row.frequency, row.recency, row.T, row.weight ?? 1, index);
}

function checkValues(x: number, recency: number, T: number, weight: number, index: number) {
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`row ${index}: frequency must be a whole number ≥ 0 (got ${x})`);
  if (!(recency >= 0 && T >= recency && Number.isFinite(T))) {
    throw new RangeError(`row ${index}: need 0 ≤ recency ≤ T (got recency ${recency}, T ${T})`);
  }
  if (x === 0 && recency !== 0) throw new RangeError(`row ${index}: recency must be 0 when frequency is 0`);
  if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`row ${index}: weight must be ≥ 0`);
}

/** The fitters take either summary rows or rows already aggregated (aggregateColumns: once for several fits). */
export type FitRows<Row extends RfmRow = RfmRow> = readonly Row[] | AggregatedRows;

export const isAggregated = (rows: FitRows<RfmRow & { litt?: number }>): rows is AggregatedRows => !Array.isArray(rows);

/** The rows as a fitter consumes them: aggregated once, or as given when they already are. */
export const aggregatedOf = (rows: FitRows<RfmRow & { litt?: number }>): AggregatedRows => (isAggregated(rows) ? rows : aggregateRows(rows));

/** The distinct (x, t_x, T) rows with their summed weights. */
export function aggregateRows(rows: readonly (RfmRow & { litt?: number })[]): AggregatedRows {
  const into = new Aggregator(rows.length, false);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    into.add(i, row.frequency, row.recency, row.T, row.weight ?? 1, row.litt);
  }
  return into.result();
}

/**
 * aggregateRows of the rows (frequency[i], recency[i], T[i], litt[i]) of weight 1, read from columns: no object per
 * customer, and the same distinct rows in the same order with the same sums as aggregateRows of those rows, so a fit
 * on either is the same to the last bit. `rowOf` maps each customer to its distinct row.
 */
export function aggregateColumns(columns: RowColumns): DistinctRows {
  const { frequency, recency, T, litt } = columns;
  const into = new Aggregator(frequency.length, true);
  for (let i = 0; i < frequency.length; i++) into.add(i, frequency[i], recency[i], T[i], 1, litt ? litt[i] : undefined);
  return into.result() as DistinctRows;
}

/** The distinct rows as weighted summary rows (for a fitter that takes rows only). */
export function weightedRows(data: AggregatedRows): RfmRow[] {
  return Array.from({ length: data.size }, (_, i) => ({ frequency: data.x[i], recency: data.recency[i], T: data.T[i], weight: data.weight[i] }));
}

/** Accumulates rows one by one into distinct (x, t_x, T) rows, in the order they first appear. */
class Aggregator {
  // One open-addressing table on the (x, t_x, T) triple's bits, its slots holding the index of the distinct row:
  // the distinct rows come out in the order they first appear, as they did from nested Maps, at a fraction of the cost.
  private readonly table = new TripleTable();
  /** Rows without repeat purchases differ only in T (most of a large book's rows): a small map keeps them in cache. */
  private readonly oneOrder = new Map<number, number>();
  private readonly x: number[] = [];
  private readonly recency: number[] = [];
  private readonly T: number[] = [];
  private readonly weight: number[] = [];
  private readonly rowOf: Int32Array | undefined;
  private totalWeight = 0;
  private totalPurchases = 0;
  private maxT = 0;
  private totalLitt = 0;
  private hasLitt = true;

  constructor(count: number, withIndex: boolean) {
    this.rowOf = withIndex ? new Int32Array(count).fill(-1) : undefined;
  }

  add(i: number, x: number, recency: number, T: number, w: number, litt: number | undefined) {
    checkValues(x, recency, T, w, i);
    if (x > 0) {
      if (litt === undefined || !Number.isFinite(litt)) this.hasLitt = false;
      else this.totalLitt += w * litt;
    }
    if (w === 0) return;
    const single = x === 0 && recency === 0;
    let at = single ? (this.oneOrder.get(T) ?? -1) : this.table.find(x, recency, T, this.x, this.recency, this.T);
    if (at < 0) {
      at = this.x.length;
      this.x.push(x);
      this.recency.push(recency);
      this.T.push(T);
      this.weight.push(w);
      if (single) this.oneOrder.set(T, at);
      else this.table.insert(at, this.x, this.recency, this.T);
    } else this.weight[at] += w;
    if (this.rowOf) this.rowOf[i] = at;
    this.totalWeight += w;
    this.totalPurchases += w * x;
    if (T > this.maxT) this.maxT = T;
  }

  result(): AggregatedRows | DistinctRows {
    if (this.totalWeight === 0) throw new RangeError('no customers to fit');
    return {
      size: this.x.length,
      x: Float64Array.from(this.x),
      recency: Float64Array.from(this.recency),
      T: Float64Array.from(this.T),
      weight: Float64Array.from(this.weight),
      totalWeight: this.totalWeight,
      totalPurchases: this.totalPurchases,
      maxT: this.maxT,
      totalLitt: this.totalLitt,
      hasLitt: this.hasLitt,
      ...(this.rowOf ? { rowOf: this.rowOf } : {}),
    };
  }
}

/** Distinct values of `values` and, for each entry, the index of its value (so logs are taken once per value). */
export function distinctValues(values: Float64Array): { values: Float64Array; indexOf: Int32Array } {
  const seen = new Map<number, number>();
  const indexOf = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let at = seen.get(values[i]);
    if (at === undefined) {
      at = distinct.length;
      seen.set(values[i], at);
      distinct.push(values[i]);
    }
    indexOf[i] = at;
  }
  return { values: Float64Array.from(distinct), indexOf };
}

/**
 * Distinct values of `values` in ascending order and, for each entry, the index of its value: distinctValues by a
 * radix sort rather than a Map, for columns of hundreds of thousands (values must not be NaN; −0 counts as 0).
 */
export function distinctSorted(values: Float64Array): { values: Float64Array; indexOf: Int32Array } {
  const order = sortByScore(values);
  const indexOf = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let p = 0; p < order.length; p++) {
    const v = values[order[p]];
    if (p === 0 || v !== distinct[distinct.length - 1]) distinct.push(v + 0);
    indexOf[order[p]] = distinct.length - 1;
  }
  return { values: Float64Array.from(distinct), indexOf };
}

/**
 * lifetimes rescales time so that the largest T is 10 before fitting (`_scale_time`), which keeps the
 * log-parameters of order one whatever the unit; the penalizer then acts on the rescaled parameters.
 */
export const timeScaleFor = (maxT: number): number => (maxT > 0 ? 10 / maxT : 1);

/** Slots of distinct (x, recency, T) triples, found by the triple's bits (−0 read as 0, as a Map key is). */
class TripleTable {
  private slots = new Int32Array(1024).fill(-1);
  /** The rows filed here (the aggregator keeps the others elsewhere). */
  private readonly members: number[] = [];
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** The index of the row equal to (x, recency, T), or −1. */
  find(x: number, recency: number, T: number, xs: readonly number[], recencies: readonly number[], Ts: readonly number[]): number {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(x, recency, T) & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot];
      if (at < 0 || (xs[at] === x && recencies[at] === recency && Ts[at] === T)) return at;
    }
  }

  /** Files row `at` (not in the table yet). */
  insert(at: number, xs: readonly number[], recencies: readonly number[], Ts: readonly number[]): void {
    if (2 * (this.members.length + 1) > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (const i of this.members) this.place(i, xs[i], recencies[i], Ts[i]);
    }
    this.members.push(at);
    this.place(at, xs[at], recencies[at], Ts[at]);
  }

  private place(at: number, x: number, recency: number, T: number) {
    const mask = this.slots.length - 1;
    let slot = this.hash(x, recency, T) & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = at;
  }

  private hash(x: number, recency: number, T: number): number {
    return this.mix(this.mix(this.mix(0x811c9dc5, x), recency), T);
  }

  /** FNV-1a-like step over the two 32-bit words of `value`, then a final avalanche of the low bits. */
  private mix(h: number, value: number): number {
    this.bits[0] = value + 0;
    h = Math.imul(h ^ this.words[0], 0x01000193);
    h = Math.imul(h ^ this.words[1], 0x01000193);
    return (h ^ (h >>> 15)) >>> 0;
  }
}
