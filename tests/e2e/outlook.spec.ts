import { expect, test, type Page } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { clickInSidebar, launchWithExtension, sidebarHostCount, sidebarRoot, waitForSidebarReady, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { demoSite, outlookConversationId } from '../support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../support/seed';

// Outlook on the web (issue 15), in Chromium with the built extension, on the demo's Outlook look-alike served under
// outlook.office.com: import → open a lapsing customer's message → risk, people, questions → insert at the caret →
// undo → history; the sidebar follows the reading pane as OWA swaps messages without a page load (50 switches, one
// sidebar); a pop-out reading window knows the signed-in mailbox from the main window.

const data = generateDemoData({ today: await browserDemoDay() });
const site = demoSite(data);
const lapsing = data.scenarios.find((s) => s.id === 'lapsing')!;
const expansion = data.scenarios.find((s) => s.id === 'expansion')!;
const lapsingOutlook = site.pages.find((p) => p.scenario === 'lapsing' && p.url.includes('outlook.office.com'))!;

let server: FixtureServer;
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  server = await startFixtureServer(site.route);
  browser = await launchWithExtension({ port: server.port });
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(options, browser.extensionId);
  await options.close();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const editor = (page: Page) => page.locator('[data-app-section="MailReadCompose"] [role="textbox"][aria-multiline="true"][contenteditable="true"]').first();

async function questionHistory(page: Page): Promise<{ text: string; site: string }[]> {
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#data`);
  const history = await options.evaluate(
    () =>
      new Promise<{ text: string; site: string }[]>((resolve, reject) => {
        const open = indexedDB.open('keep-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('questionHistory').objectStore('questionHistory').getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  await options.close();
  return history;
}

test('a lapsing customer in the reading pane: risk, people, questions; insert at the caret, undo, history', async () => {
  test.setTimeout(120_000);
  const page = await browser.context.newPage();
  await page.goto(lapsingOutlook.url);
  const text = await waitForSidebarReady(page);
  expect(text).toContain(lapsing.accountName);
  expect(text).toContain('Outlook'); // the header names the site
  expect(text).toMatch(/lapse risk/i);
  expect(text).toContain('usually orders every 24 days');
  expect(text).toMatch(/nothing for 77 days/);
  expect(text).toMatch(/People\s*\d+ missing/);
  expect(text).toMatch(/economic buyer/);
  expect(await sidebarHostCount(page)).toBe(1);

  // The rep starts the reply that OWA opened inline; the caret sits at the end of the first line.
  const body = editor(page);
  await body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Hello Emma,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Best, Sam');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(' ');

  const root = await sidebarRoot(page);
  const topQuestion = await root.evaluate((r) => (r as ShadowRoot).querySelector('[data-ka="questions"] .text')?.textContent ?? '');
  expect(topQuestion.length).toBeGreaterThan(10);
  await clickInSidebar(page, '[data-ka="use-question"]');
  await expect.poll(() => body.innerText()).toContain(topQuestion);
  const written = await body.innerText();
  expect(written.indexOf('Hello Emma,')).toBeLessThan(written.indexOf(topQuestion));
  expect(written.indexOf(topQuestion)).toBeLessThan(written.indexOf('Best, Sam'));
  // Above the quoted message, never inside it.
  expect(await page.locator('#divRplyFwdMsg').innerText()).not.toContain(topQuestion);
  // The editor's own undo takes it back out.
  await body.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => body.innerText()).not.toContain(topQuestion);
  expect(await body.innerText()).toContain('Best, Sam');

  const afterInsert = await waitForSidebarText(page, (t) => t.includes('Questions asked'));
  expect(afterInsert).toContain(topQuestion);
  const history = await questionHistory(page);
  expect(history.filter((h) => h.text === topQuestion)).toEqual([expect.objectContaining({ text: topQuestion, site: 'Outlook' })]);
  await page.close();
});

test('OWA swaps messages without a page load: the sidebar follows, 50 switches leave exactly one sidebar', async () => {
  test.setTimeout(120_000);
  const page = await browser.context.newPage();
  await page.goto(lapsingOutlook.url);
  await waitForSidebarText(page, (t) => t.includes(lapsing.accountName));
  const row = (id: string) => page.locator(`[role="option"][data-convid="${outlookConversationId(id)}"]`);
  await row('expansion').click();
  expect(page.url()).toContain(`/mail/inbox/id/${encodeURIComponent(outlookConversationId('expansion'))}`);
  await waitForSidebarText(page, (t) => t.includes(expansion.accountName) && !t.includes(lapsing.accountName));
  for (let i = 0; i < 50; i += 1) {
    await row(i % 2 === 0 ? 'lapsing' : 'expansion').click();
    await page.waitForTimeout(20);
  }
  // The 50th switch opened the expansion story.
  await waitForSidebarText(page, (t) => t.includes(expansion.accountName) && !t.includes(lapsing.accountName));
  expect(await sidebarHostCount(page)).toBe(1);
  await row('lapsing').click();
  await waitForSidebarText(page, (t) => t.includes(lapsing.accountName));
  expect(await sidebarHostCount(page)).toBe(1);
  await page.close();
});

test('a pop-out reading window: the same customer, and the signed-in mailbox remembered from the main window', async () => {
  const page = await browser.context.newPage();
  await page.goto(`https://outlook.office.com/mail/deeplink/readconv/${encodeURIComponent(outlookConversationId('lapsing'))}`);
  expect(await page.locator('#O365_MainLink_Me').count()).toBe(0);
  const text = await waitForSidebarReady(page);
  expect(text).toContain(lapsing.accountName);
  // Sam (the signed-in user, shown by name only) is not a recipient whose address is missing.
  expect(text).not.toContain(data.me.name);
  expect(await page.locator('[role="textbox"][aria-multiline="true"]').count()).toBe(0);
  await page.close();
});

test('the message list shows no customer', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  expect(await waitForSidebarReady(page)).toContain('No conversation is open.');
  await page.close();
});
