import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { generatedOrderLog } from '../../scripts/bench/import';
import { waitForSidebarText } from '../support/browser';
import { demoSite } from '../support/demoSite';
import { importThroughOptionsPage } from '../support/seed';
import { freshBrowserPerTest } from '../support/freshBrowser';
import { storedOrders } from '../support/storedOrders';

// The import, end to end in Chromium with the built extension: the options page's file input, the Web Worker
// parse, the preview (rejected rows, day/month order, column mapping), the one-transaction commit (killed midway:
// nothing saved), and backup/restore. Every test starts from a fresh browser profile (an empty database).

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import-e2e');
const fixture = (name: string) => join(FIXTURES, name);
const demo = generateDemoData({ today: await browserDemoDay() });
const STORES = ['accounts', 'contacts', 'orders', 'activities', 'products', 'importHistory'] as const;
type Counts = Record<(typeof STORES)[number], number>;

const site = demoSite(demo);
const ext = freshBrowserPerTest(site.route);
const optionsUrl = (section: string) => `chrome-extension://${ext().extensionId}/options.html#${section}`;

async function openOptions(section: string): Promise<Page> {
  const page = await ext().context.newPage();
  await page.goto(optionsUrl(section));
  return page;
}

/**
 * Record counts straight from the extension's IndexedDB (read in an extension page: same origin). Orders are
 * stored in buckets (lib/db/orders.ts: `orderBuckets`, one record per bucket holding many orders) and so are account
 * stubs (lib/db/accounts.ts: `accountStubBuckets`): counted one by one.
 */
async function storeCounts(page: Page): Promise<Counts> {
  return page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('keep-account');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    try {
      const tx = db.transaction([...stores.filter((store) => store !== 'orders'), 'orderBuckets', 'accountStubBuckets'], 'readonly');
      const request = <T,>(make: () => IDBRequest<T>) =>
        new Promise<T>((ok, fail) => {
          const r = make();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
      const inBuckets = async (store: string, field: string) =>
        (await request(() => tx.objectStore(store).getAll() as IDBRequest<Record<string, unknown[] | undefined>[]>)).reduce((sum, b) => sum + (b[field]?.length ?? 0), 0); // the "aliases" record of orderBuckets holds no orders
      const counts = await Promise.all(
        stores.map(async (store) => {
          if (store === 'orders') return inBuckets('orderBuckets', 'orders');
          const count = await request(() => tx.objectStore(store).count());
          return store === 'accounts' ? count + (await inBuckets('accountStubBuckets', 'stubs')) : count;
        }),
      );
      return Object.fromEntries(stores.map((store, i) => [store, counts[i]])) as Counts;
    } finally {
      db.close();
    }
  }, [...STORES]);
}

/** The Data page's figures, by label ("Accounts" → 65). */
async function dataPageCounts(page: Page): Promise<Record<string, number>> {
  await page.goto(optionsUrl('data'));
  const counts = page.getByTestId('counts');
  await expect(counts).not.toContainText('…');
  const stats = await counts.locator('.stat').evaluateAll((nodes) =>
    nodes.map((node) => [node.querySelector('.label')?.textContent ?? '', node.querySelector('.value')?.textContent ?? ''] as const),
  );
  return Object.fromEntries(stats.map(([label, value]) => [label, Number(value.replace(/,/g, ''))]));
}

const csvRows = (text: string) => Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true }).data;
const job = (page: Page) => page.getByTestId('import-job').first();

async function chooseFile(page: Page, path: string) {
  await page.getByTestId('import-input').setInputFiles(path);
}

async function commitAndWait(page: Page) {
  await job(page).getByTestId('import-commit').click();
  await expect(job(page).getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
}

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'keep-account-e2e-')), name);
  writeFileSync(path, text);
  return path;
}

