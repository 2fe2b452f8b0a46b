import { expect, test, type Page } from '@playwright/test';
import { launchWithExtension, sidebarText, waitForSidebarText, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { watchWorkerErrors, workerErrors } from '../support/faults';
import { gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';

// The keyboard shortcut (issue #18): Alt+Shift+K is a Chrome command; Chrome hands it to the background's
// commands.onCommand listener with the tab it was pressed in, the background sends that tab `toggleSidebar`, and the
// content script toggles its sidebar.
//
// What this proves and what it cannot: CDP cannot press a browser accelerator (Input.dispatchKeyEvent goes to the
// page: a synthetic Alt+Shift+K leaves the sidebar as it was in headless Chromium 150, checked below), so the test
// starts at the command: it asks Chrome which shortcut the command has (commands.getAll: assigned, not left unbound by
// a conflict), then fires the background's own onCommand event from the worker's context with the event's `dispatch`
// (Chromium's extension bindings expose it on every event object: EventEmitter in
// extensions/renderer/bindings/event_emitter.cc), which runs the listener the background registered, with the
// arguments Chrome passes (the command's name and the tab). Chrome's own key → command step is not covered.

const me = { email: 'sam.rivera@keepaccount-demo.example', name: 'Sam Rivera' };
const buyer = { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez' };
const page = () => gmailThreadHtml({ me, subject: 'Delivery for week 48', messages: [{ from: buyer, to: [me], date: 'Nov 20, 2026, 9:14 AM', body: 'Hi Sam, can you confirm the next delivery date?' }], replyOpen: true });

let server: FixtureServer;
let browser: ExtensionBrowser;
test.beforeAll(async () => {
  server = await startFixtureServer((r) => (r.host === 'mail.google.com' ? { body: page() } : undefined));
  browser = await launchWithExtension({ port: server.port });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const OPEN = 'Local data only';
const isOpen = async (p: Page) => (await sidebarText(p)).includes(OPEN);

/** In the service worker: fires commands.onCommand as Chrome does for a shortcut pressed in the tab at `url`. */
function pressCommand(name: string, url: string | undefined) {
  return browser.serviceWorker.evaluate(
    async ([name, url]) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const tab = url ? (await api.tabs.query({})).find((t) => t.url === url) : undefined;
      const event = api.commands.onCommand as unknown as { dispatch(command: string, tab?: unknown): void; hasListeners(): boolean };
      if (!event.hasListeners()) throw new Error('the background registered no onCommand listener');
      event.dispatch(name, tab);
    },
    [name, url] as const,
  );
}

test('the keyboard shortcut goes through commands.onCommand to the sidebar of the tab it was pressed in', async () => {
  await watchWorkerErrors(browser.serviceWorker);
  const a = await browser.context.newPage();
  await a.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  const b = await browser.context.newPage();
  await b.goto('https://mail.google.com/mail/u/1/#inbox/thread-b');
  for (const p of [a, b]) await waitForSidebarText(p, (t) => t.includes(OPEN));

  // The command exists with its shortcut assigned (a conflict would leave `shortcut` empty).
  const commands = await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.commands.getAll());
  expect(commands).toEqual([expect.objectContaining({ name: 'toggle-sidebar', shortcut: 'Alt+Shift+K' })]);

  // A synthetic key event reaches the page, not Chrome's accelerators: nothing toggles (the limit stated above).
  await a.bringToFront();
  await a.keyboard.press('Alt+Shift+K');
  await a.waitForTimeout(500);
  const keyToggled = !(await isOpen(a));

  // The command in tab A: A collapses, B stays open; again: A opens.
  const waits: number[] = [];
  for (const expected of [false, true, false, true]) {
    const started = Date.now();
    await pressCommand('toggle-sidebar', a.url());
    await waitForSidebarText(a, (t) => t.includes(OPEN) === expected, 5_000);
    waits.push(Date.now() - started);
    expect(await isOpen(b)).toBe(true);
  }
  // The same in tab B.
  await pressCommand('toggle-sidebar', b.url());
  await waitForSidebarText(b, (t) => !t.includes(OPEN), 5_000);
  expect(await isOpen(a)).toBe(true);
  // Another command name, or a command without a tab (pressed outside any tab), toggles nothing and throws nothing.
  await pressCommand('something-else', a.url());
  await pressCommand('toggle-sidebar', undefined);
  await a.waitForTimeout(500);
  expect(await isOpen(a)).toBe(true);
  expect(await isOpen(b)).toBe(false);
  expect(await workerErrors(browser.serviceWorker)).toEqual([]);

  waits.sort((x, y) => x - y);
  console.log(
    `[reliability] keyboard shortcut: commands.onCommand("toggle-sidebar", tab) → the background → that tab's sidebar toggled 5/5 (the other tab unchanged), ` +
      `command → sidebar changed: median ${waits[2]} ms, max ${waits.at(-1)} ms (polled every 100 ms); other command or no tab: nothing; ` +
      `a synthetic Alt+Shift+K key event ${keyToggled ? 'toggled' : 'did not toggle'} (Chrome's key → command step is not reachable by CDP)`,
  );
  await a.close();
  await b.close();
});
