import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshBrowserPerTest } from '../support/freshBrowser';
import { sidebarRoot, waitForSidebarText } from '../support/browser';
import type { Route } from '../support/server';
import { gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';
import { storedOrders } from '../support/storedOrders';
import { browserDemoDay } from '../support/demoDay';

// Real files through the options page, as a user drops them (#14, "Reading real files"): a PNG renamed .csv is refused
// before any mapping; a German ERP invoice book is pre-mapped from its German headers, its numbers read with the
// file's decimal comma, its currency asked once and remembered; numbers that read both ways are asked; a file mixing
// UTF-8 and Windows-1252 rows reads its accents right on every row.

const FIXTURES = resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => join(FIXTURES, name);
const shots = resolve(import.meta.dirname, '../../test-results/realfiles');

// A Gmail thread from a buyer whose imported name carries a RIGHT-TO-LEFT OVERRIDE (U+202E) and no closing PDF.
const RLO = '\u202e';
const dana = { email: 'dana@schmidt-backwaren.de', name: 'Dana Schmidt' };
const me = { email: 'rep@keep-account.example', name: 'Rep' };
const thread = gmailThreadHtml({ me, subject: 'Order for March', replyOpen: true, messages: [{ from: dana, to: [me], date: 'Mon, 2 Mar 2026, 09:12', body: 'Could you send the price list?' }] });
const route: Route = ({ host, path, url }) => (host === 'mail.google.com' && path.startsWith('/mail/') && url.searchParams.get('demo') === 'bidi' ? { body: thread } : undefined);
const ext = freshBrowserPerTest(route, () => mkdirSync(shots, { recursive: true }));

async function openImport(): Promise<Page> {
  const page = await ext().context.newPage();
  await page.goto(`chrome-extension://${ext().extensionId}/options.html#import`);
  return page;
}
const job = (page: Page) => page.getByTestId('import-job').first();
const choose = (page: Page, path: string) => page.getByTestId('import-input').setInputFiles(path);
async function commit(page: Page) {
  await job(page).getByTestId('import-commit').click();
  await expect(job(page).getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
}

test('a PNG renamed .csv is refused as "not a text file" before any mapping', async () => {
  const page = await openImport();
  await choose(page, fixture('screenshot.csv'));
  await expect(job(page)).toHaveAttribute('data-stage', 'failed');
  await expect(job(page).getByRole('alert')).toHaveText('screenshot.csv is not a text file: it looks like a PNG image. Choose the CSV export itself.');
  await expect(page.getByTestId('mapping')).toHaveCount(0);
});

test('a German invoice book: German headers pre-mapped, 2.500 is 2500 and quantity 1.000 is 1000, the currency asked once and remembered', async () => {
  const page = await openImport();
  await choose(page, fixture('erp-rechnungsbuch.csv'));
  const mapping = job(page).getByTestId('mapping');
  await expect(mapping.getByTestId('mapping-guess')).toContainText('guessed from the column names (German)');
  for (const [label, column] of [['Date', 'Rechnungsdatum'], ['Customer id', 'Kundennummer'], ['Product', 'Artikel'], ['Quantity', 'Menge'], ['Amount (line total)', 'Betrag']]) {
    await expect(mapping.getByLabel(`Column for ${label}`, { exact: true })).toHaveValue(column);
  }
  await page.screenshot({ path: join(shots, 'german-mapping.png'), fullPage: true });
  await mapping.getByRole('button', { name: 'Check the rows' }).click();
  // The file shows its decimal comma (1.234,50): nothing to ask about numbers; the currency is asked.
  await expect(job(page).getByRole('group', { name: 'Number format' })).toHaveCount(0);
  const currency = job(page).getByRole('group', { name: 'Currency' });
  await expect(currency).toContainText('5 amounts carry no currency');
  await page.screenshot({ path: join(shots, 'german-currency.png'), fullPage: true });
  await currency.getByLabel('Currency of the amounts').selectOption('EUR');
  await currency.getByRole('button', { name: /Use for this file/ }).click();
  await expect(job(page).getByTestId('currency-line')).toHaveText('Amounts in EUR (EUR as chosen).');
  await expect(job(page).getByTestId('import-commit')).toHaveText('Import 5 rows');
  await commit(page);
  const orders = await storedOrders(page);
  expect(orders.map((o) => [o.date, o.quantity, o.amount, o.currency]).sort()).toEqual([
    ['2024-02-05', 1000, 2500, 'EUR'],
    ['2024-03-04', 12, 1234.5, 'EUR'],
    ['2024-03-11', 40, 389.9, 'EUR'],
    ['2024-04-02', 1000, 2500, 'EUR'],
    ['2024-04-15', 120, 12345, 'EUR'],
  ]);

  // The next file with the same columns: the saved mapping is offered, and the currency is not asked again.
  await choose(page, fixture('erp-rechnungsbuch.csv'));
  await job(page).getByRole('button', { name: 'Use the saved mapping' }).click();
  await expect(job(page).getByTestId('currency-line')).toHaveText('Amounts in EUR (EUR as chosen for files with these columns).');
  await expect(job(page).getByRole('group', { name: 'Currency' })).toHaveCount(0);
});

test('numbers that read both as thousands and as decimals are asked, as the date order is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-e2e-'));
  const path = join(dir, 'ambiguous-numbers.csv');
  writeFileSync(path, 'Invoice No,Invoice Date,Customer ID,Quantity,Amount\r\nA-1,2025-01-05,C1,1.000,2.500\r\nA-2,2025-01-06,C2,2,1.250\r\n');
  const page = await openImport();
  await choose(page, path);
  const question = job(page).getByRole('group', { name: 'Number format' });
  await expect(question).toContainText('2.500, 1.250');
  await expect(job(page).getByTestId('import-commit')).toBeDisabled();
  await page.screenshot({ path: join(shots, 'number-question.png'), fullPage: true });
  await question.getByRole('button', { name: '1.234,56 — so 2.500 is 2,500' }).click();
  await expect(job(page).getByRole('group', { name: 'Number format' })).toHaveCount(0);
  await commit(page);
  expect((await storedOrders(page)).map((o) => [o.quantity, o.amount]).sort()).toEqual([[1000, 2500], [2, 1250]]);
});

