import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { feedOf, importRecordOf, ordersThroughOf, parseImportFile, rejectedRowsCsv } from '../../../lib/import';
import { NOW, parseFixture } from './fixtures';

describe('order logs', () => {
  it('orders.csv: ids from invoice number and line, accounts keyed by domain with customer keys, clear reasons', async () => {
    const p = await parseFixture('orders.csv');
    expect(p.rowsRead).toBe(7);
    expect(p.batch.orders.map((o) => [o.accountId, o.date, o.amount, o.product, o.quantity, o.currency])).toEqual([
      ['acme.com', '2024-01-05', 250, 'Vanilla extract', 10, 'EUR'],
      ['acme.com', '2024-01-05', 80.5, 'Cocoa powder', 2, 'EUR'],
      // Same customer id, no domain on this line: resolved to the domain seen for C100.
      ['acme.com', '2024-02-05', 250, 'Vanilla extract', 10, 'EUR'],
      ['name:bakery chain', '2024-02-09', 25, 'Vanilla extract', 1, 'EUR'],
    ]);
    expect(new Set(p.batch.orders.map((o) => o.id)).size).toBe(4);
    expect(p.batch.accounts).toEqual([
      { id: 'acme.com', name: 'Acme Foods', domains: ['acme.com'], crmIds: [], customerKeys: ['C100'], updatedAt: NOW.toISOString() },
      { id: 'name:bakery chain', name: 'Bakery Chain', domains: [], crmIds: [], customerKeys: ['C200'], updatedAt: NOW.toISOString() },
    ]);
    expect(p.rejected.map((r) => [r.row, r.column, r.reason])).toEqual([
      [6, undefined, 'row 6: no customer key (Customer ID, Customer Domain and Customer Name are all empty)'],
      [7, 'Invoice Date', "row 7, column Invoice Date: '2024-02-30' is not a date"],
      [8, 'Amount', "row 8, column Amount: 'abc' is not an amount"],
    ]);
    expect(p.rejected[2].raw).toMatchObject({ 'Invoice No': 'INV-1006', Amount: 'abc' });
  });

  it('re-importing the same file yields identical records', async () => {
    const a = await parseFixture('orders.csv');
    const b = await parseFixture('orders.csv');
    expect(b.batch).toEqual(a.batch);
  });

  it('CDNOW without a header row: named by position, repeated identical lines keep distinct ids', async () => {
    const p = await parseFixture('cdnow-headerless.txt');
    expect(p.headers).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(p.rowsRead).toBe(3);
    expect(p.batch.orders.map((o) => [o.accountId, o.date, o.amount, o.currency])).toEqual([
      ['customer:00001', '1997-01-01', 11.77, 'USD'],
      ['customer:00002', '1997-01-12', 12, 'USD'],
      ['customer:00002', '1997-01-12', 12, 'USD'],
    ]);
    expect(new Set(p.batch.orders.map((o) => o.id)).size).toBe(3);
    expect(p.batch.accounts.map((a) => [a.id, a.name, a.customerKeys])).toEqual([
      ['customer:00001', 'Customer 00001', ['00001']],
      ['customer:00002', 'Customer 00002', ['00002']],
    ]);
  });

  it('ISO with time, Excel serial, yyyymmdd and month names in one file; a private buyer is keyed by address', async () => {
    const p = await parseFixture('mixed-dates.csv');
    expect(p.format).toBe('order-log');
    expect(p.batch.orders.map((o) => [o.date, o.amount, o.accountId])).toEqual([
      ['2024-03-05', 1234.56, 'acme.com'],
      ['2023-12-31', 10, 'acme.com'],
      ['2024-01-05', 10, 'acme.com'],
      ['2024-03-05', 10, 'acme.com'],
      ['2024-03-05', 10, 'customer:buyer@gmail.com'],
    ]);
    expect(p.batch.orders[0].currency).toBe('USD');
  });

  it('a line with more values than headers is rejected, trailing empty cells are not', async () => {
    const p = await parseFixture('too-many-values.csv');
    expect(p.rejected.map((r) => r.reason)).toEqual(['row 2: 5 values but the header has 4 columns (a value containing the separator may need quotes)']);
    expect(p.batch.orders).toHaveLength(1);
  });
});

describe('activity logs', () => {
  it('emails.csv: kinds from type and direction, account from the work domain', async () => {
    const p = await parseFixture('emails.csv');
    expect(p.batch.activities.map((a) => [a.date, a.kind, a.email, a.accountId])).toEqual([
      ['2024-03-01', 'email-in', 'anna.berg@acme.com', 'acme.com'],
      ['2024-03-02', 'email-out', 'anna.berg@acme.com', 'acme.com'],
      ['2024-03-03', 'meeting', 'anna.berg@acme.com', 'acme.com'],
      ['2024-03-04', 'call', 'joe.park@gmail.com', undefined],
    ]);
    expect(p.rejected.map((r) => r.reason)).toEqual([
      'row 6: email without a direction (column Direction should say Inbound or Outbound)',
      "row 7, column Activity Type: 'Fax' is not an activity type (Email, Meeting or Call)",
    ]);
  });
});

