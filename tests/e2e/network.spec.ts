import { expect, test, type Request } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { FIXTURE_HOSTS, clickInSidebar, launchWithExtension, waitForSidebarReady, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { demoSite } from '../support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../support/seed';

// "Nothing leaves the browser." Every hostname resolves to the local fixture server for this test, and every request
// seen by the browser (pages, the options page, its worker, the service worker) is recorded through a whole demo
// journey. Any request by the extension to anything but the fixture pages the test itself opened fails the test.

const data = generateDemoData({ today: await browserDemoDay() });
const site = demoSite(data);
let server: FixtureServer;
let browser: ExtensionBrowser;
const seen: { url: string; from: string }[] = [];

test.beforeAll(async () => {
  server = await startFixtureServer(site.route);
  browser = await launchWithExtension({ port: server.port, mapAllHosts: true });
  browser.context.on('request', (request: Request) => seen.push({ url: request.url(), from: 'browser context' }));
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Requests made by web content — pages and their content scripts, the options page, the extension's service worker —
 * carry Sec-Fetch-Site other than "none" (https://www.w3.org/TR/fetch-metadata/). The browser's own services
 * (component updates, Google account checks on google.com hosts, autofill) send "none": they are Chromium's, not ours.
 */
const fromWebContent = (entry: FixtureServer['log'][number]) => entry.secFetchSite !== undefined && entry.secFetchSite !== 'none';

test('the extension cannot even try: its pages and service worker have no network (CSP), and the monitor works', async () => {
  // connect-src 'none' in the extension's CSP covers the service worker and the options page.
  const fromWorker = await browser.serviceWorker.evaluate(() => fetch('https://probe.example.org/sw').then(() => 'sent', () => 'blocked'));
  expect(fromWorker).toBe('blocked');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  expect(await options.evaluate(() => fetch('https://probe.example.org/options').then(() => 'sent', () => 'blocked'))).toBe('blocked');
  await options.close();
  // Positive control: a request from a web page (where a content script's request would appear) is seen.
  const before = seen.length;
  const page = await browser.context.newPage();
  await page.goto(site.pages[0].url);
  await page.evaluate(() => fetch('https://probe.example.org/page').catch(() => undefined));
  await expect.poll(() => seen.slice(before).some((r) => r.url === 'https://probe.example.org/page')).toBe(true);
  await page.close();
  // These requests are the test's own, not the extension's.
  seen.splice(0);
  server.log.splice(0);
});

test('a whole demo journey makes no request outside the fixture pages', async () => {
  test.setTimeout(120_000);
  const opened = new Set<string>();
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(options, browser.extensionId);
  for (const section of ['data', 'playbooks', 'team', 'risk']) await options.goto(`chrome-extension://${browser.extensionId}/options.html#${section}`);
  const page = await browser.context.newPage();
  for (const demoPage of site.pages) {
    opened.add(demoPage.url.replace(/#.*$/, ''));
    await page.goto(demoPage.url);
    await waitForSidebarReady(page);
  }
  // Use a question too (insert on Gmail, then on Outlook), which writes to the database through the background.
  const gmail = site.pages.find((p) => p.url.includes('mail.google.com'))!;
  await page.goto(gmail.url);
  await waitForSidebarReady(page);
  await page.locator('[g_editable="true"][contenteditable="true"]').first().click();
  await clickInSidebar(page, '[data-ka="use-question"]');
  await page.waitForTimeout(500);
  // And on Outlook: insert into the reply, then switch conversations in the reading pane (no page load).
  const outlook = site.pages.find((p) => p.url.includes('outlook.office.com'))!;
  await page.goto(outlook.url);
  await waitForSidebarReady(page);
  await page.locator('[role="textbox"][aria-multiline="true"][contenteditable="true"]').first().click();
  await clickInSidebar(page, '[data-ka="use-question"]');
  await page.waitForTimeout(500);
  for (const row of await page.locator('[role="option"][data-convid]').all()) {
    await row.click();
    await waitForSidebarReady(page);
  }

  const offending = seen.filter(({ url }) => {
    const u = new URL(url);
    if (u.protocol === 'chrome-extension:' || u.protocol === 'data:' || u.protocol === 'blob:') return false;
    // The test's own navigations to the fixture pages (and the browser's favicon fetch for them).
    if (FIXTURE_HOSTS.includes(u.hostname) && (opened.has(url.replace(/#.*$/, '')) || u.pathname === '/favicon.ico')) return false;
    return true;
  });
  expect(offending).toEqual([]);
  // And on the wire, where every hostname leads: web content asked only for the pages the test opened.
  const unexpected = server.log.filter((entry) => fromWebContent(entry) && !opened.has(entry.url) && !entry.url.endsWith('/favicon.ico'));
  expect(unexpected).toEqual([]);
});