test('a file mixing UTF-8 and Windows-1252 rows reads "Crème brûlée" on every row', async () => {
  const page = await openImport();
  await choose(page, fixture('mixed-encoding.csv'));
  await expect(job(page)).toContainText('2 lines were read as Windows-1252, the rest as UTF-8');
  await commit(page);
  expect((await storedOrders(page)).map((o) => o.product).sort()).toEqual(['Crème brûlée', 'Crème brûlée', 'Crème brûlée', 'Crème brûlée – Großpackung']);
});

test('a name with a right-to-left override does not reorder the title beside it in the sidebar, and shows visibly on the Data page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-e2e-'));
  const contacts = join(dir, 'hubspot-contacts.csv');
  writeFileSync(contacts, `Record ID,First Name,Last Name,Email,Job Title,Associated Company\r\n501,Dana,${RLO}tdimhcS,dana@schmidt-backwaren.de,Head of Purchasing,Schmidt Backwaren\r\n`);
  const options = await openImport();
  await choose(options, contacts);
  await commit(options);

  const gmail = await ext().context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/?demo=bidi#inbox/FMfcgzbidiQkWn');
  await waitForSidebarText(gmail, (t) => t.includes('Schmidt Backwaren'), 30_000);
  const root = await sidebarRoot(gmail);
  // Where the browser draws each character of the title: left to right when the name is isolated. The same text
  // without isolation, added beside it for comparison, comes out reversed: the check would catch the defect.
  const order = await root.evaluate((r, rlo) => {
    const xs = (node: Text) =>
      [...node.data].map((_, i) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: Math.round(rect.y) };
      });
    // In reading order: left to right along a line, and a wrapped line below the one before.
    const increasing = (p: { x: number; y: number }[]) => p.every((v, i) => i === 0 || v.y > p[i - 1]!.y || (v.y === p[i - 1]!.y && v.x > p[i - 1]!.x));
    const sub = (r as ShadowRoot).querySelector('[data-ka="account"] .sub')!;
    const title = [...sub.querySelectorAll('bdi')].find((b) => b.textContent === 'Head of Purchasing')!;
    const control = document.createElement('div');
    control.textContent = `Dana ${rlo}tdimhcS, Head of Purchasing`;
    sub.parentElement!.append(control);
    const controlText = control.firstChild as Text;
    const titleStart = controlText.data.indexOf('Head');
    const controlXs = xs(controlText).slice(titleStart);
    control.remove();
    return { sub: sub.textContent, isolated: increasing(xs(title.firstChild as Text)), unisolated: increasing(controlXs) };
  }, RLO);
  expect(order.sub).toBe(`schmidt-backwaren.de · Dana ${RLO}tdimhcS, Head of Purchasing`);
  await gmail.screenshot({ path: join(shots, 'sidebar-rlo.png') });
  expect(order).toMatchObject({ isolated: true, unisolated: false });

  await options.goto(`chrome-extension://${ext().extensionId}/options.html#data`);
  const hidden = options.getByTestId('hidden-characters');
  await expect(hidden).toContainText('Dana ⟨U+202E⟩tdimhcS');
  await hidden.screenshot({ path: join(shots, 'data-hidden.png') });
});

