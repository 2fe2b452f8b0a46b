import { expect, test } from '@playwright/test';
import { browserDemoDay } from '../support/demoDay';
import { clickInSidebar, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import type { FixtureServer } from '../support/server';
import { ANA, daysBefore, launchCrmOnly, ME, TOM } from '../support/captureWorld';
import { gmailThreadHtml, type GmailMessage } from '../../lib/sites/fixtures/gmailPage';

// Issue 16 in Chromium with the built extension: CRM exports only (no activity log) → three conversations of one
// account opened in Gmail, one with a newcomer in cc → the sidebar shows the notice, the newcomer and the
// single-threaded evidence from the remembered emails; the Data page counts them; Forget removes them.

const today = await browserDemoDay();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Gmail's header date `daysAgo` days before the browser's day, at 9:00 local time. */
const gmailDate = (daysAgo: number) => {
  const d = daysBefore(today, daysAgo);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, 9:00 AM`;
};

const threads: { subject: string; messages: GmailMessage[] }[] = [
  { subject: 'Volumes for next year', messages: [{ from: ANA, to: [ME], date: gmailDate(20), body: 'Could you hold the price?' }, { from: ME, to: [ANA], date: gmailDate(19), body: 'Let me check.' }] },
  { subject: 'Delivery next week', messages: [{ from: ANA, to: [ME], date: gmailDate(10), body: 'When?' }, { from: ME, to: [ANA], date: gmailDate(9), body: 'Tuesday.' }] },
  { subject: 'Supplier review', messages: [{ from: ME, to: [ANA], date: gmailDate(2), body: 'Any news?' }, { from: ANA, to: [ME], cc: [TOM], date: gmailDate(0), body: 'Tom joins us.' }] },
];

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  ({ server, browser } = await launchCrmOnly(({ host, path }) => {
    const index = ['/mail/u/0/', '/mail/u/1/', '/mail/u/2/'].indexOf(path);
    if (host === 'mail.google.com' && index >= 0) return { body: gmailThreadHtml({ me: ME, ...threads[index]! }) };
    return undefined;
  }));
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('remembered conversations feed the sidebar with no activity import; the Data page counts and forgets them', async () => {
  const page = await browser.context.newPage();
  for (const index of [0, 1, 2]) {
    await page.goto(`https://mail.google.com/mail/u/${index}/#inbox/FMfcgzQXJWDsKmvPqLxq`);
    await waitForSidebarText(page, (t) => t.includes('Northwind Foods') && t.includes('on this computer only'), 15_000);
  }
  const text = await waitForSidebarText(page, (t) => t.includes('Tom Baker'));
  expect(text).toContain('new at Northwind Foods: Tom Baker (tom.baker@northwind-foods.com), first seen in cc today — not in your CRM');
  expect(text).toContain('single-threaded: 6 of 6 emails this year went to one person');
  await page.screenshot({ path: 'test-results/capture-notice.png' });
  // The Single-threaded page, from the remembered emails alone.
  const single = await browser.context.newPage();
  await single.goto(`chrome-extension://${browser.extensionId}/options.html#single-threaded`);
  await expect(single.locator('main')).toContainText('Northwind Foods');
  await expect(single.locator('main')).toContainText('6 of 6');
  await single.close();
  // Learn more opens the options page at the Data section, where remembering is explained and switched.
  const learnMore = browser.context.waitForEvent('page');
  await clickInSidebar(page, '[data-ka="capture-learn"]');
  const learn = await learnMore;
  await learn.waitForLoadState();
  expect(learn.url()).toMatch(/options\.html#data$/);
  await learn.close();
  await clickInSidebar(page, '[data-ka="capture-ok"]');
  await waitForSidebarText(page, (t) => t.includes('2 messages of this conversation remembered'));
  await clickInSidebar(page, '[data-ka="capture-forget"]');
  await waitForSidebarText(page, (t) => t.includes('Nothing of this conversation is remembered'));
  await page.screenshot({ path: 'test-results/capture-forgotten.png' });

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  await expect(options.getByTestId('capture-count')).toHaveText('2 conversations (4 messages) remembered on this computer.');
  await options.getByTestId('capture-forget-all').click();
  await options.getByTestId('capture').getByTestId('confirm').click();
  await expect(options.getByTestId('capture-count')).toHaveText('Nothing remembered yet.');
  await options.getByTestId('capture').screenshot({ path: 'test-results/capture-data.png' });
  await page.close();
  await options.close();
});
