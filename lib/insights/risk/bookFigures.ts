// The book's model refitted on all of its orders and every account's figures from it (P(alive), P(order in the
// horizon), expected orders, what an order is worth, orders in a year): typed arrays, for scoreBook (accountRisk.ts)
// to turn into one LapseRisk per account. Pure; no clock.
import { expectedOrdersOver, fitModel, forecaster, modelLabel, type BookFit, type FittedModel } from './choose';
import { fitGammaGammaColumns, gammaGammaExpectedSpend, type GammaGammaParams } from './gammaGamma';
import type { CnbdRow } from './mbgcnbd';
import { forEachRow } from './outcomeGroups';
import { aggregateColumns, type DistinctRows, type FitRows } from './rows';
import { summaryColumns, type PurchaseDays, type SummaryColumns } from './summary';

const WEEK = 7;
const YEAR_DAYS = 365;

/**
 * The book's model refitted on everything (the first of `models` that fits) and each account's figures from it, in
 * typed arrays. The summary is kept as columns and aggregated into its distinct (x, t_x, T) rows without an object per
 * account; the model is fitted on those rows and its forecasts are made once per distinct row.
 */
export function forecastEveryAccount(grouped: PurchaseDays, asOf: Int32Array, models: readonly FittedModel[], horizonDays: number) {
  const columns = summaryColumns(grouped, (k) => asOf[k], WEEK, { logGaps: true });
  const { frequency, recency, T, monetaryValue } = columns;
  const litt = columns.litt!;
  const n = frequency.length;
  let rows: DistinctRows;
  try {
    rows = aggregateColumns(columns);
  } catch {
    return undefined; // rows no model can be fitted to
  }
  const book = refit(models, rows);
  if (!book) return undefined;
  const forecast = forecaster(book, horizonDays / WEEK);
  const ordersInAYear = expectedOrdersOver(book, YEAR_DAYS / WEEK);
  const distinct = { pAlive: new Float64Array(rows.size), pActive: new Float64Array(rows.size), expected: new Float64Array(rows.size), ordersInAYear: new Float64Array(rows.size) };
  forEachRow(rows, (row, j) => {
    const figures = forecast(row);
    distinct.pAlive[j] = figures.pAlive;
    distinct.pActive[j] = figures.pActive;
    distinct.expected[j] = figures.expected;
    distinct.ordersInAYear[j] = figures.pAlive > 1e-6 ? ordersInAYear(row) / figures.pAlive : 0;
  });
  const spend = spendModel(columns);
  // The figures overwrite the summary columns they come from (entry k is read before it is written): a million
  // accounts need 40 MB less while their scores are made.
  const figures = {
    label: modelLabel(book),
    pAlive: recency,
    pActive: T,
    expected: litt,
    /** What an order is worth (Gamma-Gamma, else the account's own mean, else its first order). */
    orderValue: monetaryValue,
    /** Orders in a year at the pace the model expects while the account keeps buying. */
    ordersInAYearIfActive: frequency,
  };
  const { rowOf } = rows;
  for (let k = 0; k < n; k++) {
    const j = rowOf[k];
    const mean = monetaryValue[k];
    figures.orderValue[k] = spend ? gammaGammaExpectedSpend(spend, frequency[k], mean) : mean || grouped.totals[grouped.start[k]];
    figures.pAlive[k] = distinct.pAlive[j];
    figures.pActive[k] = distinct.pActive[j];
    figures.expected[k] = distinct.expected[j];
    figures.ordersInAYearIfActive[k] = distinct.ordersInAYear[j];
  }
  return figures;
}

function refit(models: readonly FittedModel[], rows: FitRows<CnbdRow>): BookFit | undefined {
  for (const model of models) {
    try {
      return fitModel(model, rows);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Gamma-Gamma on the repeat buyers with a positive spend, when it fits and is usable. */
function spendModel({ frequency, monetaryValue }: SummaryColumns): GammaGammaParams | undefined {
  let repeatBuyers = 0;
  for (let k = 0; k < frequency.length && repeatBuyers < 3; k++) if (frequency[k] > 0 && monetaryValue[k] > 0) repeatBuyers++;
  if (repeatBuyers < 3) return undefined;
  try {
    const spend = fitGammaGammaColumns({ frequency, monetaryValue });
    // q ≤ 1 means an infinite population mean spend: unusable for shrinkage, use each account's own mean.
    return spend.q > 1 && [spend.p, spend.q, spend.v].every(Number.isFinite) ? spend : undefined;
  } catch {
    return undefined;
  }
}
