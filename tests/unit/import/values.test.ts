import { describe, expect, it } from 'vitest';
import { AMBIGUOUS, parseAmount, parseDate } from '../../../lib/import';
import { dateOrderEvidence, parseCount } from '../../../lib/import/values';

describe('parseAmount', () => {
  it.each([
    ['€1.234,56', 1234.56, 'EUR'],
    ['$1,234.56', 1234.56, 'USD'],
    ['1 234,56 €', 1234.56, 'EUR'],
    ['1\u00a0234,56', 1234.56, undefined],
    ['(12.50)', -12.5, undefined],
    ['-3', -3, undefined],
    ['3-', -3, undefined],
    ['12,50', 12.5, undefined],
    ['1,234', 1234, undefined],
    ['1.234.567', 1234567, undefined],
    ['1,234,567.8', 1234567.8, undefined],
    ["CHF 1'200.00", 1200, 'CHF'],
    ['1200 USD', 1200, 'USD'],
    ['£0.99', 0.99, 'GBP'],
    ['₹ 12,00,000', 1_200_000, 'INR'],
    ['11.77', 11.77, undefined],
  ])('%s → %d %s', (text, value, currency) => {
    expect(parseAmount(text)).toEqual(currency ? { value, currency } : { value });
  });

  it.each(['abc', '', '1.2.3,4,5', '12,34,5', '--', '1,2,3'])('%j is not an amount', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('counts are whole and non-negative', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('12.5')).toBeUndefined();
    expect(parseCount('-1')).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],
    ['2024-03-05 14:02', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['19970101', '1997-01-01'],
    ['45291', '2023-12-31'],
    ['45291.5', '2023-12-31'],
    ['31/01/2024', '2024-01-31'],
    ['01/31/2024', '2024-01-31'],
    ['31.01.2024', '2024-01-31'],
    ['05.02.2024', '2024-02-05'],
    ['31/01/24', '2024-01-31'],
    ['07/07/2024', '2024-07-07'],
    ['5 Mar 2024', '2024-03-05'],
    ['Mar 5, 2024', '2024-03-05'],
    ['March 5th, 2024', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('day and month ≤ 12 are ambiguous until the order is known', () => {
    expect(parseDate('01/02/2024')).toBe(AMBIGUOUS);
    expect(parseDate('01/02/2024', 'dmy')).toBe('2024-02-01');
    expect(parseDate('01/02/2024', 'mdy')).toBe('2024-01-02');
  });

  it("the file's order wins over one value's shape", () => {
    expect(parseDate('12/31/2024', 'dmy')).toBeUndefined();
    expect(parseDate('31/12/2024', 'mdy')).toBeUndefined();
  });

  it.each(['31/02/2024', '2024-02-30', '29/02/2023', '2024-13-01', 'tomorrow', '12345', '99999', '13/13/2024'])('%s is not a date', (text) => {
    expect(parseDate(text, 'dmy')).toBeUndefined();
  });

  it('dateOrderEvidence reads which part is the day', () => {
    expect(dateOrderEvidence('25/06/2024')).toBe('dmy');
    expect(dateOrderEvidence('06/25/2024')).toBe('mdy');
    expect(dateOrderEvidence('06/05/2024')).toBeUndefined();
    expect(dateOrderEvidence('25.06.2024')).toBeUndefined();
  });
});
