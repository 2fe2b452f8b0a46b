// The book's model refitted on all of its orders and every account's figures from it (P(alive), P(order in the
// horizon), expected orders, what an order is worth, orders in a year): typed arrays, for scoreBook (accountRisk.ts)
// to turn into one LapseRisk per account. Pure; no clock.
import { expectedOrdersOver, fitModel, forecaster, modelLabel, type BookFit, type FittedModel } from './choose';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams } from './gammaGamma';
import type { CnbdRow } from './mbgcnbd';
import { summaryColumns, type PurchaseDays, type SummaryColumns } from './summary';

const WEEK = 7;
const YEAR_DAYS = 365;

/**
 * The book's model refitted on everything (the first of `models` that fits) and each account's figures from it, in
 * typed arrays. The summary is kept as columns; row objects exist only while the fit runs, and the forecasts read
 * one reused row.
 */
export function forecastEveryAccount(grouped: PurchaseDays, asOf: Int32Array, models: readonly FittedModel[], horizonDays: number) {
  const columns = summaryColumns(grouped, (k) => asOf[k], WEEK, { logGaps: true });
  const { frequency, recency, T, monetaryValue } = columns;
  const litt = columns.litt!;
  const n = frequency.length;
  // One-order accounts with the same T share one row object, as in the backtest's split (rows are only read).
  const oneOrder = new Map<number, CnbdRow>();
  const rowOf = (k: number): CnbdRow => ({ frequency: frequency[k], recency: recency[k], T: T[k], litt: litt[k] });
  const rowAt = (k: number): CnbdRow => {
    if (frequency[k] > 0) return rowOf(k);
    let row = oneOrder.get(T[k]);
    if (!row) oneOrder.set(T[k], (row = rowOf(k)));
    return row;
  };
  const book = refit(models, Array.from({ length: n }, (_, k) => rowAt(k)));
  if (!book) return undefined;
  const predict = forecaster(book, horizonDays / WEEK);
  const ordersInAYear = expectedOrdersOver(book, YEAR_DAYS / WEEK);
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
  const row: CnbdRow = { frequency: 0, recency: 0, T: 0, litt: 0 };
  for (let k = 0; k < n; k++) {
    row.frequency = frequency[k];
    row.recency = recency[k];
    row.T = T[k];
    row.litt = litt[k];
    const mean = monetaryValue[k];
    const forecast = predict(row);
    figures.pAlive[k] = forecast.pAlive;
    figures.pActive[k] = forecast.pActive;
    figures.expected[k] = forecast.expected;
    figures.orderValue[k] = spend ? gammaGammaExpectedSpend(spend, row.frequency, mean) : mean || grouped.totals[grouped.start[k]];
    figures.ordersInAYearIfActive[k] = forecast.pAlive > 1e-6 ? ordersInAYear(row) / forecast.pAlive : 0;
  }
  return figures;
}

function refit(models: readonly FittedModel[], rows: readonly CnbdRow[]): BookFit | undefined {
  for (const model of models) {
    try {
      return fitModel(model, rows);
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Gamma-Gamma on the repeat buyers with a positive spend (rows made for them alone), when it fits and is usable. */
function spendModel({ frequency, monetaryValue }: SummaryColumns): GammaGammaParams | undefined {
  const repeatBuyers: { frequency: number; monetaryValue: number }[] = [];
  for (let k = 0; k < frequency.length; k++) if (frequency[k] > 0 && monetaryValue[k] > 0) repeatBuyers.push({ frequency: frequency[k], monetaryValue: monetaryValue[k] });
  if (repeatBuyers.length < 3) return undefined;
  try {
    const spend = fitGammaGamma(repeatBuyers);
    // q ≤ 1 means an infinite population mean spend: unusable for shrinkage, use each account's own mean.
    return spend.q > 1 && [spend.p, spend.q, spend.v].every(Number.isFinite) ? spend : undefined;
  } catch {
    return undefined;
  }
}