describe('real-world CSV', () => {
  it('UTF-8 BOM, semicolons, CRLF, trailing empty lines, European amounts, day-first dates decided by 31/01', async () => {
    const p = await parseFixture('semicolon-european.csv', {
      mapping: { kind: 'orders', columns: { invoiceNo: 'Rechnung', date: 'Datum', customerName: 'Kunde', amount: 'Betrag', currency: 'Währung' } },
    });
    expect(p.headers).toEqual(['Rechnung', 'Datum', 'Kunde', 'Betrag', 'Währung']);
    expect(p.rowsRead).toBe(3);
    expect(p.needsDateOrder).toBeUndefined();
    expect(p.batch.orders.map((o) => [o.date, o.amount, o.currency, o.accountId])).toEqual([
      ['2024-01-31', 1234.56, 'EUR', 'name:mueller'],
      ['2024-02-05', 1234.56, 'EUR', 'name:mueller'],
      ['2024-02-06', -12.5, 'EUR', 'name:mueller'],
    ]);
  });

  it('Windows-1252 bytes are detected and decoded, with a warning', async () => {
    const p = await parseFixture('windows-1252.csv');
    expect(p.batch.accounts[0].name).toBe('Café Müller');
    expect(p.batch.orders[0]).toMatchObject({ amount: 99, currency: 'EUR' });
    expect(p.warnings[0]).toMatch(/Windows-1252/);
  });

  it('UTF-16 with BOM, tab-separated (Excel "Unicode text")', async () => {
    const p = await parseFixture('utf16.txt');
    expect(p.batch.accounts[0].name).toBe('Zoë AB');
    expect(p.warnings).toEqual([]);
    // The amount carries no currency: the preview asks (never assumed).
    expect(p.needsCurrency).toEqual({ amounts: 1 });
  });

  it('tab-separated with a comma inside a value', async () => {
    const p = await parseFixture('tab-separated.tsv');
    expect(p.batch.orders[0]).toMatchObject({ amount: 1.5, accountId: 'name:tab' });
    expect(p.batch.accounts[0].name).toBe('Tab Co, Ltd');
  });

  it('quoted newlines and quotes stay inside cells; row numbers are spreadsheet rows', async () => {
    const p = await parseFixture('quoted-newlines.csv');
    expect(p.batch.accounts.map((a) => [a.id, a.name, a.industry])).toEqual([
      ['acme.com', 'Acme\nFoods', 'Food, "fine" stuff'],
      ['beta.com', 'Beta', 'Tools'],
      ['name:gamma', 'Gamma', undefined],
    ]);
  });

  it('duplicate and blank headers are renamed', async () => {
    const p = await parseFixture('duplicate-headers.csv');
    expect(p.headers).toEqual(['Email', 'Email (2)', 'Column 3', 'Activity Date', 'Activity Type', 'Direction']);
    expect(p.batch.activities[0].email).toBe('anna@acme.com');
  });

  it('row numbers count a record spanning lines once, and blank lines in between', async () => {
    const text = 'Invoice No,Invoice Date,Customer ID,Amount,Note\nA1,2024-01-01,C1,10,"two\nlines"\n\nA2,2024-01-01,C1,xyz,\n';
    const p = await parseImportFile(text, { fileName: 'x.csv', now: NOW });
    expect(p.rejected.map((r) => r.row)).toEqual([4]);
  });

  it('rows spanning chunk boundaries are read whole (large file)', async () => {
    const lines = ['Invoice No,Invoice Date,Customer ID,Amount,Note'];
    for (let i = 0; i < 30_000; i++) lines.push(`I${i},2024-01-01,C${i % 50},${i}.25,"note ${i}\nwith, comma"`);
    const p = await parseImportFile(lines.join('\n'), { fileName: 'big.csv', now: NOW });
    expect(p.rowsRead).toBe(30_000);
    expect(p.rejected).toEqual([]);
    expect(p.batch.orders[29_999].amount).toBe(29_999.25);
  });
});

describe('day/month order', () => {
  it('is asked, not guessed, when every date fits both ways', async () => {
    const p = await parseFixture('ambiguous-dates.csv');
    expect(p.needsDateOrder).toEqual({ examples: ['01/02/2024', '03/04/2024', '05/06/2024'] });
    expect(p.batch.orders).toEqual([]);
    const dmy = await parseFixture('ambiguous-dates.csv', { dateOrder: 'dmy' });
    expect(dmy.needsDateOrder).toBeUndefined();
    expect(dmy.batch.orders.map((o) => o.date)).toEqual(['2024-02-01', '2024-04-03', '2024-06-05']);
    const mdy = await parseFixture('ambiguous-dates.csv', { dateOrder: 'mdy' });
    expect(mdy.batch.orders.map((o) => o.date)).toEqual(['2024-01-02', '2024-03-04', '2024-05-06']);
  });

  it('is decided by the first day > 12; earlier rows are read with it, contradicting rows rejected', async () => {
    const p = await parseFixture('decided-late.csv');
    expect(p.needsDateOrder).toBeUndefined();
    expect(p.batch.orders.map((o) => o.date).sort()).toEqual(['2024-02-01', '2024-04-03', '2024-06-25']);
    expect(p.rejected.map((r) => r.reason)).toEqual(["row 5, column Invoice Date: '12/31/2024' is not a date (this file writes day/month/year)"]);
  });
});