/** A US invoice log: one customer ordering every month for two years, the last order about 100 days before `today`. */
function monthlyLog(today: string, customer: string, extraHeader = ''): string {
  const rows = [`Invoice Number,Invoice Date,Customer,Item,Qty,Amount${extraHeader ? `,${extraHeader}` : ''}`];
  const end = Date.parse(`${today}T00:00:00Z`) - 100 * 86_400_000;
  for (let k = 24; k >= 0; k--) {
    const day = new Date(end - k * 30 * 86_400_000);
    const mdy = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
    rows.push(`INV-${customer.slice(0, 3)}-${k},${mdy},${customer},Reagent kit A,1,"10,250.00"${extraHeader ? ',' : ''}`);
  }
  return rows.join('\r\n') + '\r\n';
}

test('sidebar words and options tables show the currency the orders carry, or none: a US log is never "€"', async () => {
  const today = await browserDemoDay();
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-e2e-'));
  const answered = join(dir, 'us-answered.csv');
  const unanswered = join(dir, 'us-unanswered.csv');
  writeFileSync(answered, monthlyLog(today, 'Harborview Labs Inc.'));
  writeFileSync(unanswered, monthlyLog(today, 'Cobalt Bio LLC', 'Notes'));
  const page = await openImport();
  await choose(page, answered);
  const currency = job(page).getByRole('group', { name: 'Currency' });
  await currency.getByLabel('Currency of the amounts').selectOption('USD');
  await currency.getByRole('button', { name: /Use for this file/ }).click();
  await commit(page);
  await choose(page, unanswered);
  await expect(job(page).getByRole('group', { name: 'Currency' })).toBeVisible();
  await commit(page);

  await page.goto(`chrome-extension://${ext().extensionId}/options.html#risk`);
  const table = page.getByTestId('risk-table');
  await expect(table).toContainText('Cobalt Bio LLC', { timeout: 60_000 });
  const cells = async (name: string) => table.locator('tr', { hasText: name }).locator('td').allTextContents();
  const [, , usValue, usWhy] = await cells('Harborview Labs Inc.');
  const [, , plainValue, plainWhy] = await cells('Cobalt Bio LLC');
  expect(usValue).toMatch(/^\$[\d,]+$/);
  // The reasons name no other currency (the amount is in the value column; the stale-data line is said once, above).
  expect(usWhy).not.toMatch(/[€£]/);
  expect(plainValue).toMatch(/^[\d,]+$|^—$/);
  expect(`${plainValue} ${plainWhy}`).not.toMatch(/[€$£]/);
  await page.screenshot({ path: join(shots, 'risk-currencies.png'), fullPage: true });
});
