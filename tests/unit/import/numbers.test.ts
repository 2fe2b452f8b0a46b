import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import';
import { AMBIGUOUS, decimalEvidence, parseAmount, parseCount } from '../../../lib/import/values';
import { NOW, parseFixture } from './fixtures';

describe('decimal marks: what one value says', () => {
  it.each([
    ['1.234,50', ','],
    ['12,5', ','],
    ['0,500', ','],
    ['1.000.000', ','],
    ['1,234.50', '.'],
    ['12.5', '.'],
    ['1,234,567', '.'],
    ['1234,567', ','],
    ['1.000', AMBIGUOUS],
    ['2,500', AMBIGUOUS],
    ['€ 2.500', AMBIGUOUS],
    ['12', undefined],
    ['1 000', undefined],
    ['abc', undefined],
  ])('%j → %s', (text, evidence) => {
    expect(decimalEvidence(text)).toBe(evidence);
  });

  it('a known mark reads the text strictly', () => {
    expect(parseAmount('2.500', ',')).toEqual({ value: 2500 });
    expect(parseAmount('1.234,50', ',')).toEqual({ value: 1234.5 });
    expect(parseAmount('2.500', '.')).toEqual({ value: 2.5 });
    expect(parseAmount('2,500', '.')).toEqual({ value: 2500 });
    expect(parseAmount('-1.000', ',')).toEqual({ value: -1000 });
    expect(parseAmount('12.5', ',')).toBeUndefined();
    expect(parseAmount('1,234.50', ',')).toBeUndefined();
    expect(parseAmount('12,50', '.')).toBeUndefined();
  });

  it('a count has no decimals, so "1.200" employees are twelve hundred', () => {
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount('1,200')).toBe(1200);
  });
});

const ORDER_MAPPING = { kind: 'orders' as const, columns: { customerId: 'Kundennummer', date: 'Rechnungsdatum', product: 'Artikel', quantity: 'Menge', amount: 'Betrag' } };

describe('decimal marks decided per column from all its values', () => {
  it('German invoice book: 2.500 beside 1.234,50 is 2500; quantity 1.000 is 1000 (the file writes decimal commas)', async () => {
    const p = await parseFixture('erp-rechnungsbuch.csv', { mapping: ORDER_MAPPING });
    expect(p.rejected).toEqual([]);
    expect(p.needsDecimalMark).toBeUndefined();
    expect(p.batch.orders.map((o) => [o.date, o.quantity, o.amount])).toEqual([
      // Row 2 waited for the file to show its decimal mark (row 3), then was read first, in file order.
      ['2024-02-05', 1000, 2500],
      ['2024-03-04', 12, 1234.5],
      ['2024-03-11', 40, 389.9],
      ['2024-04-02', 1000, 2500],
      ['2024-04-15', 120, 12345],
    ]);
  });

  it('US invoice log: "2,500" beside "1,234.50" is 2500', async () => {
    const p = await parseFixture('invoices-us.csv');
    expect(p.format).toBe('order-log');
    expect(p.batch.orders.map((o) => o.amount)).toEqual([1234.5, 2500, 617.25, 118863.25]);
  });

  it('French invoices: "1 000" pieces and "1 485,00" euros', async () => {
    // Through the mapping step as the user confirms it: the lexicon's French guess, unchanged; 13/02/2024 decides day-first.
    const first = await parseFixture('factures-fr.csv');
    expect(first.needsMapping?.languages).toContain('fr'); // and 'en': "Client" is English too
    expect(first.needsMapping?.suggestion.columns).toEqual({
      customerId: 'N° client', customerName: 'Client', invoiceNo: 'N° facture', date: 'Date de facture', product: 'Désignation', quantity: 'Quantité', unitPrice: 'Prix unitaire HT', amount: 'Montant HT', currency: 'Devise',
    });
    const p = await parseFixture('factures-fr.csv', { mapping: first.needsMapping!.suggestion });
    expect(p.rejected).toEqual([]);
    expect(p.batch.orders.map((o) => [o.date, o.quantity, o.amount, o.currency])).toEqual([
      ['2024-01-08', 20, 129, 'EUR'],
      ['2024-02-12', 150, 1485, 'EUR'],
      ['2024-02-13', 1000, 4800, 'EUR'],
    ]);
  });

  it('a column whose values are all like 1.000 and 2.500, with nothing else in the file: asked, as the date order is', async () => {
    const text = 'Kundennummer;Rechnungsdatum;Menge;Betrag\n10190;2024-02-05;1.000;2.500\n10233;2024-02-06;2;1.250\n';
    const asked = await parseImportFile(text, { fileName: 'ambiguous.csv', now: NOW, mapping: ORDER_MAPPING });
    expect(asked.needsDecimalMark).toEqual({ examples: ['2.500', '1.250'], rows: 2 });
    expect(asked.warnings.join(' ')).toContain('2 rows have numbers such as 2.500 that read both as thousands and as decimals');
    // The rows wait for the answer: nothing is read as 2.5 by guess.
    expect(asked.batch.orders).toEqual([]);
    const thousands = await parseImportFile(text, { fileName: 'ambiguous.csv', now: NOW, mapping: ORDER_MAPPING, decimal: ',' });
    expect(thousands.needsDecimalMark).toBeUndefined();
    expect(thousands.batch.orders.map((o) => [o.quantity, o.amount])).toEqual([[1000, 2500], [2, 1250]]);
    const decimals = await parseImportFile(text, { fileName: 'ambiguous.csv', now: NOW, mapping: ORDER_MAPPING, decimal: '.' });
    expect(decimals.batch.orders.map((o) => [o.quantity, o.amount])).toEqual([[1, 2.5], [2, 1.25]]);
  });

  it("the file's own evidence wins over the user's earlier answer", async () => {
    const text = 'Kundennummer;Rechnungsdatum;Menge;Betrag\n1;2024-02-05;1.000;2.500\n2;2024-02-06;2;3,75\n';
    const p = await parseImportFile(text, { fileName: 'x.csv', now: NOW, mapping: ORDER_MAPPING, decimal: '.' });
    expect(p.batch.orders.map((o) => [o.quantity, o.amount]).sort()).toEqual([[1000, 2500], [2, 3.75]]);
  });

  it('a value written the other way in a decided column is rejected with the reason', async () => {
    const text = 'Kundennummer;Rechnungsdatum;Menge;Betrag\n1;2024-02-05;1;1.234,50\n2;2024-02-06;2;12.5\n';
    const p = await parseImportFile(text, { fileName: 'x.csv', now: NOW, mapping: ORDER_MAPPING });
    expect(p.rejected.map((r) => r.reason)).toEqual(["row 3, column Betrag: '12.5' is not an amount (this file writes numbers as 1.234,56)"]);
  });
});
