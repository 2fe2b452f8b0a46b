import { describe, expect, it } from 'vitest';
import { summarizeTransactions, toDayNumber, type Transaction } from '../../../lib/insights/risk';

// Hand-checked log. 2024 is a leap year: Jan 1 → Feb 1 = 31 days, → Mar 1 = 60, → Mar 31 = 90.
const log: Transaction[] = [
  { customerId: 'A', date: '2024-01-22', amount: 30 },
  { customerId: 'A', date: '2024-01-01', amount: 10 },
  { customerId: 'A', date: '2024-01-01', amount: 5 }, // same day: one purchase occasion
  { customerId: 'A', date: '2024-01-08', amount: 20 },
  { customerId: 'A', date: '2024-03-01', amount: 100 },
  { customerId: 'B', date: '20240115', amount: 7 },
  { customerId: 'C', date: new Date(Date.UTC(2024, 1, 10)), amount: 1 },
];

describe('summarizeTransactions', () => {
  it('counts repeat purchase days, recency and T to the observation end (days)', () => {
    const rows = summarizeTransactions(log, { observationEnd: '2024-03-31', unit: 'days' });
    expect(rows).toEqual([
      { customerId: 'A', frequency: 3, recency: 60, T: 90, monetaryValue: 50 },
      { customerId: 'B', frequency: 0, recency: 0, T: 76, monetaryValue: 0 },
      { customerId: 'C', frequency: 0, recency: 0, T: 50, monetaryValue: 0 },
    ]);
  });

  it('stops at the calibration end, drops later customers, and speaks weeks', () => {
    const rows = summarizeTransactions(log, { observationEnd: '2024-03-31', calibrationEnd: '2024-02-01', unit: 'weeks' });
    expect(rows).toEqual([
      { customerId: 'A', frequency: 2, recency: 3, T: 31 / 7, monetaryValue: 25 },
      { customerId: 'B', frequency: 0, recency: 0, T: 17 / 7, monetaryValue: 0 },
    ]);
  });

  it('sums same-day amounts into the repeat-purchase mean', () => {
    const rows = summarizeTransactions(
      [
        { customerId: 'x', date: '2024-05-01', amount: 1 },
        { customerId: 'x', date: '2024-05-03', amount: 4 },
        { customerId: 'x', date: '2024-05-03', amount: 6 },
        { customerId: 'x', date: '2024-05-04' },
      ],
      { observationEnd: '2024-05-10', unit: 'days' },
    );
    expect(rows[0]).toMatchObject({ frequency: 2, recency: 3, T: 9, monetaryValue: 5 });
  });

  it('rejects bad dates and calibration after observation, naming the transaction', () => {
    expect(() => summarizeTransactions([{ customerId: 'q', date: '2024-02-30' }], { observationEnd: '2024-03-01', unit: 'days' })).toThrow(/transaction 0 \(customer q\)/);
    expect(() => summarizeTransactions(log, { observationEnd: '2024-01-01', calibrationEnd: '2024-02-01', unit: 'days' })).toThrow(/calibrationEnd/);
  });
});

describe('calendar days', () => {
  it('reads YYYY-MM-DD, YYYYMMDD and timestamps as the same UTC day', () => {
    const day = Date.UTC(1997, 0, 1) / 86_400_000;
    expect(toDayNumber('1997-01-01')).toBe(day);
    expect(toDayNumber('19970101')).toBe(day);
    expect(toDayNumber('1997-01-01 23:59:00')).toBe(day);
    expect(toDayNumber(new Date(Date.UTC(1997, 0, 1, 23, 59)))).toBe(day);
    expect(toDayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(() => toDayNumber('1900-02-29')).toThrow(/calendar date/);
    expect(() => toDayNumber('01/02/2024')).toThrow(/not a date/);
  });
});
