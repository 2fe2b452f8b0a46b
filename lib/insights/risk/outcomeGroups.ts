// The backtest's accounts grouped by their calibration row (x, t_x, T): every model's prediction is a function of that
// row, so a book's million accounts need predictions for its ~60,000 distinct rows only, and the metrics (AUC,
// precision and recall of a cut) need only how many accounts of each row bought in the holdout and how many did not.
// Counts are whole numbers, so the grouped metrics are the per-account ones to the last bit (metrics.ts aucSorted and
// choose.ts thresholdForPrecision/flagQuality take the counts as case weights). Pure; no clock.
import type { CnbdRow } from './mbgcnbd';
import { aggregateColumns, type AggregatedRows, type DistinctRows, type RowColumns } from './rows';

export interface OutcomeGroups {
  /** The distinct calibration rows (fit on these), and each account's row. */
  rows: DistinctRows;
  /** Per distinct row: its accounts that placed an order in the holdout, and those that placed none. */
  bought: Float64Array;
  quiet: Float64Array;
}

/** Accounts' outcomes as weighted cases: two per distinct row (its buyers, its quiet accounts), both at the row's score. */
export interface WeightedOutcomes {
  scores: Float64Array;
  bought: boolean[];
  weights: Float64Array;
}

/** Groups the backtest's accounts (row i of the columns, bought[i]) by distinct row; throws as aggregateRows does on a bad row. */
export function outcomeGroups(columns: RowColumns, bought: readonly boolean[]): OutcomeGroups {
  const distinct = aggregateColumns(columns);
  const boughtCount = new Float64Array(distinct.size);
  const quietCount = new Float64Array(distinct.size);
  const { rowOf } = distinct;
  for (let i = 0; i < rowOf.length; i++) {
    if (rowOf[i] < 0) continue;
    if (bought[i]) boughtCount[rowOf[i]]++;
    else quietCount[rowOf[i]]++;
  }
  return { rows: distinct, bought: boughtCount, quiet: quietCount };
}

/** Calls `visit` with every distinct row j as one reused row object (predictions read x, t_x and T only). */
export function forEachRow(rows: AggregatedRows, visit: (row: CnbdRow, j: number) => void): void {
  const row: CnbdRow = { frequency: 0, recency: 0, T: 0 };
  for (let j = 0; j < rows.size; j++) {
    row.frequency = rows.x[j];
    row.recency = rows.recency[j];
    row.T = rows.T[j];
    visit(row, j);
  }
}

/** `predict` of every distinct row. */
export function predictRows(rows: AggregatedRows, predict: (row: CnbdRow) => number): Float64Array {
  const out = new Float64Array(rows.size);
  forEachRow(rows, (row, j) => (out[j] = predict(row)));
  return out;
}

/** The weighted cases of the distinct rows scored `scores` (those with repeat purchases only, when `repeatOnly`). */
export function weightedOutcomes(groups: OutcomeGroups, scores: Float64Array, repeatOnly = false): WeightedOutcomes {
  const keep: number[] = [];
  for (let j = 0; j < scores.length; j++) if (!repeatOnly || groups.rows.x[j] > 0) keep.push(j);
  const out: WeightedOutcomes = { scores: new Float64Array(2 * keep.length), bought: new Array<boolean>(2 * keep.length), weights: new Float64Array(2 * keep.length) };
  keep.forEach((j, n) => {
    out.scores[2 * n] = out.scores[2 * n + 1] = scores[j];
    out.bought[2 * n] = true;
    out.weights[2 * n] = groups.bought[j];
    out.bought[2 * n + 1] = false;
    out.weights[2 * n + 1] = groups.quiet[j];
  });
  return out;
}
