import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importRecordOf, parseImportFile, type ColumnMapping } from '../../../lib/import';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { accountKeyIndex } from '../../../lib/db/repo';
import { allAccounts } from '../../../lib/db/accounts';
import { allOrders } from '../../../lib/db/orders';
import { linkAccounts, listLinks, relinkAccounts, unlinkAccounts } from '../../../lib/db/linking';
import { commitImport } from '../../../lib/service/importCommit';
import { linkAndRescore } from '../../../lib/service/rescore';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';

const NOW = new Date('2026-01-10T10:00:00Z');
let dbs = 0;
const fresh = () => openKeepAccountDb({ name: `linking-${dbs++}` });

interface File {
  name: string;
  text: string;
  mapping?: ColumnMapping;
}

/** As the options page does it: parse with the stored keys, commit in one transaction, then the background links and scores. */
async function importFiles(db: Db, files: File[]): Promise<void> {
  for (const file of files) {
    const preview = await parseImportFile(file.text, { fileName: file.name, accountIndex: await accountKeyIndex(db), now: NOW, ...(file.mapping ? { mapping: file.mapping } : {}) });
    expect(preview.needsMapping, file.name).toBeUndefined();
    expect(preview.rejected, file.name).toEqual([]);
    await commitImport(db, preview.batch, importRecordOf(preview, file.name, NOW));
    await linkAndRescore(db, NOW);
  }
}

const GERMAN_LOG: File = {
  name: 'rechnungen.csv',
  text: 'Kundennummer;Rechnungsdatum;Artikel;Menge;Betrag\n10190;2025-06-02;Roggenmehl;40;380,00\n10190;2025-07-01;Roggenmehl;40;380,00\n10200;2025-07-03;Hefe;10;55,00\n',
  mapping: { kind: 'orders', columns: { customerId: 'Kundennummer', date: 'Rechnungsdatum', product: 'Artikel', quantity: 'Menge', amount: 'Betrag' } },
};
const MASTER: File = {
  name: 'kundenstamm.csv',
  text: 'Kundennummer;Firma;E-Mail;Webseite;USt-IdNr.\n10190;Bäckerei Schröder GmbH;einkauf@baeckerei-schroeder.de;www.baeckerei-schroeder.de;DE 811 907 980\n10200;Konditorei Weber;weber.konditorei@gmail.com;;\n',
};
const SALESFORCE: File = {
  name: 'Account.csv',
  text: 'Id,Name,Website,Industry,AccountNumber\n001A000001,Baeckerei Schroeder,https://baeckerei-schroeder.de,Food & Beverage,\n001A000002,Konditorei Weber,,Food & Beverage,10200\n',
};
const HUBSPOT_CONTACTS: File = {
  name: 'hubspot-contacts.csv',
  text: 'Record ID,First Name,Last Name,Email,Associated Company\n501,Anna,Schröder,anna@baeckerei-schroeder.de,Bäckerei Schröder\n',
};

async function book(db: Db) {
  const [accounts, orders, contacts] = await Promise.all([allAccounts(db), allOrders(db), db.getAll('contacts')]);
  return { accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)), orders: orders.sort((a, b) => a.id.localeCompare(b.id)), contacts: contacts.sort((a, b) => a.email.localeCompare(b.email)), scores: (await db.getAll('scores')).map(({ scoredAt: _, ...s }) => s) };
}

