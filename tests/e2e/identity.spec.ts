import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';
import { normalizeCompanyName } from '../../lib/model/identity';
import { toDayNumber } from '../../lib/model/days';
import { browserDemoDay } from '../support/demoDay';
import { launchWithExtension, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';

// One account per real customer, end to end: the multi-source fixture set (tests/fixtures/import-identity — HubSpot,
// Salesforce Data Loader, Pipedrive and Zoho exports, an English and a German ERP invoice log, a Kundenstamm) goes in
// through the options page; the one customer number no file places is linked in "Link customers" with the keyboard;
// then the database holds one account per company with every order on it, and the Gmail sidebar on each buyer's
// email names the company and its lapse line.

const DIR = resolve(import.meta.dirname, '../fixtures/import-identity');
interface Company {
  company: string;
  domain: string | null;
  /** Which invoice log holds its orders ("en" or "de"). */
  log: string;
  buyer: { name: string; email: string };
  orders: { date: string; amount: number }[];
}
const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as { companies: Company[] };
const FILES = [
  'hubspot-companies.csv', 'hubspot-contacts.csv', 'salesforce-Account.csv', 'salesforce-Contact.csv', 'pipedrive-organizations.csv', 'pipedrive-persons.csv',
  'zoho-Accounts.csv', 'zoho-Contacts.csv', 'kundenstamm.csv', 'erp-invoices-en.csv', 'erp-rechnungen-de.csv',
];
const ME = { name: 'Sam Rep', email: 'sam.rep@keep-account-demo.com' };
const key = (email: string) => email.replace(/[^a-z0-9]/gi, '');

let server: FixtureServer;
let browser: ExtensionBrowser | undefined;
const today = await browserDemoDay();

test.beforeAll(async () => {
  const threads = new Map(
    truth.companies.map((c) => [
      key(c.buyer.email),
      gmailThreadHtml({ me: ME, subject: `Next order for ${c.company}`, messages: [{ from: c.buyer, to: [ME], date: 'Mon, 3 Nov, 09:12', body: 'Could you send me the price list again?' }] }),
    ]),
  );
  server = await startFixtureServer(({ host, path, url }) => {
    if (host !== 'mail.google.com' || !path.startsWith('/mail/')) return undefined;
    const body = threads.get(url.searchParams.get('demo') ?? '');
    return body ? { body } : undefined;
  });
  browser = await launchWithExtension({ port: server.port });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ext = () => browser!;
const optionsUrl = (section: string) => `chrome-extension://${ext().extensionId}/options.html#${section}`;

/** The German log's headers are assigned in the mapping step when the importer does not guess them. */
async function mapGermanHeaders(page: Page) {
  const job = page.getByTestId('import-job').first();
  const mapping = job.getByTestId('mapping');
  const commit = job.getByTestId('import-commit');
  await expect(mapping.or(commit)).toBeVisible({ timeout: 60_000 });
  if (!(await mapping.isVisible())) return;
  await mapping.locator('select').first().selectOption('orders');
  for (const [label, header] of [['Date', 'Rechnungsdatum'], ['Amount (line total)', 'Betrag'], ['Customer id', 'Kundennummer'], ['Product', 'Artikel'], ['Quantity', 'Menge']]) {
    await mapping.getByLabel(`Column for ${label}`, { exact: true }).selectOption(header!);
  }
  await mapping.getByRole('button', { name: 'Check the rows' }).click();
}

/** Every account and order as stored (stubs and orders live in buckets: lib/db/accounts.ts, lib/db/orders.ts). */
async function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('keep-account');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result as T[]);
        r.onerror = () => fail(r.error);
      });
    const [accounts, stubs, buckets, contacts] = await Promise.all([
      all<{ id: string; name: string }>('accounts'),
      all<{ stubs: { id: string; name: string }[] }>('accountStubBuckets'),
      all<{ id: string; orders?: { id: string; accountId: string; date: string; amount: number }[]; into?: [string, string][] }>('orderBuckets'),
      all<{ email: string; accountId?: string }>('contacts'),
    ]);
    db.close();
    // A linked account's orders stay in their bucket under its old id; the "aliases" record names the account they
    // count for (lib/db/orders.ts resolveAliases: a line the survivor holds itself with the same id counts once).
    const into = new Map(buckets.find((b) => b.id === 'aliases')?.into ?? []);
    const lines = buckets.flatMap((b) => b.orders ?? []);
    const own = new Set(lines.filter((o) => !into.has(o.accountId)).map((o) => `${o.accountId} ${o.id}`));
    const orders = lines.flatMap((o) => {
      const to = into.get(o.accountId);
      if (to === undefined) return [o];
      if (own.has(`${to} ${o.id}`)) return [];
      own.add(`${to} ${o.id}`);
      return [{ ...o, accountId: to }];
    });
    return { accounts: [...accounts, ...stubs.flatMap((b) => b.stubs)].map(({ id, name }) => ({ id, name })), orders, contacts: contacts.map(({ email, accountId }) => ({ email, accountId })) };
  });
}

