import { expect, test } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';
import { launchWithExtension, waitForSidebarReady, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { demoSite } from '../support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../support/seed';

// With data imported, the sidebar must say so when a page shows no customer, or one we do not know — never show
// the wrong account — and follow the rep from page to page.

const data = generateDemoData({ today: await browserDemoDay() });
const site = demoSite(data);
const stranger = gmailThreadHtml({
  me: data.me,
  subject: 'Partnership enquiry',
  messages: [{ from: { email: 'li.wen@unknown-gourmet.example', name: 'Li Wen' }, to: [data.me], date: 'Nov 22, 2026', body: 'Hello, we are looking for a vanilla supplier.' }],
  replyOpen: true,
});
let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer((request) => (request.host === 'mail.google.com' && request.url.searchParams.get('demo') === 'stranger' ? { body: stranger } : site.route(request)));
  browser = await launchWithExtension({ port: server.port });
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(options, browser.extensionId);
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the inbox list is not a customer; an unknown sender is named, not guessed; a known one is found', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  expect(await waitForSidebarReady(page)).toContain('No customer recognized on this page');

  await page.goto('https://mail.google.com/mail/u/0/?demo=stranger#inbox/FMfcgzQXJWDsKmvPqLxq');
  const unknown = await waitForSidebarReady(page);
  expect(unknown).toContain('Not in your accounts yet');
  expect(unknown).toContain('li.wen@unknown-gourmet.example');

  const lapsing = site.pages.find((p) => p.scenario === 'lapsing' && p.url.includes('mail.google.com'))!;
  await page.goto(lapsing.url);
  const known = await waitForSidebarReady(page);
  expect(known).toContain('Northwind Foods');
  expect(known).toContain('High lapse risk');
  expect(known).toContain('Gmail');
});

test('on a CRM record the sidebar names the CRM and copies questions instead of inserting', async () => {
  const page = await browser.context.newPage();
  const expansion = site.pages.find((p) => p.scenario === 'expansion' && p.url.includes('lightning.force.com'))!;
  await page.goto(expansion.url);
  const text = await waitForSidebarReady(page);
  expect(text).toContain('Crumb & Co Bakeries');
  expect(text).toContain('Salesforce');
  expect(text).toMatch(/cocoa[^.]*bought by 70% of similar bakeries/);
  expect(text).toContain('Copy');
  expect(text).not.toContain('Insert');
});