describe('linking at import: one account per customer whatever the files and their order', () => {
  it('a German invoice book keyed by customer number lands on the CRM account through the customer master', async () => {
    const db = await fresh();
    await importFiles(db, [GERMAN_LOG, SALESFORCE, HUBSPOT_CONTACTS, MASTER]);
    const { accounts, orders, contacts } = await book(db);
    // Two customers, two accounts: Schröder under its domain, Weber (no website) under the id its first file gave it.
    expect(accounts.map((a) => a.name)).toEqual(['Baeckerei Schroeder', 'Konditorei Weber']);
    const [schroeder, weber] = accounts;
    expect(schroeder).toMatchObject({ id: 'baeckerei-schroeder.de', customerKeys: ['10190'], taxIds: ['DE811907980'], crmIds: [{ crm: 'salesforce', recordId: '001A000001' }] });
    expect(weber).toMatchObject({ customerKeys: ['10200'], crmIds: [{ crm: 'salesforce', recordId: '001A000002' }], emails: ['weber.konditorei@gmail.com'] });
    expect(orders.map((o) => [o.key, o.accountId]).sort()).toEqual([
      ['customer:10190', schroeder!.id],
      ['customer:10190', schroeder!.id],
      ['customer:10200', weber!.id],
    ]);
    // The buyers: the CRM's contact, the master's addresses (a free-mail one too) — each on its customer's account.
    expect(contacts.map((c) => [c.email, c.accountId])).toEqual([
      ['anna@baeckerei-schroeder.de', schroeder!.id],
      ['einkauf@baeckerei-schroeder.de', schroeder!.id],
      ['weber.konditorei@gmail.com', weber!.id],
    ]);
    // Scored as one account: all of Schröder's orders, none left on a stub.
    const scores = await db.getAll('scores');
    expect(scores.map((s) => s.accountId).sort()).toEqual([schroeder!.id, weber!.id].sort());
    db.close();
  });

  it('gives the same book whatever order the files come in', async () => {
    const orders = [
      [GERMAN_LOG, SALESFORCE, HUBSPOT_CONTACTS, MASTER],
      [MASTER, HUBSPOT_CONTACTS, SALESFORCE, GERMAN_LOG],
      [SALESFORCE, MASTER, GERMAN_LOG, HUBSPOT_CONTACTS],
    ];
    const books = [];
    for (const files of orders) {
      const db = await fresh();
      await importFiles(db, files);
      const b = await book(db);
      // The same partition: every order and contact with the same customer (by name), the same keys per customer.
      const nameOf = new Map(b.accounts.map((a) => [a.id, a.name]));
      books.push({
        accounts: b.accounts.map((a) => [a.name, [...a.customerKeys].sort(), [...a.domains].sort(), [...(a.taxIds ?? [])]]),
        orders: b.orders.map((o) => [o.id, nameOf.get(o.accountId)]),
        contacts: b.contacts.map((c) => [c.email, nameOf.get(c.accountId!)]),
      });
      db.close();
    }
    expect(books[1]).toEqual(books[0]);
    expect(books[2]).toEqual(books[0]);
  });

  it('an invoice log with a name column joins the CRM account of that name (ä/ae, legal form)', async () => {
    const db = await fresh();
    const log: File = { name: 'log.csv', text: 'Invoice No,Invoice Date,Customer Name,Amount\nR-1,2025-05-02,Bäckerei Schröder GmbH,100.00\nR-2,2025-06-02,BAECKEREI SCHROEDER,120.00\n' };
    await importFiles(db, [log, SALESFORCE]);
    const { accounts, orders } = await book(db);
    expect(accounts.map((a) => a.id)).toEqual(['baeckerei-schroeder.de', 'name:konditorei weber']);
    expect(new Set(orders.map((o) => o.accountId))).toEqual(new Set(['baeckerei-schroeder.de']));
    db.close();
  });

  it('a Pipedrive organizations export without a website does not duplicate the accounts its persons created', async () => {
    const persons: File = { name: 'persons.csv', text: 'Person - ID,Person - Name,Person - Email - Work,Person - Organization,Person - Organization ID\n1,Jan de Vries,jan@vandijk-bakkerij.nl,Bakkerij Van Dijk B.V.,31\n2,Els Bos,els@vandijk-bakkerij.nl,Bakkerij Van Dijk B.V.,31\n' };
    const orgs: File = { name: 'organizations.csv', text: 'Organization - ID,Organization - Name,Organization - Industry\n31,Bakkerij Van Dijk B.V.,Bakery\n' };
    for (const files of [[persons, orgs], [orgs, persons]]) {
      const db = await fresh();
      await importFiles(db, files);
      const { accounts, contacts } = await book(db);
      expect(accounts.map((a) => [a.id, a.industry])).toEqual([['vandijk-bakkerij.nl', 'Bakery']]);
      expect(contacts.map((c) => c.accountId)).toEqual(['vandijk-bakkerij.nl', 'vandijk-bakkerij.nl']);
      db.close();
    }
  });

  it('an invoice log pairing customer numbers with buyer emails links the numbers to the buyers’ accounts', async () => {
    const db = await fresh();
    const pairs: File = { name: 'invoices.csv', text: 'Invoice No,Invoice Date,Customer ID,Customer Email,Amount\nA-1,2025-03-01,10190,anna@baeckerei-schroeder.de,90.00\n' };
    await importFiles(db, [GERMAN_LOG, HUBSPOT_CONTACTS, pairs]);
    const { accounts, orders } = await book(db);
    expect(accounts.map((a) => a.id)).toEqual(['baeckerei-schroeder.de', 'customer:10200']);
    expect(orders.filter((o) => o.key === 'customer:10190').every((o) => o.accountId === 'baeckerei-schroeder.de')).toBe(true);
    db.close();
  });

  it('re-importing the same files changes nothing: counts, links, orders, contacts, scores', async () => {
    const db = await fresh();
    const files = [GERMAN_LOG, SALESFORCE, HUBSPOT_CONTACTS, MASTER];
    await importFiles(db, files);
    const before = await book(db);
    await importFiles(db, files);
    expect(await book(db)).toEqual(before);
    expect((await relinkAccounts(db)).merged).toBe(0);
    db.close();
  });

  it('a link the user makes joins two accounts, survives a re-import, and is undone with everything that came with it', async () => {
    const db = await fresh();
    const log: File = { ...GERMAN_LOG, text: 'Kundennummer;Rechnungsdatum;Artikel;Menge;Betrag\n777;2025-06-02;Dinkel;10;99,00\n' };
    await importFiles(db, [SALESFORCE, log]);
    expect((await book(db)).accounts.map((a) => a.id)).toContain('customer:777');
    const summary = await linkAccounts(db, 'customer:777', 'baeckerei-schroeder.de', NOW.toISOString());
    expect(summary).toMatchObject({ merged: 1 });
    const linked = await book(db);
    expect(linked.accounts.map((a) => a.id)).not.toContain('customer:777');
    expect(linked.orders.filter((o) => o.key === 'customer:777').map((o) => o.accountId)).toEqual(['baeckerei-schroeder.de']);
    const [link] = await listLinks(db);
    expect(link).toMatchObject({ intoId: 'baeckerei-schroeder.de', from: { id: 'customer:777' }, addedKeys: ['customer:777'] });
    // Re-import: the stub's orders go straight to the linked account.
    await importFiles(db, [log]);
    await linkAndRescore(db, NOW);
    expect((await book(db)).accounts.map((a) => a.id)).toEqual(linked.accounts.map((a) => a.id));
    expect((await book(db)).orders).toEqual(linked.orders);
    // Undo: the stub is back with its order, the CRM account without its customer number.
    await unlinkAccounts(db, link!.id);
    const undone = await book(db);
    expect(undone.accounts.map((a) => a.id)).toContain('customer:777');
    expect(undone.accounts.find((a) => a.id === 'baeckerei-schroeder.de')?.customerKeys).toEqual([]);
    expect(undone.orders.filter((o) => o.key === 'customer:777').map((o) => o.accountId)).toEqual(['customer:777']);
    expect(await listLinks(db)).toEqual([]);
    db.close();
  });

  it('a link is in the backup and comes back with a restore, still undoable', async () => {
    const db = await fresh();
    const log: File = { ...GERMAN_LOG, text: 'Kundennummer;Rechnungsdatum;Artikel;Menge;Betrag\n777;2025-06-02;Dinkel;10;99,00\n' };
    await importFiles(db, [SALESFORCE, log]);
    await linkAccounts(db, 'customer:777', 'baeckerei-schroeder.de', NOW.toISOString());
    const text = await exportBackup(db, NOW);
    expect(JSON.parse(text)).toMatchObject({ version: 3, stores: { links: [{ id: 'link:customer:777', intoId: 'baeckerei-schroeder.de' }] } });
    const other = await fresh();
    expect(await restoreBackup(other, text)).toMatchObject({ ok: true, counts: { links: 1 } });
    await linkAndRescore(other, NOW);
    expect((await book(other)).orders).toEqual((await book(db)).orders);
    await unlinkAccounts(other, 'link:customer:777');
    expect((await book(other)).accounts.map((a) => a.id)).toContain('customer:777');
    db.close();
    other.close();
  });

  it('an ambiguous name is offered, never guessed', async () => {
    const db = await fresh();
    const crm: File = { name: 'Account.csv', text: 'Id,Name,Website\n001B1,Müller GmbH,mueller-bau.de\n001B2,Mueller GmbH,mueller-druck.de\n' };
    const log: File = { name: 'log.csv', text: 'Invoice No,Invoice Date,Customer Name,Amount\nM-1,2025-05-02,Müller,100.00\n' };
    await importFiles(db, [crm, log]);
    const { accounts, orders } = await book(db);
    expect(accounts.map((a) => a.id)).toEqual(['mueller-bau.de', 'mueller-druck.de', 'name:mueller']);
    expect(orders.map((o) => o.accountId)).toEqual(['name:mueller']);
    expect((await relinkAccounts(db)).offers).toEqual([{ kind: 'same-name', key: 'mueller', accountIds: ['mueller-bau.de', 'mueller-druck.de', 'name:mueller'] }]);
    db.close();
  });
});