test('thirty companies from four CRMs, two ERP logs and a customer master become thirty accounts; each buyer sees its own', async () => {
  test.setTimeout(240_000);
  const page = await ext().context.newPage();
  await page.goto(optionsUrl('import'));
  for (const name of FILES) {
    await page.getByTestId('import-input').setInputFiles(join(DIR, name));
    if (name === 'erp-rechnungen-de.csv') await mapGermanHeaders(page);
    const job = page.getByTestId('import-job').first();
    await job.getByTestId('import-commit').click({ timeout: 60_000 });
    await expect(job.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
    await expect(job.getByTestId('import-done')).toContainText(name);
  }

  // One order stub is left: customer 10300, in no CRM and no master. Linked with the keyboard.
  await page.goto(optionsUrl('link'));
  const unplaced = page.getByTestId('unplaced');
  await expect(unplaced.locator('tbody tr')).toHaveCount(1);
  await expect(unplaced).toContainText('Customer 10300');
  await expect(unplaced).toContainText('248');
  const search = unplaced.getByRole('combobox');
  await search.focus();
  await page.keyboard.type('sonnenhof');
  await expect(unplaced.getByRole('option')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('link-search.png'), fullPage: true });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-status')).toContainText('Customer 10300 is now part of Sonnenhof Hofladen');
  await expect(page.getByTestId('unplaced-empty')).toBeVisible();
  await expect(page.getByTestId('links')).toContainText('Customer 10300');
  await page.screenshot({ path: test.info().outputPath('link-customers.png'), fullPage: true });

  // The database: thirty accounts, every order and every buyer on its company's account.
  const { accounts, orders, contacts } = await stored(page);
  expect(accounts).toHaveLength(30);
  const accountOf = new Map(contacts.map((c) => [c.email, c.accountId]));
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  for (const company of truth.companies) {
    const id = accountOf.get(company.buyer.email);
    expect(id, company.buyer.email).toBeDefined();
    expect(normalizeCompanyName(names.get(id!)!), company.company).toBe(normalizeCompanyName(company.company));
    expect(orders.filter((o) => o.accountId === id).map((o) => `${o.date} ${o.amount}`).sort(), company.company).toEqual(company.orders.map((o) => `${o.date} ${o.amount}`).sort());
  }
  expect(orders).toHaveLength(truth.companies.reduce((sum, c) => sum + c.orders.length, 0));

  // The sidebar on each buyer's email: the company, and the lapse line of all its orders, whatever file they came from.
  // Silence is measured to the day each order file is complete to (its newest order), not to today (issue 13).
  const gmail = await ext().context.newPage();
  const asOfByLog = new Map<string, string>();
  for (const c of truth.companies) for (const o of c.orders) if (o.date > (asOfByLog.get(c.log) ?? '')) asOfByLog.set(c.log, o.date);
  for (const company of truth.companies) {
    const name = names.get(accountOf.get(company.buyer.email)!)!;
    const last = company.orders.map((o) => o.date).sort().at(-1)!;
    const since = toDayNumber(asOfByLog.get(company.log)!) - toDayNumber(last);
    await gmail.goto(`https://mail.google.com/mail/u/0/?demo=${key(company.buyer.email)}#inbox/FMfcgzQkWn${key(company.buyer.email).slice(0, 8)}`);
    const text = await waitForSidebarText(gmail, (t) => t.includes(name) && t.includes('usually orders every'), 15_000);
    // "nothing for 306 days up to 14 Jan" when silent longer than its usual gap, else "last order 5 days before 14 Jan".
    expect(text, company.company).toMatch(new RegExp(`nothing for ${since} days|last order ${since === 0 ? 'on ' : `${since} days? before`}`));
    expect(text, company.company).not.toContain('not scored yet');
    if (company.company === 'Bäckerei Schröder GmbH') await gmail.screenshot({ path: test.info().outputPath('sidebar-schroeder.png') });
  }

  // The link is undone from the list: customer 10300 is its own account again, with its orders.
  await page.goto(optionsUrl('link'));
  await page.getByTestId('links').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('link-status')).toContainText('Customer 10300 is its own account again');
  await expect(page.getByTestId('unplaced')).toContainText('Customer 10300');
  expect((await stored(page)).accounts).toHaveLength(31);
});
