import { expect, test, type Page } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';
import { clickInSidebar, launchWithExtension, sidebarRoot, waitForSidebarReady, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { demoSite } from '../support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../support/seed';

// The sidebar sits beside the page, never on it: while it is open the page narrows by its width (the message, the
// reply box and the site's own controls end left of it), collapsed the page gets its width back, and the collapsed tab
// still flags what matters. Right-hand panels of the site (Gmail's side panel) and of other extensions are not covered.

const data = generateDemoData({ today: await browserDemoDay() });
const site = demoSite(data);
const scenario = (id: string) => data.scenarios.find((s) => s.id === id)!;
const lapsingThread = () => {
  const g = scenario('lapsing').gmail!;
  return { me: data.me, subject: g.subject, messages: g.messages, replyOpen: true };
};
/** Another extension's sidebar: fixed to the viewport's right edge, 300 px wide; `narrows` also takes the page's margin. */
const otherExtension = (narrows: boolean, late: boolean) => {
  const panel = `const p = document.createElement('div'); p.id = 'other-extension'; p.style.cssText = 'position:fixed;top:0;right:0;width:300px;height:100vh;background:#fdf6e3;border-left:1px solid #ccc;z-index:2147483000'; p.textContent = 'Another extension';
    document.body.append(p); ${narrows ? "document.documentElement.style.marginRight = '300px';" : ''}`;
  return gmailThreadHtml(lapsingThread()).replace('</body>', `<script>${late ? `setTimeout(() => { ${panel} }, 600);` : panel}</script></body>`);
};
/** Gmail's compose pop-up: a window in .dw, fixed to the viewport's bottom right (lib/sites/layout.ts). */
const composePopUp = () =>
  gmailThreadHtml(lapsingThread()).replace(
    '</body>',
    `<div class="dw" style="position:fixed;bottom:0;right:0;z-index:1000"><div class="nH Hd" role="dialog" aria-label="New Message" style="width:540px;height:420px;margin-right:16px;background:#fff;border-radius:8px 8px 0 0;box-shadow:0 8px 10px 1px rgba(0,0,0,.14),0 3px 14px 2px rgba(0,0,0,.12)">
      <h2 class="a3E" style="margin:0;padding:10px 16px;font:500 14px Arial;background:#f2f6fc;border-radius:8px 8px 0 0">New Message</h2>
      <div class="Am aiL Al editable LW-avf" aria-label="Message Body" g_editable="true" role="textbox" contenteditable="true" style="padding:12px 16px;min-height:300px">Hello Emma,</div></div></div></body>`,
  );
const EXTRA: Record<string, () => string> = {
  compose: composePopUp,
  'side-panel': () => gmailThreadHtml({ ...lapsingThread(), sidePanel: true }),
  'other-extension': () => otherExtension(false, false),
  'other-extension-late': () => otherExtension(false, true),
  'other-extension-narrowing': () => otherExtension(true, false),
};

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer((request) => {
    const extra = request.host === 'mail.google.com' ? EXTRA[request.url.searchParams.get('demo') ?? ''] : undefined;
    return extra ? { body: extra() } : site.route(request);
  });
  browser = await launchWithExtension({ port: server.port });
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(options, browser.extensionId);
  await options.close();
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Box = { left: number; right: number; width: number };

/** The open panel's (or the collapsed tab's) box, inside the closed shadow root. */
async function sidebarBox(page: Page, selector = 'aside.panel'): Promise<Box> {
  const root = await sidebarRoot(page);
  return root.evaluate((r, sel) => {
    const el = (r as ShadowRoot).querySelector(sel as string);
    if (!el) throw new Error(`no ${sel as string} in the sidebar`);
    const rect = el.getBoundingClientRect();
    return { left: rect.left, right: rect.right, width: rect.width };
  }, selector);
}

/** Boxes of the visible page elements a selector finds (outside the sidebar). */
const boxes = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    return Array.from(document.querySelectorAll(sel))
      .filter((el) => !el.closest('keep-account-sidebar'))
      .map((el) => el.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => ({ left: rect.left, right: rect.right, width: rect.width }));
  }, selector);

const GMAIL_PARTS = { 'message body': '.a3s', 'reply box': '.ip', 'reply editor': '[g_editable="true"]', 'account button': '.gb_A', 'search box': 'form[role=search]' };
// The Outlook look-alike (lib/sites/fixtures/outlookPage.ts): the reading pane's message body, the reply editor when
// one is open, the top bar's account button and search box.
const OUTLOOK_PARTS = { 'reading pane': '[aria-label="Reading Pane"]', 'message body': '[aria-label="Message body"], [aria-label^="Message body,"]', 'account button': '[aria-label^="Account manager"]', 'search box': '[aria-label="Search"]' };
const CRM_PARTS = { 'record fields': 'section.about, .slds-form', 'right-hand column': 'aside.related', 'top-bar controls': '.top-controls', 'top bar': 'header' };

