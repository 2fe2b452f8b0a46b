// Customer summary rows as the fitters consume them: identical (x, t_x, T) histories collapsed into
// one weighted row ("Fader and Hardie condense the individual RFM matrix into all observed
// combinations", lifetimes BetaGeoFitter.fit docstring:
// https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/fitters/beta_geo_fitter.py).

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
}

export function checkRow(row: RfmRow, index: number) {
  const { frequency: x, recency, T } = row;
  const weight = row.weight ?? 1;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`row ${index}: frequency must be a whole number ≥ 0 (got ${x})`);
  if (!(recency >= 0 && T >= recency && Number.isFinite(T))) {
    throw new RangeError(`row ${index}: need 0 ≤ recency ≤ T (got recency ${recency}, T ${T})`);
  }
  if (x === 0 && recency !== 0) throw new RangeError(`row ${index}: recency must be 0 when frequency is 0`);
  if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`row ${index}: weight must be ≥ 0`);
}

export function aggregateRows(rows: readonly RfmRow[]): AggregatedRows {
  // One open-addressing table on the (x, t_x, T) triple's bits, its slots holding the index of the distinct row:
  // the distinct rows come out in the order they first appear, as they did from nested Maps, at a fraction of the cost.
  const table = new TripleTable();
  const x: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let totalWeight = 0;
  let totalPurchases = 0;
  let maxT = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    checkRow(row, i);
    const w = row.weight ?? 1;
    if (w === 0) continue;
    const at = table.find(row.frequency, row.recency, row.T, x, recency, T);
    if (at < 0) {
      x.push(row.frequency);
      recency.push(row.recency);
      T.push(row.T);
      weight.push(w);
      table.insert(x.length - 1, x, recency, T);
    } else weight[at] += w;
    totalWeight += w;
    totalPurchases += w * row.frequency;
    if (row.T > maxT) maxT = row.T;
  }
  if (totalWeight === 0) throw new RangeError('no customers to fit');
  return {
    size: x.length,
    x: Float64Array.from(x),
    recency: Float64Array.from(recency),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    totalWeight,
    totalPurchases,
    maxT,
  };
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
 * lifetimes rescales time so that the largest T is 10 before fitting (`_scale_time`), which keeps the
 * log-parameters of order one whatever the unit; the penalizer then acts on the rescaled parameters.
 */
export const timeScaleFor = (maxT: number): number => (maxT > 0 ? 10 / maxT : 1);

/** Slots of distinct (x, recency, T) triples, found by the triple's bits (−0 read as 0, as a Map key is). */
class TripleTable {
  private slots = new Int32Array(1024).fill(-1);
  private used = 0;
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

  /** Files row `at`, the last of the rows (not in the table yet). */
  insert(at: number, xs: readonly number[], recencies: readonly number[], Ts: readonly number[]): void {
    if (2 * (this.used + 1) > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let i = 0; i < at; i++) this.place(i, xs[i], recencies[i], Ts[i]);
    }
    this.used++;
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
