import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { parseImportFile } from '../../../lib/import';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { readOnly } from '../../../lib/db/readOnly';
import { loadFileSettings, saveFileSettings } from '../../../lib/service/mappingStore';
import { NOW, parseFixture } from './fixtures';

describe('currency is never assumed', () => {
  it('a US log without a currency: the amounts carry none, and the preview asks', async () => {
    const p = await parseFixture('invoices-us.csv');
    expect(p.batch.orders.every((o) => o.currency === undefined)).toBe(true);
    expect(p.needsCurrency).toEqual({ amounts: 4 });
    expect(p.currencies).toEqual([]);
    expect(p.answers).toBeUndefined();
  });

  it('the answer is applied to every amount without one', async () => {
    const p = await parseFixture('invoices-us.csv', { currency: 'USD' });
    expect(p.batch.orders.map((o) => o.currency)).toEqual(['USD', 'USD', 'USD', 'USD']);
    expect(p.needsCurrency).toBeUndefined();
    expect(p.currencies).toEqual(['USD']);
    expect(p.answers).toEqual({ currency: 'USD', remembered: false });
  });

  it('a currency column, a symbol or an ISO code in the value win over the answer', async () => {
    const text = 'Invoice No,Invoice Date,Customer Name,Amount,Currency\nA-1,2024-01-05,Acme,12.50,GBP\nA-2,2024-01-06,Acme,€13.50,\nA-3,2024-01-07,Acme,14.50 CHF,\nA-4,2024-01-08,Acme,15.50,\n';
    const p = await parseImportFile(text, { fileName: 'x.csv', now: NOW, currency: 'USD' });
    expect(p.batch.orders.map((o) => o.currency)).toEqual(['GBP', 'EUR', 'CHF', 'USD']);
    expect(p.currencies).toEqual(['CHF', 'EUR', 'GBP', 'USD']);
    const unanswered = await parseImportFile(text, { fileName: 'x.csv', now: NOW });
    expect(unanswered.needsCurrency).toEqual({ amounts: 1 });
  });

  it('a file with no amounts asks nothing', async () => {
    const p = await parseImportFile('Invoice No,Invoice Date,Customer Name\nA-1,2024-01-05,Acme\n', { fileName: 'x.csv', now: NOW });
    expect(p.needsCurrency).toBeUndefined();
  });

  it('remembered per layout: the next file with the same headers is read with the answer, and says so', async () => {
    const first = await parseFixture('invoices-us.csv');
    const db = await openKeepAccountDb({ name: `currency-${Math.random()}` });
    await saveFileSettings(db, first.mappingKey, { currency: 'USD' });
    await saveFileSettings(db, first.mappingKey, { decimal: '.' });
    const remembered = await loadFileSettings(readOnly(db));
    expect(remembered).toEqual({ [first.mappingKey]: { currency: 'USD', decimal: '.' } });
    const next = await parseFixture('invoices-us.csv', { remembered });
    expect(next.batch.orders.map((o) => o.currency)).toEqual(['USD', 'USD', 'USD', 'USD']);
    expect(next.answers).toEqual({ currency: 'USD', decimal: '.', remembered: true });
    // Another layout is not touched by it.
    const other = await parseFixture('orders.csv', { remembered });
    expect(other.answers).toBeUndefined();
    db.close();
  });
});
