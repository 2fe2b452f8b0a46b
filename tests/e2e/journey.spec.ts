import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { clickInSidebar, launchWithExtension, sidebarRoot, waitForSidebarReady, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { demoSite } from '../support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../support/seed';
import { removeExtensionPolicy, writeExtensionPolicy } from '../support/policy';

// The product's journey (issue 8): import the demo CSVs in the options page → open a lapsing account's email → the
// sidebar shows the account, its lapse risk with reasons, the missing decision-makers and an expansion gap → insert
// the top question into the reply at the caret → the reply contains it, undo works → the question history shows it →
// a manager disables that playbook by enterprise policy and the question no longer appears; the team's policy turns
// remembering conversations off and nothing more is recorded.

const data = generateDemoData({ today: await browserDemoDay() });
const site = demoSite(data);
const lapsing = data.scenarios.find((s) => s.id === 'lapsing')!;
const lapsingGmail = site.pages.find((p) => p.scenario === 'lapsing' && p.url.includes('mail.google.com'))!;

let server: FixtureServer;
let profile: string;
let browser: ExtensionBrowser | undefined;

test.beforeAll(async () => {
  removeExtensionPolicy();
  server = await startFixtureServer(site.route);
  profile = mkdtempSync(join(tmpdir(), 'keep-account-journey-'));
});

test.afterAll(async () => {
  removeExtensionPolicy();
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

test('import → sidebar insight → insert the top question → history → team policy removes it', async () => {
  test.setTimeout(180_000);
  browser = await launchWithExtension({ port: server.port, userDataDir: profile });
  const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
  await waitForScores(options, browser.extensionId);

  const gmail = await browser.context.newPage();
  await gmail.goto(lapsingGmail.url);
  const text = await waitForSidebarReady(gmail);
  expect(text).toContain(lapsing.accountName);
  // Lapse risk with its reason, the missing decision-makers and an expansion gap.
  expect(text).toMatch(/lapse risk/i);
  expect(text).toContain('usually orders every 24 days');
  expect(text).toMatch(/nothing for 77 days/);
  expect(text).toMatch(/People\s*\d+ missing/);
  expect(text).toMatch(/economic buyer/);
  expect(text).toMatch(/Opportunities\s*\d/);

  // The rep has started a reply; the caret sits at the end of the first line.
  const body = gmail.locator('[g_editable="true"][contenteditable="true"]').first();
  await body.click();
  await gmail.keyboard.type('Hello Emma,');
  await gmail.keyboard.press('Enter');
  await gmail.keyboard.type('Best, Sam');
  await gmail.keyboard.press('ArrowUp');
  await gmail.keyboard.press('End');
  await gmail.keyboard.type(' ');

  const root = await sidebarRoot(gmail);
  const topQuestion = await root.evaluate((r) => (r as ShadowRoot).querySelector('[data-ka="questions"] .text')?.textContent ?? '');
  expect(topQuestion.length).toBeGreaterThan(10);
  // Its playbook, read before inserting (afterwards the list moves on to the next question).
  const playbookName = (await root.evaluate((r) => (r as ShadowRoot).querySelector('[data-ka="questions"] .tag')?.textContent ?? '')).replace(/ · set by your team$/, '');
  expect(playbookName.length).toBeGreaterThan(3);
  await clickInSidebar(gmail, '[data-ka="use-question"]');
  await expect.poll(() => body.innerText()).toContain(topQuestion);
  const written = await body.innerText();
  // Inserted at the caret, without disturbing what the rep wrote.
  expect(written.indexOf('Hello Emma,')).toBeLessThan(written.indexOf(topQuestion));
  expect(written.indexOf(topQuestion)).toBeLessThan(written.indexOf('Best, Sam'));
  // The editor's own undo takes it back out.
  await body.focus();
  await gmail.keyboard.press('Control+z');
  await expect.poll(() => body.innerText()).not.toContain(topQuestion);
  expect(await body.innerText()).toContain('Best, Sam');

  // Recorded locally: the sidebar lists it under "Questions asked" and stops suggesting it for 30 days.
  const afterInsert = await waitForSidebarText(gmail, (t) => t.includes('Questions asked'));
  expect(afterInsert).toContain(topQuestion);
  const history = await options.evaluate(
    () =>
      new Promise<{ playbookId: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('keep-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('questionHistory').objectStore('questionHistory').getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  expect(history).toHaveLength(1);
  expect(history[0].text).toBe(topQuestion);

  // The open conversation was remembered (issue 16): who wrote to whom and when, on this computer.
  const rememberedBefore = await countTouches(options);
  expect(rememberedBefore).toBeGreaterThan(0);

  // A manager disables that playbook for the team through enterprise policy, locks two others and turns remembering
  // conversations off for the team.
  await browser.close();
  browser = undefined;
  writeExtensionPolicy({
    disabledPlaybooks: [history[0].playbookId],
    lockedPlaybooks: ['competitive-defense', 'reach-decision-makers'].filter((id) => id !== history[0].playbookId),
    capture: 'off',
  });
  browser = await launchWithExtension({ port: server.port, userDataDir: profile });
  const again = await browser.context.newPage();
  await again.goto(lapsingGmail.url);
  const withPolicy = await waitForSidebarReady(again);
  const questionsText = await (await sidebarRoot(again)).evaluate((r) => (r as ShadowRoot).querySelector('[data-ka="questions"]')?.textContent ?? '');
  expect(withPolicy).toContain(lapsing.accountName);
  expect(questionsText.length).toBeGreaterThan(0);
  expect(questionsText).not.toContain(playbookName);
  expect(questionsText).not.toContain(topQuestion);
  // The options page says who decided.
  const playbooks = await browser.context.newPage();
  await playbooks.goto(`chrome-extension://${browser.extensionId}/options.html#playbooks`);
  await expect(playbooks.locator(`[data-playbook="${history[0].playbookId}"]`)).toContainText('turned off by your team');
  await expect(playbooks.locator(`[data-playbook="${history[0].playbookId}"] input[type="checkbox"]`).first()).toBeDisabled();
  await expect(playbooks.getByText('set by your team').first()).toBeVisible();

  // With capture off by policy, opening another customer's conversation remembers nothing, and the sidebar says who decided.
  const other = site.pages.find((p) => p.scenario !== 'lapsing' && p.url.includes('mail.google.com'))!;
  const otherPage = await browser.context.newPage();
  await otherPage.goto(other.url);
  const otherText = await waitForSidebarText(otherPage, (t) => t.includes('Remembering conversations is off — set by your team.'), 20_000);
  expect(otherText).not.toContain('on this computer only, never the message text');
  // The content script would have asked to remember the conversation by now (it does with its first getSidebarState); the store is unchanged.
  await otherPage.waitForTimeout(1_000);
  expect(await countTouches(playbooks)).toBe(rememberedBefore);
});

/** Remembered messages in the extension's database, read from one of its pages. */
function countTouches(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keep-account');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('touchBuckets').objectStore('touchBuckets').index('ids').count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