for (const demoPage of site.pages) {
  test(`${demoPage.label}: the page ends left of the open sidebar, and gets its width back when collapsed`, async () => {
    const page = await browser.context.newPage();
    await page.goto(demoPage.url);
    await waitForSidebarReady(page);
    const panel = await sidebarBox(page);
    expect(panel.width).toBeGreaterThan(300);
    const parts = demoPage.url.includes('mail.google.com') ? GMAIL_PARTS : demoPage.url.includes('outlook.') ? OUTLOOK_PARTS : CRM_PARTS;
    for (const [name, selector] of Object.entries(parts)) {
      const found = await boxes(page, selector);
      expect(found.length, `${name} (${selector}) on the page`).toBeGreaterThan(0);
      for (const box of found) expect(box.right, `${name}'s right edge vs the sidebar's left edge`).toBeLessThanOrEqual(panel.left + 0.5);
    }
    // No horizontal scrolling: the page narrowed, it was not pushed.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await clickInSidebar(page, '[data-ka="collapse"]');
    await waitForSidebarText(page, (t) => !t.includes('Local data only'));
    const widest = async () => Math.max(...(await boxes(page, Object.values(parts).join(', '))).map((b) => b.right));
    await expect.poll(widest).toBeGreaterThan(panel.left + 200);
    await clickInSidebar(page, '[data-ka="expand"]');
    await waitForSidebarText(page, (t) => t.includes('Local data only'));
    await page.close();
  });
}

test('a Gmail compose pop-up (fixed to the bottom right) moves left of the open sidebar and back when it collapses', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?demo=compose#inbox/FMfcgzQkCompose');
  await waitForSidebarReady(page);
  const panel = await sidebarBox(page);
  const [dialog] = await boxes(page, '[role="dialog"][aria-label="New Message"]');
  expect(dialog!.width).toBeCloseTo(540, 0);
  expect(dialog!.right).toBeLessThanOrEqual(panel.left + 0.5);
  await clickInSidebar(page, '[data-ka="collapse"]');
  await expect.poll(async () => (await boxes(page, '[role="dialog"][aria-label="New Message"]'))[0]!.right).toBeGreaterThan(1400);
  await clickInSidebar(page, '[data-ka="expand"]');
  await waitForSidebarText(page, (t) => t.includes('Local data only'));
  await page.close();
});

test("Gmail's own side panel stays in view: the page shows both, the sidebar right of it", async () => {
  const page = await browser.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?demo=side-panel#inbox/FMfcgzQkSidePanel');
  await waitForSidebarReady(page);
  const panel = await sidebarBox(page);
  const [content] = await boxes(page, '.brC-brG');
  const [icons] = await boxes(page, '.brC-aT5-aOt-Jw');
  expect(content!.width).toBeCloseTo(300, 0);
  expect(icons!.width).toBeCloseTo(56, 0);
  expect(icons!.right).toBeLessThanOrEqual(panel.left + 0.5);
  for (const body of await boxes(page, '.a3s, .ip')) expect(body.right).toBeLessThanOrEqual(content!.left);
  await page.screenshot({ path: 'test-results/layout/gmail-side-panel.png' });
  await page.close();
});

for (const [variant, what] of [
  ['other-extension', 'already open'],
  ['other-extension-late', 'opened after the sidebar'],
  ['other-extension-narrowing', 'that narrows the page itself'],
] as const) {
  test(`another extension's fixed sidebar (${what}) is not covered: Keep Account sits beside it`, async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://mail.google.com/mail/u/0/?demo=${variant}#inbox/FMfcgzQkOtherExt`);
    await waitForSidebarReady(page);
    await page.locator('#other-extension').waitFor();
    const other = page.locator('#other-extension');
    await expect.poll(async () => (await sidebarBox(page)).right).toBeLessThanOrEqual((await other.boundingBox())!.x + 0.5);
    const panel = await sidebarBox(page);
    expect(panel.width).toBeGreaterThan(300);
    for (const body of await boxes(page, '.a3s, .ip, .gb_A')) expect(body.right).toBeLessThanOrEqual(panel.left + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/layout/${variant}.png` });
    await page.close();
  });
}

test('the collapsed tab flags high risk, a champion who moved, a contact who moved here and a single-threaded account, in words and colour', async () => {
  const page = await browser.context.newPage();
  // Scenario, where, the label and the flag: Joe Park left Acme Flavors (its company record) and now writes from a
  // new company (his Gmail thread); the friendly contact is the only person in touch.
  const expectations: Array<[string, string, string, string]> = [
    ['lapsing', 'mail.google.com', 'High risk', 'high-risk'],
    ['champion-moved', 'app.hubspot.com', 'Champion moved', 'champion-moved'],
    ['champion-moved', 'mail.google.com', 'Contact moved', 'contact-moved'],
    ['single-threaded', 'mail.google.com', 'Single-threaded', 'single-threaded'],
  ];
  const collapsedOn = new Map<string, string>(); // host → a page URL there (collapsed is remembered per site)
  for (const [id, where, label, kind] of expectations) {
    const demoPage = site.pages.find((p) => p.scenario === id && p.url.includes(where))!;
    await page.goto(demoPage.url);
    await waitForSidebarReady(page);
    const host = new URL(demoPage.url).host;
    if (!collapsedOn.has(host)) {
      await clickInSidebar(page, '[data-ka="collapse"]');
      collapsedOn.set(host, demoPage.url);
    }
    const tab = await waitForSidebarText(page, (t) => t.includes(label));
    expect(tab).not.toContain('Local data only');
    const root = await sidebarRoot(page);
    const shown = await root.evaluate((r) => {
      const button = (r as ShadowRoot).querySelector('[data-ka="expand"]') as HTMLElement;
      return { alert: button.dataset.alert, label: button.getAttribute('aria-label'), color: getComputedStyle(button).color };
    });
    expect(shown.alert).toBe(kind);
    expect(shown.label).toContain(label);
    expect(shown.color).not.toBe('rgb(14, 110, 100)'); // not the plain brand colour of a tab without a flag
  }
  for (const url of collapsedOn.values()) {
    await page.goto(url);
    await waitForSidebarReady(page);
    await clickInSidebar(page, '[data-ka="expand"]');
    await waitForSidebarText(page, (t) => t.includes('Local data only'));
  }
  await page.close();
});
