import { expect, test, type Page } from '@playwright/test';
import { browserDemoDay } from '../support/demoDay';
import { clickInSidebar, sidebarRoot, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import type { FixtureServer } from '../support/server';
import { ANA, daysBefore, launchCrmOnly, ME, TOM } from '../support/captureWorld';
import { outlookConversationId } from '../support/demoSite';
import { outlookMailHtml, type OutlookConversation } from '../../lib/sites/fixtures/outlookPage';

// Issue 16 on Outlook on the web, in Chromium with the built extension, on the demo's Outlook look-alike served under
// outlook.office.com: CRM exports only (no activity log) → three conversations of one account opened from the message
// list (OWA swaps the reading pane without a page load), one with a newcomer in cc → the messages are remembered, the
// sidebar shows the evidence and the newcomer; Forget removes the conversation on screen; the Data page counts the rest.

const today = await browserDemoDay();
/** An ISO date-time `daysAgo` days before the browser's day at 9:00 (the page shows it as OWA does, "Tue 11/24/2026 9:00 AM"). */
const at = (daysAgo: number) => `${daysBefore(today, daysAgo).toISOString().slice(0, 10)}T09:00:00Z`;

const conversations: OutlookConversation[] = [
  { id: outlookConversationId('volumes'), subject: 'Volumes for next year', messages: [{ from: ANA, to: [ME], date: at(20), body: 'Could you hold the price?' }, { from: ME, to: [ANA], date: at(19), body: 'Let me check.' }] },
  { id: outlookConversationId('delivery'), subject: 'Delivery next week', messages: [{ from: ANA, to: [ME], date: at(10), body: 'When?' }, { from: ME, to: [ANA], date: at(9), body: 'Tuesday.' }] },
  { id: outlookConversationId('review'), subject: 'Supplier review', messages: [{ from: ME, to: [ANA], date: at(2), body: 'Any news?' }, { from: ANA, to: [ME], cc: [TOM], date: at(0), body: 'Tom joins us.' }] },
];

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  ({ server, browser } = await launchCrmOnly(({ host, path }) => {
    if (host !== 'outlook.office.com' || !path.startsWith('/mail')) return undefined;
    const openId = decodeURIComponent(path.split('/id/')[1] ?? '') || undefined;
    // Every message expanded (OWA's "expand all"), people outside the rep's company with their address, as OWA shows them.
    return { body: outlookMailHtml({ me: ME, conversations, openId, replyOpen: false, expandAll: true, ccAddresses: true }) };
  }));
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a conversation from the message list, as the rep does: OWA swaps the reading pane and pushes its URL. */
async function openFromList(page: Page, conversation: OutlookConversation) {
  await page.locator(`[role="option"][data-convid="${conversation.id}"]`).click();
  await expect(page.locator('[data-app-section="ConversationTopBar"] [role="heading"]')).toHaveText(conversation.subject);
}

test('Outlook: remembered conversations feed the sidebar with no activity import; Forget and the Data page', async () => {
  test.setTimeout(120_000);
  const page = await browser.context.newPage();
  await page.goto(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(conversations[0]!.id)}`);
  await waitForSidebarText(page, (t) => t.includes('Northwind Foods') && t.includes('on this computer only'), 15_000);
  await openFromList(page, conversations[1]!);
  await waitForSidebarText(page, (t) => t.includes('Northwind Foods') && t.includes('on this computer only'));
  await openFromList(page, conversations[2]!);
  const text = await waitForSidebarText(page, (t) => t.includes('Tom Baker'), 15_000);
  expect(text).toContain('new at Northwind Foods: Tom Baker (tom.baker@northwind-foods.com), first seen in cc today — not in your CRM');
  expect(text).toContain('single-threaded: 6 of 6 emails this year went to one person');
  await page.screenshot({ path: 'test-results/capture-outlook-notice.png' });

  await clickInSidebar(page, '[data-ka="capture-ok"]');
  await waitForSidebarText(page, (t) => t.includes('2 messages of this conversation remembered on this computer. With Northwind Foods: 3 conversations (6 messages) in all.'));
  await clickInSidebar(page, '[data-ka="capture-forget"]');
  await waitForSidebarText(page, (t) => t.includes('Nothing of this conversation is remembered. With Northwind Foods: 2 conversations (4 messages) in all.'));
  // The newcomer was seen only in the forgotten conversation: gone with it.
  expect(await waitForSidebarText(page, (t) => !t.includes('Tom Baker'))).not.toContain('first seen in cc');
  await page.screenshot({ path: 'test-results/capture-outlook-forgotten.png' });

  // The per-site switch, by keyboard alone: Tab from the sidebar's first button to "Don't remember on Outlook", Enter.
  await tabInSidebarTo(page, '[data-ka="capture-site-off"]', "Don't remember on Outlook");
  await page.keyboard.press('Enter');
  // The action's own status line comes first; the sidebar's state (no switch offered any more) follows it.
  const off = await waitForSidebarText(page, (t) => t.includes('Remembering conversations is off on Outlook.') && !t.includes("Don't remember on Outlook"));
  expect(off).toContain('Turn it on again on the Data page.');
  await page.screenshot({ path: 'test-results/capture-outlook-site-off.png' });

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  await expect(options.getByTestId('capture-count')).toHaveText('2 conversations (4 messages) remembered on this computer.');
  await expect(options.getByTestId('capture-site-outlook')).not.toBeChecked();
  await expect(options.getByTestId('capture-site-gmail')).toBeChecked();
  await expect(options.getByTestId('capture-enabled')).toBeChecked();
  await options.getByTestId('capture').screenshot({ path: 'test-results/capture-outlook-data.png' });
  await options.close();

  // Switched off here: the forgotten conversation, opened again in a new tab (which would remember it anew), stays forgotten.
  const reopened = await browser.context.newPage();
  await reopened.goto(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(conversations[2]!.id)}`);
  await waitForSidebarText(reopened, (t) => t.includes('Remembering conversations is off on Outlook.'), 15_000);
  await reopened.close();
  const again = await browser.context.newPage();
  await again.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  await expect(again.getByTestId('capture-count')).toHaveText('2 conversations (4 messages) remembered on this computer.');
  await again.close();
  await page.close();
});

/** Focuses the sidebar's first button and presses Tab until `selector` (with `label`) has the focus. */
async function tabInSidebarTo(page: Page, selector: string, label: string) {
  const root = await sidebarRoot(page);
  await root.evaluate((r) => ((r as ShadowRoot).querySelector('button') as HTMLButtonElement).focus());
  for (let i = 0; i < 60; i += 1) {
    const focused = await root.evaluate((r, sel) => (r as ShadowRoot).activeElement?.matches(sel as string) ?? false, selector);
    if (focused) {
      expect(await root.evaluate((r) => (r as ShadowRoot).activeElement?.textContent?.trim())).toBe(label);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never took the focus by Tab`);
}