describe('unknown files and mappings', () => {
  it('asks for a mapping, with a guess, a stable key and sample rows', async () => {
    const p = await parseFixture('unknown.csv');
    expect(p.format).toBe('custom');
    expect(p.needsMapping?.mappingKey).toMatch(/^map-/);
    expect(p.needsMapping?.sample).toEqual([
      { Kundennummer: 'K1', Tag: '2024-01-01', Summe: '10' },
      { Kundennummer: 'K2', Tag: '2024-01-02', Summe: '20' },
    ]);
    expect(p.rowsRead).toBe(2);
    expect(p.batch.orders).toEqual([]);
  });

  it('imports with the mapping the user chose', async () => {
    const p = await parseFixture('unknown.csv', { mapping: { kind: 'orders', columns: { customerId: 'Kundennummer', date: 'Tag', amount: 'Summe' } } });
    expect(p.needsMapping).toBeUndefined();
    expect(p.batch.orders.map((o) => [o.accountId, o.date, o.amount])).toEqual([
      ['customer:K1', '2024-01-01', 10],
      ['customer:K2', '2024-01-02', 20],
    ]);
  });

  it('a mapping missing a required field goes back to the mapping step', async () => {
    const p = await parseFixture('unknown.csv', { mapping: { kind: 'orders', columns: { customerId: 'Kundennummer' } } });
    expect(p.needsMapping).toBeDefined();
    expect(p.warnings).toContain('Assign a column to: Date.');
  });

  it('the user can force a format', async () => {
    const p = await parseFixture('orders.csv', { format: 'order-log' });
    expect(p.format).toBe('order-log');
  });
});

describe('progress, cancel, errors', () => {
  it('reports progress up to the whole file', async () => {
    const seen: { rows: number; fraction: number }[] = [];
    await parseFixture('orders.csv', { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ rows: 7, fraction: 1 });
  });

  it('stops with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const lines = ['Invoice No,Invoice Date,Customer ID,Amount'];
    for (let i = 0; i < 60_000; i++) lines.push(`I${i},2024-01-01,C1,1`);
    const parsing = parseImportFile(lines.join('\n'), {
      fileName: 'big.csv',
      now: new Date('2026-11-23T12:00:00Z'),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(parsing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an empty file is an error that names it', async () => {
    await expect(parseImportFile('\n\n', { fileName: 'empty.csv', now: new Date('2026-11-23T12:00:00Z') })).rejects.toThrow('empty.csv is empty.');
  });
});

describe('rejectedRowsCsv', () => {
  it('writes the rejected rows as they were, with a Reason column, ready to fix and import again', async () => {
    const p = await parseFixture('orders.csv');
    const csv = rejectedRowsCsv(p);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(3);
    expect(parsed.meta.fields).toEqual([...p.headers, 'Reason']);
    expect(parsed.data[2]).toMatchObject({ 'Invoice No': 'INV-1006', Amount: 'abc', Reason: "row 8, column Amount: 'abc' is not an amount" });
    // The corrected file is recognized again (the Reason column is ignored).
    const fixed = csv.slice(1).replace(',abc,', ',12.00,');
    const again = await parseImportFile(fixed, { fileName: 'fixed.csv', now: NOW });
    expect(again.format).toBe('order-log');
    expect(again.batch.orders).toHaveLength(1);
  });

  it('replaces an existing Reason column instead of adding a second one', () => {
    const csv = rejectedRowsCsv({ headers: ['A', 'Reason'], rejected: [{ row: 2, reason: 'new', raw: { A: '1', Reason: 'old' } }] });
    expect(csv).toBe('\ufeffA,Reason\r\n1,new\r\n');
  });
});

describe('importRecordOf', () => {
  it('summarizes a preview for the import history', async () => {
    const p = await parseFixture('orders.csv');
    expect(importRecordOf(p, 'orders.csv', NOW)).toEqual({
      id: `${NOW.getTime()}-orders.csv`,
      fileName: 'orders.csv',
      source: 'order-log',
      kind: 'orders',
      rowsRead: 7,
      rowsImported: 4,
      rowsRejected: 3,
      importedAt: NOW.toISOString(),
      // An order file belongs to its feed; its data is complete to its newest order unless the user says otherwise.
      feed: feedOf('order-log', p.headers),
      asOf: ordersThroughOf(p.batch.orders),
    });
    expect(importRecordOf(p, 'orders.csv', NOW, '2030-01-01').asOf).toBe('2030-01-01');
  });
});
