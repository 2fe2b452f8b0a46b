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
  // Nested maps with number keys: much faster than building string keys from fractional weeks.
  const index = new Map<number, Map<number, Map<number, number>>>();
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
    let byRecency = index.get(row.T);
    if (byRecency === undefined) index.set(row.T, (byRecency = new Map()));
    let byFrequency = byRecency.get(row.recency);
    if (byFrequency === undefined) byRecency.set(row.recency, (byFrequency = new Map()));
    const at = byFrequency.get(row.frequency);
    if (at === undefined) {
      byFrequency.set(row.frequency, x.length);
      x.push(row.frequency);
      recency.push(row.recency);
      T.push(row.T);
      weight.push(w);
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
