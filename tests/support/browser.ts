import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.KA_OUT_DIR ?? '.output', 'chrome-mv3');
/** Pinned by the manifest `key` in wxt.config.ts. */
export const EXTENSION_ID = 'haemgkbjeoldoiiaealfdkodcnagihdf';

/** Hosts the fixture server stands in for (the production content-script matches run on them). */
export const FIXTURE_HOSTS = ['mail.google.com', 'outlook.office.com', 'app.hubspot.com', 'acme.lightning.force.com', 'northwind.pipedrive.com', 'crm.zoho.eu', 'contoso.crm4.dynamics.com'];

/** Debian's Chromium (the `chromium` package), never a browser downloaded by Playwright. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install Debian\'s package (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
}

export interface LaunchOptions {
  port: number;
  headless?: boolean;
  /** Written to a managed-policy file for the extension before launch (see launchWithPolicy). */
  userDataDir?: string;
  extraArgs?: string[];
  /** Resolve EVERY hostname to the fixture server (the no-network test records what would have left). */
  mapAllHosts?: boolean;
  /** Another unpacked build to load instead of EXTENSION_DIR (e.g. extensionCopy's, with one manifest change). */
  extensionDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension, all fixture hosts resolved to the local server, and no network. */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${extensionDir} is missing.`);
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'keep-account-profile-'));
  const rules = options.mapAllHosts
    ? `MAP * 127.0.0.1:${options.port}`
    : FIXTURE_HOSTS.map((host) => `MAP ${host}:443 127.0.0.1:${options.port}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      ...(options.extraArgs ?? []),
    ],
  });
  // Nothing may reach the network: every request to a host that is not a fixture is aborted (and recorded by tests).
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'https:' && FIXTURE_HOSTS.includes(url.hostname)) return route.continue();
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    return route.abort('blockedbyclient');
  });
  let serviceWorker = context.serviceWorkers()[0];
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the built extension in a temporary folder with its manifest changed by `change` and nothing else (the
 * same code, the same key and so the same id). For the rare test that needs Chromium to treat the extension
 * differently; the caller says why. Remove the folder when done.
 */
export function extensionCopy(change: (manifest: Record<string, unknown>) => Record<string, unknown>): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first (npm run build): ${EXTENSION_DIR} is missing.`);
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(change(manifest), null, 2));
  return dir;
}

/**
 * Handle to the sidebar's closed shadow root, reached through the DevTools protocol (DOM.getDocument with
 * pierce) — the production build stays closed; only the test looks inside.
 */
export async function sidebarRoot(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type Node = { localName?: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[] };
    const hosts: Node[] = [];
    const walk = (node: Node) => {
      if (node.localName === 'keep-account-sidebar') hosts.push(node);
      node.children?.forEach(walk);
      node.shadowRoots?.forEach(walk);
    };
    walk(root as Node);
    if (hosts.length !== 1) throw new Error(`expected one sidebar host, found ${hosts.length}`);
    const shadow = hosts[0].shadowRoots?.[0];
    if (!shadow) throw new Error('sidebar host has no shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { window.__keepAccountTestRoot = this; }' });
  } finally {
    await cdp.detach();
  }
  return page.evaluateHandle(() => (window as unknown as { __keepAccountTestRoot: ShadowRoot }).__keepAccountTestRoot);
}

/** Count of sidebar hosts in the page (closed roots are still hosts in the light DOM). */
export const sidebarHostCount = (page: Page) => page.evaluate(() => document.querySelectorAll('keep-account-sidebar').length);

/** Text of the sidebar (inside its closed shadow root). */
export async function sidebarText(page: Page): Promise<string> {
  const root = await sidebarRoot(page);
  return root.evaluate((r) =>
    Array.from((r as ShadowRoot).children)
      .filter((child) => child.tagName !== 'STYLE')
      .map((child) => child.textContent ?? '')
      .join(''),
  );
}

/** Waits until the sidebar shows an answer (not the loading skeleton) and returns its text. */
export async function waitForSidebarReady(page: Page, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    try {
      const root = await sidebarRoot(page);
      const ready = await root.evaluate((r) => {
        const body = (r as ShadowRoot).querySelector('[data-ka="body"]');
        const collapsed = (r as ShadowRoot).querySelector('[data-ka="expand"]');
        return collapsed !== null || (body !== null && body.querySelector('[aria-busy="true"]') === null && body.childElementCount > 0);
      });
      if (ready) return sidebarText(page);
    } catch {
      // not mounted yet
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the sidebar never finished loading; text: ${(await sidebarText(page).catch(String)).slice(0, 300)}`);
}

/** A real mouse click on an element inside the sidebar. */
export async function clickInSidebar(page: Page, selector: string, index = 0): Promise<void> {
  const root = await sidebarRoot(page);
  const element = await root.evaluateHandle((r, [sel, i]) => (r as ShadowRoot).querySelectorAll(sel as string)[i as number] ?? null, [selector, index] as const);
  const box = await element.asElement()?.boundingBox();
  if (!box) throw new Error(`nothing to click in the sidebar for ${selector}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Waits until the sidebar's text satisfies a predicate (polling the closed root). */
export async function waitForSidebarText(page: Page, predicate: (text: string) => boolean, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = await sidebarText(page);
      if (predicate(last)) return last;
    } catch (error) {
      last = String(error);
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`sidebar text never matched; last: ${last.slice(0, 500)}`);
}

