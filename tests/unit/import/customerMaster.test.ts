import { describe, expect, it } from 'vitest';
import { detectFormat, parseImportFile } from '../../../lib/import';

const NOW = new Date('2026-01-10T10:00:00Z');

describe('customer master (ERP) recognized as its own format', () => {
  it.each([
    ['DATEV Debitoren/Kreditoren', ['Konto', 'Name (Adressattyp Unternehmen)', 'Unternehmensgegenstand', 'EU-Land', 'EU-UStID', 'E-Mail', 'Internet'], { customerId: 'Konto', company: 'Name (Adressattyp Unternehmen)', vatId: 'EU-UStID', email: 'E-Mail', website: 'Internet', industry: 'Unternehmensgegenstand' }],
    ['Xero contacts', ['ContactName', 'AccountNumber', 'EmailAddress', 'FirstName', 'LastName', 'TaxNumber', 'Website'], { customerId: 'AccountNumber', company: 'ContactName', email: 'EmailAddress', vatId: 'TaxNumber', website: 'Website' }],
    ['Kundenstamm', ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail', 'Webseite', 'USt-IdNr.'], { customerId: 'Kundennummer', company: 'Firma', email: 'E-Mail', website: 'Webseite', vatId: 'USt-IdNr.' }],
    ['English customer list', ['Customer No.', 'Customer Name', 'Email', 'Website', 'VAT No.'], { customerId: 'Customer No.', company: 'Customer Name', email: 'Email', website: 'Website', vatId: 'VAT No.' }],
  ])('%s', (_name, headers, columns) => {
    const format = detectFormat(headers);
    expect(format?.id).toBe('customer-master');
    expect(format?.kind).toBe('companies');
    expect(format?.mapping.columns).toEqual(columns);
  });

  it('an invoice log with a customer number is not a master (it has dates and amounts)', () => {
    expect(detectFormat(['Invoice No', 'Invoice Date', 'Customer ID', 'Customer Name', 'Customer Email', 'Amount'])?.id).toBe('order-log');
  });

  it('a master row carries the customer number, VAT id and address as keys of one account; the address becomes a contact', async () => {
    const text = 'Kundennummer;Firma;E-Mail;Webseite;USt-IdNr.\n10190;Bäckerei Schröder GmbH;einkauf@baeckerei-schroeder.de;www.baeckerei-schroeder.de;DE 811 907 980\n10200;Konditorei Weber;weber.konditorei@gmail.com;;\n';
    const p = await parseImportFile(text, { fileName: 'kundenstamm.csv', now: NOW });
    expect(p.format).toBe('customer-master');
    expect(p.batch.accounts).toEqual([
      { id: 'baeckerei-schroeder.de', name: 'Bäckerei Schröder GmbH', domains: ['baeckerei-schroeder.de'], crmIds: [], customerKeys: ['10190'], emails: ['einkauf@baeckerei-schroeder.de'], taxIds: ['DE811907980'], updatedAt: NOW.toISOString() },
      { id: 'name:konditorei weber', name: 'Konditorei Weber', domains: [], crmIds: [], customerKeys: ['10200'], emails: ['weber.konditorei@gmail.com'], updatedAt: NOW.toISOString() },
    ]);
    expect(p.batch.contacts.map((c) => [c.email, c.accountId])).toEqual([
      ['einkauf@baeckerei-schroeder.de', undefined],
      ['weber.konditorei@gmail.com', undefined],
    ]);
  });

  it('Salesforce and Zoho account numbers are customer numbers', async () => {
    const sf = await parseImportFile('Id,Name,Website,AccountNumber\n001A1,Acme,acme.com,C-100\n', { fileName: 'Account.csv', now: NOW });
    expect(sf.batch.accounts[0]?.customerKeys).toEqual(['C-100']);
    const zoho = await parseImportFile('Record Id,Account Name,Website,Account Number\nzcrm_1,Acme,acme.com,C-100\n', { fileName: 'Accounts.csv', now: NOW });
    expect(zoho.batch.accounts[0]?.customerKeys).toEqual(['C-100']);
  });

  it('an order log remembers the buyer address and the key each line named', async () => {
    const p = await parseImportFile('Invoice No,Invoice Date,Customer ID,Customer Email,Amount\nA-1,2025-03-01,10190,anna@gmail.com,90.00\n', { fileName: 'log.csv', now: NOW });
    expect(p.batch.accounts).toMatchObject([{ id: 'customer:10190', customerKeys: ['10190'], emails: ['anna@gmail.com'] }]);
    expect(p.batch.orders.map((o) => o.key)).toEqual(['customer:10190']);
    expect(p.batch.contacts.map((c) => c.email)).toEqual(['anna@gmail.com']);
  });
});
