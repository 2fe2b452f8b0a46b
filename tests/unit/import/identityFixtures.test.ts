import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRecordOf, parseImportFile, type ColumnMapping } from '../../../lib/import';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { accountKeyIndex } from '../../../lib/db/repo';
import { allAccounts } from '../../../lib/db/accounts';
import { allOrders } from '../../../lib/db/orders';
import { linkAccounts } from '../../../lib/db/linking';
import { commitImport } from '../../../lib/service/importCommit';
import { linkAndRescore } from '../../../lib/service/rescore';
import { unplacedOrders } from '../../../lib/service/linkViews';

// The multi-source fixture set (tests/fixtures/import-identity: HubSpot, Salesforce Data Loader, Pipedrive and Zoho
// exports, an English and a German ERP invoice log, a Kundenstamm) against its truth table: 30 companies, each one
// account with all its orders and its buyer, whatever order the files are imported in.
const DIR = resolve(import.meta.dirname, '../../fixtures/import-identity');
const NOW = new Date('2026-01-10T10:00:00Z');
interface Truth {
  companies: { company: string; domain: string | null; customerNumber: string | null; buyer: { name: string; email: string }; orders: { date: string; amount: number; customerNumber?: string }[]; linkedByUser?: string }[];
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as Truth;
/** The German log's headers are mapped by hand, as a user does in the mapping step. */
const GERMAN: ColumnMapping = { kind: 'orders', columns: { customerId: 'Kundennummer', date: 'Rechnungsdatum', product: 'Artikel', quantity: 'Menge', amount: 'Betrag' } };
const CRM = ['hubspot-companies.csv', 'hubspot-contacts.csv', 'salesforce-Account.csv', 'salesforce-Contact.csv', 'pipedrive-organizations.csv', 'pipedrive-persons.csv', 'zoho-Accounts.csv', 'zoho-Contacts.csv'];
const ERP = ['kundenstamm.csv', 'erp-invoices-en.csv', 'erp-rechnungen-de.csv'];
let n = 0;

async function importAll(files: string[]): Promise<Db> {
  const db = await openKeepAccountDb({ name: `identity-fixtures-${n++}` });
  for (const name of files) {
    const text = readFileSync(join(DIR, name), 'utf8');
    const preview = await parseImportFile(text, { fileName: name, accountIndex: await accountKeyIndex(db), now: NOW, ...(name === 'erp-rechnungen-de.csv' ? { mapping: GERMAN } : {}) });
    expect(preview.rejected, name).toEqual([]);
    expect(preview.needsMapping, name).toBeUndefined();
    await commitImport(db, preview.batch, importRecordOf(preview, name, NOW));
    await linkAndRescore(db, NOW);
  }
  return db;
}

async function checkTruth(db: Db) {
  const [accounts, orders, contacts] = await Promise.all([allAccounts(db), allOrders(db), db.getAll('contacts')]);
  const byEmail = new Map(contacts.map((c) => [c.email, c]));
  const ids = truth.companies.map((c) => byEmail.get(c.buyer.email)?.accountId);
  // One account per company, reached from its buyer's address.
  expect(ids.every(Boolean)).toBe(true);
  expect(new Set(ids).size).toBe(30);
  expect(accounts).toHaveLength(30);
  for (const [i, company] of truth.companies.entries()) {
    const id = ids[i]!;
    const account = accounts.find((a) => a.id === id)!;
    if (company.domain) expect(account.domains, company.company).toContain(company.domain);
    if (company.customerNumber) expect(account.customerKeys, company.company).toContain(company.customerNumber);
    const mine = orders.filter((o) => o.accountId === id);
    expect(mine.map((o) => [o.date, o.amount]).sort(), company.company).toEqual(company.orders.map((o) => [o.date, o.amount]).sort());
  }
  expect(orders).toHaveLength(truth.companies.reduce((sum, c) => sum + c.orders.length, 0));
  expect(new Set((await db.getAll('scores')).map((s) => s.accountId))).toEqual(new Set(ids));
}

describe('the multi-source fixture set: one account per company', () => {
  it('CRMs first, then the ERP files, then the one link the user makes', async () => {
    const db = await importAll([...CRM, ...ERP]);
    const book = { accounts: (await allAccounts(db)), contacts: await db.getAll('contacts'), orders: await allOrders(db) };
    // Customer 10300 is in no master and no CRM: the one order stub left, for the user to link.
    expect(unplacedOrders(book, '2026-01-10').map((r) => r.name)).toEqual(['Customer 10300']);
    const sonnenhof = truth.companies.find((c) => c.linkedByUser)!;
    await linkAccounts(db, 'customer:10300', sonnenhof.domain!, NOW.toISOString());
    await linkAndRescore(db, NOW);
    await checkTruth(db);
    db.close();
  });

  it.each([
    ['ERP files first', [...ERP, ...CRM]],
    ['interleaved', [ERP[2]!, CRM[5]!, ERP[0]!, CRM[2]!, CRM[7]!, ERP[1]!, CRM[0]!, CRM[4]!, CRM[1]!, CRM[6]!, CRM[3]!]],
  ])('%s: the same accounts', async (_order, files) => {
    const db = await importAll(files);
    await linkAccounts(db, 'customer:10300', 'sonnenhof-hofladen.de', NOW.toISOString());
    await linkAndRescore(db, NOW);
    await checkTruth(db);
    db.close();
  });
});
