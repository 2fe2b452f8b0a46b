// Issue 13, the million-customer pipeline: orders streamed into typed arrays (PurchaseDaysBuilder) give exactly what
// grouping the whole log gives, and scoreBook on them gives exactly the scores of scoreBook on the order list.
import { describe, expect, it } from 'vitest';
import { groupPurchaseDays, PurchaseDaysBuilder, scoreBook, sortByScore, sumLogGaps, summarizePurchaseDays, toDayNumber, type AccountOrder } from '../../../lib/insights/risk';
import { gammaSampler, random } from '../../support/random';

const TODAY = '2025-06-30';
const DAY = 86_400_000;

/** A book of `accounts` regular buyers over two years, some stopped, orders listed out of order and in pairs on one day. */
function book(accounts: number, seed: number): AccountOrder[] {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const end = Date.parse(TODAY);
  const orders: AccountOrder[] = [];
  for (let a = 0; a < accounts; a++) {
    const shape = 1 + Math.floor(rand() * 6);
    const mean = 10 + rand() * 60;
    const stop = rand() < 0.3 ? Math.floor(rand() * 500) : 0;
    const currency = a % 7 === 0 ? 'USD' : 'EUR';
    for (let day = Math.floor(rand() * 500); day < 760 - stop; day += Math.max(1, Math.round((gamma(shape) * mean) / shape))) {
      const date = new Date(end - (730 - day) * DAY).toISOString().slice(0, 10); // some after today
      orders.push({ accountId: `acct-${a}`, date, amount: Math.round(rand() * 90_000) / 100, currency });
      if (rand() < 0.1) orders.push({ accountId: `acct-${a}`, date, amount: 12.5, currency });
    }
  }
  for (let i = orders.length - 1; i > 0; i -= 3) {
    const j = Math.floor(rand() * i);
    [orders[i], orders[j]] = [orders[j], orders[i]];
  }
  return orders;
}

/** The book fed in chunks of `size` orders, as the rescore feeds order buckets. */
function streamed(orders: readonly AccountOrder[], size: number, endDay: number) {
  const builder = new PurchaseDaysBuilder(endDay, 16);
  for (let from = 0; from < orders.length; from += size) {
    for (const order of orders.slice(from, from + size)) builder.add(order.accountId, toDayNumber(order.date), order.amount, order.currency);
  }
  return builder.build();
}

describe('PurchaseDaysBuilder', () => {
  const orders = book(400, 1);
  const endDay = toDayNumber(TODAY);

  it('gives the purchase days of grouping the whole log, order by order, with each account first currency', () => {
    const grouped = groupPurchaseDays(orders, endDay, (o) => o.accountId);
    const built = streamed(orders, 97, endDay);
    expect(built.customerIds).toEqual(grouped.customerIds);
    expect(built.start).toEqual(grouped.start);
    expect(built.days).toEqual(grouped.days);
    expect(built.totals).toEqual(grouped.totals);
    expect(built.firstTransaction).toEqual(grouped.firstTransaction);
    expect(built.currencies).toEqual(Array.from(grouped.firstTransaction, (i) => orders[i].currency));
    expect(orders.some((o) => toDayNumber(o.date) > endDay)).toBe(true); // the later orders were left out
  });

  it('refuses an amount that is not a number and a day that is not a whole number, naming the order', () => {
    const builder = new PurchaseDaysBuilder();
    builder.add('a', 100, 5);
    expect(() => builder.add('b', 101, Number.NaN)).toThrow('transaction 1 (customer b): amount is not a number');
    expect(() => builder.addOrder('c', '2024-13-01', 1)).toThrow(/transaction 2 \(customer c\)/);
    expect(() => builder.add('d', 1.5, 1)).toThrow(/transaction 3 \(customer d\): not a day number/);
  });
});

describe('summarizePurchaseDays with an end day per customer', () => {
  it('measures T to each customer own end day and gives Σ log gaps', () => {
    const grouped = groupPurchaseDays(
      [
        { customerId: 'a', date: '2024-01-01', amount: 10 },
        { customerId: 'a', date: '2024-01-15', amount: 30 },
        { customerId: 'a', date: '2024-02-12', amount: 50 },
        { customerId: 'b', date: '2024-01-08', amount: 7 },
      ],
      toDayNumber('2024-12-31'),
    );
    const ends = [toDayNumber('2024-03-11'), toDayNumber('2024-01-29')];
    const rows = summarizePurchaseDays(grouped, (k) => ends[k], 7, { logGaps: true });
    expect(rows).toEqual([
      { customerId: 'a', frequency: 2, recency: 6, T: 10, monetaryValue: 40, litt: Math.log(2) + Math.log(4) },
      { customerId: 'b', frequency: 0, recency: 0, T: 3, monetaryValue: 0, litt: 0 },
    ]);
    expect(rows[0].litt).toBe(sumLogGaps(grouped.days, 0, 3, 7));
    expect(summarizePurchaseDays(grouped, toDayNumber('2024-03-11'), 7)[1]).toEqual({ customerId: 'b', frequency: 0, recency: 0, T: 9, monetaryValue: 0 });
  });
});

describe('scoreBook on streamed purchase days', () => {
  it('gives exactly the scores and the model of scoreBook on the order list (as-of days and segments included)', () => {
    const orders = book(600, 2);
    const asOf = (id: string) => (id.endsWith('7') ? '2025-04-30' : id.endsWith('3') ? undefined : '2025-06-15');
    const segmentOf = (id: string) => (id.endsWith('1') ? 'small-feed' : Number(id.slice(5)) % 3 === 0 ? 'second-feed' : 'main-feed');
    const options = { today: TODAY, asOf, segmentOf };
    const asObjects = ({ scores, model }: ReturnType<typeof scoreBook>) => ({ scores: scores.toArray(), model });
    const fromList = asObjects(scoreBook(orders, options));
    const fromStream = asObjects(scoreBook(streamed(orders, 1000, toDayNumber(TODAY)), options));
    expect(fromList.model.segments?.length).toBe(3);
    expect(fromList.model.chosenBy).toBe('backtest');
    expect(fromStream).toEqual(fromList);
    expect(JSON.stringify(fromStream)).toBe(JSON.stringify(fromList));
    expect(fromStream.scores.find((s) => s.accountId === 'acct-7')?.currency).toBe('USD');
  });
});

describe('sortByScore', () => {
  it('orders indices as the stable comparison sort does, ties, −0, negatives and infinities included', () => {
    const rand = random(3);
    const values = [0, -0, 0.25, 0.25, -1, Infinity, -Infinity, 1e-300, -1e-300];
    for (const n of [100, 5000]) {
      const scores = Float64Array.from({ length: n }, () => (rand() < 0.5 ? values[Math.floor(rand() * values.length)] : rand() - 0.5));
      const stable = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => scores[p] - scores[q]);
      expect(sortByScore(scores)).toEqual(stable);
    }
  });
});