test('the four demo CSVs import through the options page; the Data page counts match; the sidebar knows the account', async () => {
  const options = await importThroughOptionsPage(ext().context, ext().extensionId, demo.files);
  const rows = Object.fromEntries(demo.files.map((f) => [f.name, csvRows(f.text)]));
  const counts = await dataPageCounts(options);
  // An account per company row, plus one per company a contact names that has no company row (Bright Foods,
  // Joe Park's new employer in the champion-moved story).
  const companyNames = new Set([...rows['companies.csv'].map((r) => r['Company name']), ...rows['contacts.csv'].map((r) => r['Associated Company'])].filter(Boolean));
  expect(companyNames.size).toBe(rows['companies.csv'].length + 1);
  expect(counts['Accounts']).toBe(companyNames.size);
  expect(counts['Contacts']).toBe(rows['contacts.csv'].length);
  expect(counts['Order lines']).toBe(rows['orders.csv'].length);
  expect(counts['Email & meeting touches']).toBe(rows['emails.csv'].length);
  expect((await storeCounts(options)).importHistory).toBe(4);
  // The "Last import per source" table names each file.
  for (const file of demo.files) await expect(options.getByRole('cell', { name: file.name, exact: true })).toBeVisible();

  const lapsing = demo.scenarios.find((s) => s.id === 'lapsing')!;
  const gmail = site.pages.find((p) => p.scenario === 'lapsing' && p.url.startsWith('https://mail.google.com'))!;
  const page = await ext().context.newPage();
  await page.goto(gmail.url);
  const text = await waitForSidebarText(page, (t) => t.includes(lapsing.accountName), 30_000);
  expect(text).toContain('Northwind Foods');
});

