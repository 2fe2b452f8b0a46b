import { expect, test } from '@playwright/test';
import { launchWithExtension, sidebarHostCount, sidebarRoot, clickInSidebar, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { crmRecordHtml, gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';

// The foundation: the sidebar appears on Gmail and CRM pages, collapses and reopens (mouse, keyboard and the
// browser shortcut), survives single-page navigation without duplicating itself, and the page's CSS cannot touch it.

const me = { email: 'sam.rivera@keepaccount-demo.example', name: 'Sam Rivera' };
const buyer = { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez' };
const thread = (subject: string) =>
  gmailThreadHtml({ me, subject, messages: [{ from: buyer, to: [me], date: 'Nov 20, 2026, 9:14 AM', body: 'Hi Sam, can you confirm the next delivery date?' }], replyOpen: true });

/** A Gmail-like single-page app: the hash selects a thread, rendered without a page load. */
const spaPage = () => {
  const first = thread('Delivery for week 48');
  const second = thread('Invoice 2231 question');
  return first.replace(
    '</body>',
    `<template id="second">${second.slice(second.indexOf('<body') + second.slice(second.indexOf('<body')).indexOf('>') + 1, second.lastIndexOf('</body>'))}</template>
<script>
  window.addEventListener('hashchange', () => {
    const t = document.getElementById('second');
    const keep = [...document.body.children].filter((el) => el === t || el.tagName.toLowerCase() === 'keep-account-sidebar');
    for (const el of [...document.body.children]) if (!keep.includes(el)) el.remove();
    document.body.prepend(t.content.cloneNode(true));
  });
</script></body>`,
  );
};

const hostilePage = () =>
  thread('Styles test').replace(
    '</head>',
    `<style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: "Comic Sans MS" !important; }
     button { display: none !important; } aside, div { background: rgb(0, 255, 0) !important; }
     keep-account-sidebar { display: none; }</style></head>`,
  );

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer(({ host, path }) => {
    if (host === 'mail.google.com' && path === '/mail/u/0/') return { body: thread('Delivery for week 48') };
    if (host === 'mail.google.com' && path === '/mail/u/1/') return { body: spaPage() };
    if (host === 'mail.google.com' && path === '/mail/u/2/') return { body: hostilePage() };
    if (host === 'app.hubspot.com')
      return { body: crmRecordHtml({ crm: 'hubspot', recordName: 'Ana Lopez', email: buyer.email, company: 'Northwind Foods', website: 'northwind-foods.com', title: 'Head of Purchasing' }) };
    return undefined;
  });
  browser = await launchWithExtension({ port: server.port });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the sidebar appears on a Gmail thread and says there is no local data yet', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq');
  const text = await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  expect(text).toContain('Import data');
  expect(await sidebarHostCount(page)).toBe(1);
  // The shadow root is closed: page scripts cannot read it.
  expect(await page.evaluate(() => document.querySelector('keep-account-sidebar')?.shadowRoot ?? null)).toBeNull();
  await page.close();
});

test('the sidebar appears on a CRM record page', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://app.hubspot.com/contacts/24681357/record/0-1/51201');
  await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  expect(await sidebarHostCount(page)).toBe(1);
  await page.close();
});

test('collapse and expand with the mouse, the keyboard and the browser shortcut; remembered per site', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq');
  await waitForSidebarText(page, (t) => t.includes('Local data only'));
  await clickInSidebar(page, '[data-ka="collapse"]');
  await waitForSidebarText(page, (t) => !t.includes('Local data only') && t.includes('Keep Account'));
  // Reopen from the keyboard: the slim tab is a focusable button.
  const root = await sidebarRoot(page);
  await root.evaluate((r) => ((r as ShadowRoot).querySelector('[data-ka="expand"]') as HTMLElement).focus());
  await page.keyboard.press('Enter');
  await waitForSidebarText(page, (t) => t.includes('Local data only'));
  // Escape inside the sidebar collapses it.
  await root.evaluate((r) => ((r as ShadowRoot).querySelector('[data-ka="collapse"]') as HTMLElement).focus());
  await page.keyboard.press('Escape');
  await waitForSidebarText(page, (t) => !t.includes('Local data only'));
  // Remembered for the site: a reload comes back collapsed.
  await page.reload();
  await page.waitForTimeout(500);
  await waitForSidebarText(page, (t) => !t.includes('Local data only') && t.includes('Keep Account'));
  // The browser shortcut (commands API): the background forwards "toggle-sidebar" to the tab.
  await page.bringToFront();
  await browser.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    // The background's own onCommand listener, fired as Chrome fires it (tests/e2e/shortcut.spec.ts says how and why).
    (api.commands.onCommand as unknown as { dispatch(command: string, tab: unknown): void }).dispatch('toggle-sidebar', tab);
  });
  await waitForSidebarText(page, (t) => t.includes('Local data only'));
  await page.close();
});

// This browser has no data, so every thread shows "No local data yet": the test proves only that navigation never
// duplicates the sidebar. That the sidebar follows the conversation (the right customer after each of 50 switches) is
// proven on the demo book in tests/e2e/reliability.spec.ts.
test('single-page navigation never duplicates the sidebar', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmvPqLxq');
  await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  for (let i = 0; i < 5; i++) {
    await page.evaluate((n) => (location.hash = `#inbox/thread${n}`), i);
    await page.waitForTimeout(300);
  }
  expect(await sidebarHostCount(page)).toBe(1);
  await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  await page.close();
});

test("the page's own styles do not leak into the sidebar", async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmvPqLxq');
  await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  const root = await sidebarRoot(page);
  const styles = await root.evaluate((r) => {
    const button = (r as ShadowRoot).querySelector('[data-ka="import"]') as HTMLElement;
    const panel = (r as ShadowRoot).querySelector('aside') as HTMLElement;
    const b = getComputedStyle(button);
    return { display: b.display, color: b.color, fontSize: b.fontSize, panelBg: getComputedStyle(panel).backgroundColor, panelVisible: panel.getBoundingClientRect().width };
  });
  expect(styles.display).not.toBe('none');
  expect(styles.color).not.toBe('rgb(255, 0, 0)');
  expect(styles.fontSize).not.toBe('40px');
  expect(styles.panelBg).toBe('rgb(255, 255, 255)');
  expect(styles.panelVisible).toBeGreaterThan(300);
  await page.close();
});

// Keep this test last in the file: it reloads the extension under the open pages.
test('an extension reload (update) removes the old sidebar cleanly, without "Extension context invalidated" errors', async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /context invalidated/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmvPqLxq');
  await waitForSidebarText(page, (t) => t.includes('No local data yet'));
  // The worker goes away mid-call when it reloads itself, so the evaluate may reject: that is the point.
  await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  // The invalidated content script removed its sidebar; the page keeps working and navigating without errors.
  await expect.poll(() => sidebarHostCount(page), { timeout: 10_000 }).toBe(0);
  for (let i = 0; i < 3; i++) {
    await page.evaluate((n) => (location.hash = `#inbox/after-reload-${n}`), i);
    await page.waitForTimeout(200);
  }
  expect(errors).toEqual([]);
  await page.close();
});
