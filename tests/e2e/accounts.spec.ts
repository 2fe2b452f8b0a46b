import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { importThroughOptionsPage, waitForScores } from '../support/seed';

// The options page's account views on the demo data, imported through the page the way a user does: the
// Single-threaded accounts list holds Harbour Lane Distributors (scenario 2) with its reason, and its Accounts view
// shows Liam Porter as the only champion and the economic buyer and finance as missing. Keyboard only where a
// person would use the keyboard: the account search box.

const data = generateDemoData({ today: await browserDemoDay() });
const harbour = data.scenarios.find((s) => s.id === 'single-threaded')!;
const shots = resolve(import.meta.dirname, '../../test-results/accounts');

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  server = await startFixtureServer(() => undefined);
  browser = await launchWithExtension({ port: server.port });
  page = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(page, browser.extensionId);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const optionsUrl = (hash: string) => `chrome-extension://${browser.extensionId}/options.html#${hash}`;

test('the single-threaded list shows Harbour Lane Distributors with the reason and links to its account', async () => {
  await page.goto(optionsUrl('single-threaded'));
  const table = page.getByTestId('single-threaded-table');
  await expect(table).toBeVisible();
  const row = table.locator(`tr[data-account-id="${harbour.accountDomain}"]`);
  await expect(row).toContainText(harbour.accountName);
  await expect(row).toContainText('31 of 31 emails this year went to Liam Porter');
  await expect(row).toContainText('Purchasing Coordinator');
  await expect(page.locator('nav a[data-section="single-threaded"]')).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: `${shots}/single-threaded.png`, fullPage: true });

  // Ranking by value at risk keeps the same accounts.
  const count = await table.locator('tbody tr').count();
  await page.getByTestId('single-threaded-sort').selectOption('value-at-risk');
  await expect(table.locator('tbody tr')).toHaveCount(count);

  await row.getByRole('link', { name: harbour.accountName }).click();
  await expect(page).toHaveURL(new RegExp(`#accounts/${harbour.accountDomain.replace(/\./g, '\\.')}$`));
  await expect(page.getByTestId('account-view')).toHaveAttribute('data-account-id', harbour.accountDomain);
});

test('the account view of Harbour Lane groups people by buying role and says who is missing and why', async () => {
  await page.goto(optionsUrl(`accounts/${harbour.accountDomain}`));
  const view = page.getByTestId('account-view');
  await expect(view).toContainText(harbour.accountName);
  const roles = page.getByTestId('role-groups');
  await expect(roles.locator('[data-role="champion"]')).toContainText('Liam Porter');
  await expect(roles.locator('[data-role="user"]')).toContainText('Karen Doyle');
  await expect(roles.locator('[data-role="economic-buyer"]')).toContainText('no economic buyer (owner / GM / CFO)');
  await expect(roles.locator('[data-role="finance"]')).toContainText('finance: never contacted');
  await expect(page.getByTestId('missing')).toContainText('single-threaded: 31 of 31 emails this year went to one person');
  await expect(page.getByTestId('account-risk')).toContainText('usually orders every');
  await expect(page.getByTestId('expansion')).toContainText('Share of wallet');
  await expect(page.locator('nav a[data-section="accounts"]')).toHaveAttribute('aria-current', 'page');
  await page.screenshot({ path: `${shots}/account-harbour-lane.png`, fullPage: true });
});

test('an account is found with the keyboard alone, and other scenarios show their own facts', async () => {
  await page.goto(optionsUrl('accounts'));
  await expect(page.getByTestId('account-list')).toContainText(harbour.accountName);
  const search = page.getByTestId('account-search');
  await search.focus();
  await page.keyboard.type('crumb');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: `${shots}/account-search.png` });
  await page.keyboard.press('Enter');
  const expansion = data.scenarios.find((s) => s.id === 'expansion')!;
  await expect(page.getByTestId('account-view')).toHaveAttribute('data-account-id', expansion.accountDomain);
  await expect(page.getByTestId('expansion-gaps')).toContainText('bought by 70% of similar bakeries');
  await page.screenshot({ path: `${shots}/account-crumb.png`, fullPage: true });

  const moved = data.scenarios.find((s) => s.id === 'champion-moved')!;
  await search.focus();
  await page.keyboard.type(moved.accountDomain);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('champion-moves')).toContainText('now writes from brightfoods.com');
  await expect(page.getByTestId('role-groups').locator('[data-role="champion"]')).toContainText('moved to brightfoods.com');
  await page.screenshot({ path: `${shots}/account-acme.png`, fullPage: true });

  await page.goto(optionsUrl('accounts/no-such-account.example'));
  await expect(page.getByRole('status')).toContainText('No account with the id');
});

test('the playbook preview for Harbour Lane, built by the background, suggests reaching beyond its one contact', async () => {
  await page.goto(optionsUrl('playbooks'));
  await page.getByRole('combobox', { name: 'Sample account' }).fill(harbour.accountDomain);
  await page.keyboard.press('Enter');
  const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Preview' }) });
  await expect(card.locator('ol li').first()).toBeVisible();
  await expect(card).toContainText('Who else weighs in when you review suppliers');
  await expect(card.locator('.notice.error')).toHaveCount(0);
});

test('the playbook preview finds its sample account with the keyboard, as the Accounts page does, not in a list of every account', async () => {
  await page.goto(optionsUrl('playbooks'));
  const search = page.getByTestId('preview-account');
  await expect(search).toBeVisible();
  // No drop-down of the whole book (5,000+ accounts in a real one).
  await expect(page.locator('select[aria-label="Sample account"]')).toHaveCount(0);
  await search.focus();
  await page.keyboard.type('crumb');
  await expect(page.locator('#preview-account-options [role="option"]').first()).toHaveAttribute('aria-selected', 'true');
  expect(await page.locator('#preview-account-options [role="option"]').count()).toBeLessThanOrEqual(8);
  await page.keyboard.press('Enter');
  const expansion = data.scenarios.find((s) => s.id === 'expansion')!;
  await expect(page.getByTestId('preview-account-name')).toContainText(expansion.accountName);
  await expect(page.locator('.card').filter({ hasText: 'Preview' }).locator('ol li').first()).toBeVisible();
  await page.screenshot({ path: `${shots}/playbook-preview.png`, fullPage: true });
});
