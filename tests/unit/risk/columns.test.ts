// Issue 13, the million-customer pipeline on columns: every shortcut the large book takes (rows aggregated once from
// columns, metrics on counts per distinct row, Gamma-Gamma on columns, scores kept as columns, the builder's own id
// table) gives exactly — to the last bit — what the per-object path gives.
import { describe, expect, it } from 'vitest';
import { auc, fitBgNbd, fitGammaGamma, fitMbgCnbd, flagQuality, PurchaseDaysBuilder, scoreBook, summarizePurchaseDays, thresholdForPrecision, toDayNumber, type AccountOrder } from '../../../lib/insights/risk';
import { fitGammaGammaColumns } from '../../../lib/insights/risk/gammaGamma';
import { outcomeGroups, weightedOutcomes } from '../../../lib/insights/risk/outcomeGroups';
import { aggregateColumns, aggregateRows, distinctSorted } from '../../../lib/insights/risk/rows';
import { summaryColumns } from '../../../lib/insights/risk/summary';
import { gammaSampler, random } from '../../support/random';

const TODAY = '2025-06-30';
const END = toDayNumber(TODAY);

/** `accounts` customers with a few gamma-spaced orders each (many one-order customers), listed in shuffled order. */
function orders(accounts: number, seed: number): AccountOrder[] {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const out: AccountOrder[] = [];
  for (let a = 0; a < accounts; a++) {
    const count = rand() < 0.5 ? 1 : 1 + Math.floor(gamma(1.5) * 4);
    for (let i = 0, day = END - 700 + Math.floor(rand() * 600); i < count && day <= END; i++, day += 1 + Math.round(gamma(2) * 30)) {
      out.push({ accountId: `c${a}`, date: new Date(day * 86_400_000).toISOString().slice(0, 10), amount: 10 + Math.floor(rand() * 40) });
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function grouped(accounts: number, seed: number) {
  const builder = new PurchaseDaysBuilder(END);
  for (const order of orders(accounts, seed)) builder.addOrder(order.accountId, order.date, order.amount);
  return builder.build();
}

describe('PurchaseDaysBuilder with customers spread over the log', () => {
  it('finds every customer again wherever its orders are (5,000 customers, the id table grown many times)', () => {
    const log = orders(5000, 3);
    const builder = new PurchaseDaysBuilder(END, 16);
    for (const order of log) builder.addOrder(order.accountId, order.date, order.amount);
    const built = builder.build();
    // A plain reference: first appearance order, days sorted and summed per customer.
    const byId = new Map<string, Map<number, number>>();
    for (const order of log) {
      const days = byId.get(order.accountId) ?? byId.set(order.accountId, new Map()).get(order.accountId)!;
      const day = toDayNumber(order.date);
      days.set(day, (days.get(day) ?? 0) + order.amount);
    }
    expect(built.customerIds).toEqual([...byId.keys()]);
    built.customerIds.forEach((id, k) => {
      const days = [...byId.get(id)!].sort((p, q) => p[0] - q[0]);
      expect(Array.from(built.days.subarray(built.start[k], built.start[k + 1]))).toEqual(days.map(([day]) => day));
      expect(Array.from(built.totals.subarray(built.start[k], built.start[k + 1]))).toEqual(days.map(([, total]) => total));
    });
  });
});

describe('fits on columns aggregated once', () => {
  const book = grouped(3000, 5);
  const columns = summaryColumns(book, END, 7, { logGaps: true });
  const rows = summarizePurchaseDays(book, END, 7, { logGaps: true });

  it('aggregates the columns into the distinct rows aggregateRows finds, and maps each customer to its row', () => {
    const fromColumns = aggregateColumns(columns);
    const { rowOf, ...aggregate } = fromColumns;
    expect(aggregate).toEqual(aggregateRows(rows));
    expect(fromColumns.size).toBeLessThan(rows.length);
    rows.forEach((row, i) => {
      expect([fromColumns.x[rowOf[i]], fromColumns.recency[rowOf[i]], fromColumns.T[rowOf[i]]]).toEqual([row.frequency, row.recency, row.T]);
    });
  });

  it('gives BG/NBD and MBG/CNBD-k fits identical to the fits on the rows', () => {
    const distinct = aggregateColumns(columns);
    expect(fitBgNbd(distinct)).toEqual(fitBgNbd(rows));
    expect(fitMbgCnbd(distinct)).toEqual(fitMbgCnbd(rows));
  });

  it('gives the Gamma-Gamma fit on the rows from columns', () => {
    expect(fitGammaGammaColumns(columns)).toEqual(fitGammaGamma(rows));
  });

  it('lists distinct values in ascending order with each entry s index', () => {
    const { values, indexOf } = distinctSorted(Float64Array.from([3, 1, 3, 0, -0, 2.5, 1]));
    expect(Array.from(values)).toEqual([0, 1, 2.5, 3]);
    expect(Array.from(indexOf)).toEqual([3, 1, 3, 0, 0, 2, 1]);
  });
});

describe('backtest metrics on counts per distinct row', () => {
  it('equal the per-account AUC, threshold and flag quality', () => {
    const book = grouped(3000, 7);
    const columns = summaryColumns(book, END, 7);
    const rand = random(11);
    const bought = Array.from(columns.frequency, (x) => rand() < 0.2 + 0.1 * Math.min(x, 5));
    const groups = outcomeGroups(columns, bought);
    // A score that is a function of the row, with ties across rows (rounded).
    const scoreOf = (x: number, recency: number, T: number) => Math.round((100 * (1 + x)) / (1 + T - recency)) / 100;
    const perRow = Float64Array.from({ length: groups.rows.size }, (_, j) => scoreOf(groups.rows.x[j], groups.rows.recency[j], groups.rows.T[j]));
    const perAccount = Float64Array.from(columns.frequency, (x, i) => scoreOf(x, columns.recency[i], columns.T[i]));
    const cases = weightedOutcomes(groups, perRow);
    expect(auc(cases.scores, cases.bought, cases.weights)).toBe(auc(perAccount, bought));
    const repeat = weightedOutcomes(groups, perRow, true);
    const repeatIndex = [...columns.frequency.keys()].filter((i) => columns.frequency[i] > 0);
    expect(auc(repeat.scores, repeat.bought, repeat.weights)).toBe(auc(repeatIndex.map((i) => perAccount[i]), repeatIndex.map((i) => bought[i])));
    for (const target of [0.5, 0.8, 0.95]) {
      const cut = thresholdForPrecision(cases.scores, cases.bought, target, 5, cases.weights);
      expect(cut).toEqual(thresholdForPrecision(perAccount, bought, target, 5));
      const flagged = (scores: Float64Array) => Array.from(scores, (p) => p <= cut.atOrBelow);
      expect(flagQuality(flagged(cases.scores), cases.bought, cases.weights)).toEqual(flagQuality(flagged(perAccount), bought));
    }
  });
});

describe('RiskScores', () => {
  const book = orders(800, 13);
  const { scores } = scoreBook(book, { today: TODAY, segmentOf: (id) => (Number(id.slice(1)) % 4 === 0 ? 'second' : 'main') });

  it('makes the same LapseRisk by index, in a list and by iteration, with the level the column says', () => {
    const all = scores.toArray();
    expect(all).toHaveLength(scores.length);
    expect([...scores]).toEqual(all);
    all.forEach((risk, k) => {
      expect(scores.at(k)).toEqual(risk);
      expect(scores.levelAt(k)).toBe(risk.level);
    });
    expect(new Set(all.map((r) => r.level)).size).toBeGreaterThan(1);
  });

  it('refuses an index outside the book', () => {
    expect(() => scores.at(scores.length)).toThrow(RangeError);
    expect(() => scores.levelAt(-1)).toThrow(RangeError);
  });
});