test('rows with errors: the preview lists row, column and reason; the rejected rows download as CSV with a Reason; only good rows import', async () => {
  const page = await openOptions('import');
  await chooseFile(page, fixture('orders-bad-rows.csv'));
  const rejected = job(page).getByTestId('rejected');
  await expect(rejected).toBeVisible();
  const table = await rejected.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  expect(table).toHaveLength(3);
  expect(table[0].slice(0, 2)).toEqual(['4', 'Invoice Date']);
  expect(table[0][2]).toContain("'not a date' is not a date");
  expect(table[1].slice(0, 2)).toEqual(['6', 'Amount']);
  expect(table[1][2]).toContain("'forty' is not an amount");
  expect(table[2][0]).toBe('7');
  expect(table[2][2]).toContain('no customer key');
  await expect(job(page)).toContainText('4 ready to import');

  const [download] = await Promise.all([page.waitForEvent('download'), job(page).getByRole('button', { name: 'Download rejected rows' }).click()]);
  expect(download.suggestedFilename()).toBe('orders-bad-rows-rejected.csv');
  const downloaded = csvRows(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
  expect(downloaded.map((r) => r['Invoice No'])).toEqual(['INV-1003', 'INV-1005', 'INV-1006']);
  expect(downloaded[0]['Reason']).toContain('is not a date');
  expect(downloaded[1]['Reason']).toContain('is not an amount');
  expect(downloaded[1]['Amount']).toBe('forty');

  await expect(job(page).getByTestId('import-commit')).toHaveText('Import 4 rows');
  await commitAndWait(page);
  const orders = await storedOrders(page);
  expect(orders).toHaveLength(4);
  expect(orders.map((o) => o.amount).sort((a, b) => a - b)).toEqual([40, 52, 80.5, 125]);
  const counts = await storeCounts(page);
  expect(counts.accounts).toBe(2);
  expect(counts.importHistory).toBe(1);
});

test('ambiguous dates: the page asks for the day/month order and imports the dates read that way', async () => {
  const page = await openOptions('import');
  await chooseFile(page, fixture('ambiguous-dates.csv'));
  const question = job(page).getByRole('group', { name: 'Date order' });
  await expect(question).toContainText('03/04/2025');
  await expect(job(page).getByTestId('import-commit')).toBeDisabled();
  await question.getByRole('button', { name: /Day\/month\/year/ }).click();
  await expect(job(page).getByRole('group', { name: 'Date order' })).toHaveCount(0);
  await commitAndWait(page);
  const dates = (await storedOrders(page)).map((o) => o.date).sort();
  expect(dates).toEqual(['2025-04-03', '2025-06-05', '2025-08-07', '2025-12-11']);
});

test('an unknown layout goes through the mapping step; the mapping is remembered for the same headers', async () => {
  const page = await openOptions('import');
  await chooseFile(page, fixture('custom-layout.csv'));
  const mapping = job(page).getByTestId('mapping');
  await expect(mapping).toBeVisible();
  // German column names: the step comes pre-filled with its guess, for the user to confirm.
  await expect(mapping.getByTestId('mapping-guess')).toContainText('guessed from the column names (German)');
  await expect(mapping.getByRole('combobox').first()).toHaveValue('orders');
  await expect(mapping.getByLabel('Column for Date', { exact: true })).toHaveValue('Datum');
  await expect(mapping.getByLabel('Column for Customer id', { exact: true })).toHaveValue('Kundennummer');
  const assign = async (label: string, column: string) => mapping.getByLabel(`Column for ${label}`, { exact: true }).selectOption(column);
  // A required field left out is refused with a message.
  await assign('Date', '');
  await mapping.getByRole('button', { name: 'Check the rows' }).click();
  await expect(mapping).toContainText('Choose a column for: Date');
  await assign('Date', 'Datum');
  await assign('Amount (line total)', 'Summe');
  await assign('Customer id', 'Kundennummer');
  await assign('Customer name', 'Kunde');
  await assign('Invoice or order number', 'Beleg');
  await mapping.getByRole('button', { name: 'Check the rows' }).click();
  await expect(job(page).getByTestId('import-commit')).toHaveText('Import 3 rows');
  await commitAndWait(page);
  expect((await storedOrders(page)).map((o) => [o.date, o.amount]).sort()).toEqual([
    ['2025-01-20', 250],
    ['2025-02-18', 260],
    ['2025-03-03', 410],
  ]);

  // Another file with the same columns: the saved mapping is offered and used.
  await chooseFile(page, fixture('custom-layout-march.csv'));
  const second = job(page);
  await expect(second).toContainText('custom-layout-march.csv');
  await second.getByRole('button', { name: 'Use the saved mapping' }).click();
  await expect(second.getByTestId('import-commit')).toHaveText('Import 2 rows');
  await commitAndWait(page);
  const counts = await storeCounts(page);
  expect(counts.orders).toBe(5);
  expect(counts.accounts).toBe(3);
  expect(counts.importHistory).toBe(2);
});

test.describe('a file stopped midway leaves the database exactly as before it', () => {
  let bigFile: string;
  test.beforeAll(() => {
    bigFile = writeTemp('orders-150k.csv', generatedOrderLog(150_000));
  });

  /** Imports a small file first so that "as before" is not simply "empty". */
  async function baseline(): Promise<Counts> {
    const page = await openOptions('import');
    await chooseFile(page, fixture('orders-bad-rows.csv'));
    await commitAndWait(page);
    const counts = await storeCounts(page);
    expect(counts.orders).toBe(4);
    await page.close();
    return counts;
  }

  async function startWriting(): Promise<Page> {
    const page = await openOptions('import');
    await chooseFile(page, bigFile);
    const commit = job(page).getByTestId('import-commit');
    await expect(commit).toHaveText('Import 150,000 rows', { timeout: 60_000 });
    await commit.click();
    await expect(job(page)).toHaveAttribute('data-stage', 'writing');
    // Truly midway: part of the file has already gone into the transaction.
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-job"][data-stage="writing"] progress');
      return bar !== null && bar.value > 0.05 && bar.value < 0.9;
    });
    return page;
  }

  async function expectUnchanged(before: Counts) {
    const page = await openOptions('data');
    expect(await storeCounts(page)).toEqual(before);
    const counts = await dataPageCounts(page);
    expect(counts['Order lines']).toBe(before.orders);
    await page.close();
  }

  test('closing the options page while it writes', async () => {
    const before = await baseline();
    const page = await startWriting();
    await page.close();
    await expectUnchanged(before);
  });

  test('cancelling while it writes', async () => {
    const before = await baseline();
    const page = await startWriting();
    await job(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(job(page)).toHaveAttribute('data-stage', 'failed');
    await expect(job(page).getByRole('alert')).toContainText('nothing was saved');
    await expectUnchanged(before);
  });

  test('cancelling, or closing the page, while it parses', async () => {
    const before = await baseline();
    const page = await openOptions('import');
    await chooseFile(page, bigFile);
    await expect(job(page)).toHaveAttribute('data-stage', 'parsing');
    // A DOM click at once: the actionability checks of a mouse click can outlast the worker on a fast machine.
    await job(page).getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
    await expect(job(page)).toHaveAttribute('data-stage', 'failed');
    await expect(job(page).getByRole('alert')).toContainText('cancelled');
    await chooseFile(page, bigFile);
    await expect(job(page)).toHaveAttribute('data-stage', 'parsing');
    await page.close();
    await expectUnchanged(before);
  });
});

test('backup and restore: download, delete everything, restore; a broken backup is refused and changes nothing', async () => {
  const options = await importThroughOptionsPage(ext().context, ext().extensionId, demo.files.filter((f) => f.name !== 'emails.csv'));
  const before = await storeCounts(options);
  expect(before.orders).toBeGreaterThan(0);
  await options.goto(optionsUrl('data'));
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^keep-account-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = writeTemp('backup.json', readFileSync((await download.path())!, 'utf8'));
  expect(JSON.parse(readFileSync(backupPath, 'utf8')).format).toBe('keep-account/backup');

  await options.getByTestId('delete-all').click();
  await options.getByTestId('confirm').click();
  await expect(options.getByRole('status').first()).toContainText('All data was deleted');
  expect(await storeCounts(options)).toEqual({ accounts: 0, contacts: 0, orders: 0, activities: 0, products: 0, importHistory: 0 });

  const restoreInput = options.locator('input[type="file"][accept*="json"]');
  await restoreInput.setInputFiles(backupPath);
  await expect(options.getByRole('status').first()).toContainText('Restored');
  expect(await storeCounts(options)).toEqual(before);
  expect((await dataPageCounts(options))['Order lines']).toBe(before.orders);

  // A broken file (cut in the middle) and a file of the wrong shape: refused with a message, nothing changes.
  const text = readFileSync(backupPath, 'utf8');
  for (const [name, body] of [
    ['cut.json', text.slice(0, Math.floor(text.length / 2))],
    ['wrong.json', JSON.stringify({ format: 'keep-account/backup', version: 1, stores: { accounts: [{ name: 42 }] } })],
  ] as const) {
    await restoreInput.setInputFiles(writeTemp(name, body));
    await expect(options.locator('.notice.error')).toContainText('This backup was not restored, nothing changed');
    expect(await storeCounts(options)).toEqual(before);
  }
});

test('a backup too large to hand to the background in one message is refused with its size, and nothing changes', async () => {
  const options = await openOptions('data');
  await expect(options.getByTestId('counts')).not.toContainText('…');
  const before = await storeCounts(options);
  // 34 MiB of quotes: under the limit as a file, twice that as a message (every quote is escaped in the JSON).
  await options.locator('input[type="file"][accept*="json"]').setInputFiles(writeTemp('huge.json', '"'.repeat(34 * 2 ** 20)));
  const error = options.locator('.notice.error');
  await expect(error).toContainText('This backup was not restored, nothing changed');
  await expect(error).toContainText('at most 64.0 MB in one message');
  expect(await storeCounts(options)).toEqual(before);
});

/** Weekly buyers (and one that stopped) in an invoice export whose newest order is 61 days before `today`. */
function staleExport(today: string): string {
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
  const lines = ['Customer Number,Invoice Date,Net Amount,Currency'];
  for (let c = 0; c < 30; c++) for (let w = 0; w < 60; w++) lines.push(`W${c},${day(61 + (c % 3) + 7 * w)},500.00,EUR`);
  for (let w = 0; w < 60; w++) lines.push(`STOPPED,${day(61 + 70 + 7 * w)},800.00,EUR`);
  return lines.join('\n');
}

test('a two-month-old export: the preview says how old its orders are, silence is measured to that day, the risk list says to import a fresh one', async () => {
  const today = await browserDemoDay();
  const page = await openOptions('import');
  await chooseFile(page, writeTemp('invoices-october.csv', staleExport(today)));
  const asOf = job(page).getByTestId('orders-as-of');
  await expect(asOf).toContainText('— 61 days ago');
  await expect(job(page).getByTestId('as-of-input')).toHaveValue(new Date(Date.parse(`${today}T00:00:00Z`) - 61 * 86_400_000).toISOString().slice(0, 10));
  await commitAndWait(page);
  await page.goto(optionsUrl('risk'));
  await expect(page.getByTestId('stale-orders')).toContainText('(61 days old) — import a fresh export.');
  await expect(page.getByTestId('track-record')).toContainText('Checked on your orders');
  const table = page.getByTestId('risk-table');
  await expect(table).toContainText('STOPPED');
  // Only the account that stopped is high; the weekly buyers ordered on the export's last days.
  const high = await table.locator('tr', { has: page.locator('.pill.high') }).allTextContents();
  expect(high).toHaveLength(1);
  expect(high[0]).toContain('Customer STOPPED');
});

test('the user corrects the as-of date in the preview: the weekly buyers are then silent for two months and flagged', async () => {
  const today = await browserDemoDay();
  const page = await openOptions('import');
  await chooseFile(page, writeTemp('invoices-complete.csv', staleExport(today)));
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await job(page).getByTestId('as-of-input').fill(yesterday);
  await commitAndWait(page);
  await page.goto(optionsUrl('risk'));
  await expect(page.getByTestId('stale-orders')).toHaveCount(0);
  const table = page.getByTestId('risk-table');
  await expect(table.locator('.pill.high')).toHaveCount(31);
});
