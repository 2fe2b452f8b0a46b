import { expect, test } from '@playwright/test';
import { browserDemoDay } from '../support/demoDay';
import { demoSite } from '../support/demoSite';
import { launchWithExtension, waitForSidebarText } from '../support/browser';
import { startFixtureServer } from '../support/server';
import { databaseSnapshot, stopServiceWorker } from '../support/faults';
import { storedOrders } from '../support/storedOrders';
import { demoDatabase } from '../unit/service/demoDb';
import { allAccounts } from '../../lib/db/accounts';
import { allOrders } from '../../lib/db/orders';
import { DB_VERSION } from '../../lib/db/schema';
import { normalizeCompanyName } from '../../lib/model/identity';

// An in-browser migration (issue #18): a database as schema version 1 wrote it, filled with the demo book, upgraded by
// the built extension's service worker in Chromium, with every record intact; then the extension works on it.
// (tests/unit/db/migration.test.ts upgrades every past version on fake-indexeddb.)

/** The v1 schema as version 1 shipped it: frozen here, so that a later change to MIGRATIONS cannot move it. */
const V1_STORES: { name: string; keyPath: string; indexes: [string, string, boolean][] }[] = [
  { name: 'accounts', keyPath: 'id', indexes: [['domains', 'domains', true], ['crmKeys', 'crmKeys', true], ['nameKey', 'nameKey', false], ['customerKeys', 'customerKeys', true]] },
  { name: 'contacts', keyPath: 'email', indexes: [['accountId', 'accountId', false], ['crmKeys', 'crmKeys', true], ['nameKey', 'nameKey', false]] },
  { name: 'orders', keyPath: 'id', indexes: [['accountId', 'accountId', false]] },
  { name: 'products', keyPath: 'id', indexes: [] },
  { name: 'activities', keyPath: 'id', indexes: [['accountId', 'accountId', false], ['email', 'email', false]] },
  { name: 'playbooks', keyPath: 'id', indexes: [] },
  { name: 'questionHistory', keyPath: 'id', indexes: [['accountId', 'accountId', false]] },
  { name: 'importHistory', keyPath: 'id', indexes: [] },
];

/** In an extension page: deletes the database and writes it again as version 1 with `records` (store → rows). */
function writeVersion1([stores, records]: [typeof V1_STORES, Record<string, unknown[]>]) {
  const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result as T);
      r.onerror = () => reject(r.error);
      (r as IDBOpenDBRequest).onblocked = () => reject(new Error('blocked: a connection is still open'));
    });
  return (async () => {
    await request(indexedDB.deleteDatabase('keep-account'));
    const open = indexedDB.open('keep-account', 1);
    open.onupgradeneeded = () => {
      for (const s of stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath });
        for (const [name, keyPath, multiEntry] of s.indexes) store.createIndex(name, keyPath, { multiEntry });
      }
    };
    const db = await request<IDBDatabase>(open);
    const tx = db.transaction(Object.keys(records), 'readwrite');
    for (const [store, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(store).put(row);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  })();
}

/** In an extension page: polls the stored version until it is `version` (an open without a version waits for an upgrade). */
function waitForVersion(version: number) {
  return (async () => {
    const started = performance.now();
    for (;;) {
      const now = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keep-account');
        open.onsuccess = () => {
          const v = open.result.version;
          open.result.close();
          resolve(v);
        };
        open.onerror = () => reject(open.error);
      });
      if (now >= version) return Math.round(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
}

test('a database written by schema version 1, filled with the demo book, is upgraded by the extension in Chromium with every record intact', async () => {
  test.setTimeout(180_000);
  const today = await browserDemoDay();
  // The demo book as the extension stores it today (node, fake-indexeddb), written back in version 1's shape: every
  // account in `accounts` (no stub buckets), one record per order line in `orders`, name keys as v1 computed them.
  const { db, data } = await demoDatabase(`v1-demo-${Math.random()}`, today);
  const accounts = (await allAccounts(db)).map((a) => ({ ...a, nameKey: a.name.toLowerCase() }));
  const orders = await allOrders(db);
  const v1: Record<string, unknown[]> = {
    accounts,
    contacts: await db.getAll('contacts'),
    orders,
    products: await db.getAll('products'),
    activities: await db.getAll('activities'),
    playbooks: [{ id: 'mine', name: 'Mine', description: 'kept through the upgrade', enabled: true, questions: [] }],
    questionHistory: [{ id: 'q1', accountId: accounts[0].id, playbookId: 'mine', questionId: 'x', text: 'Who else signs off?', askedAt: `${today}T08:00:00.000Z`, site: 'gmail' }],
    importHistory: await db.getAll('importHistory'),
  };
  db.close();
  const site = demoSite(data);
  const server = await startFixtureServer(site.route);
  const browser = await launchWithExtension({ port: server.port });
  try {
    // A page of the extension's origin that does not open the database itself.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await stopServiceWorker(page);
    await page.evaluate(writeVersion1, [V1_STORES, v1] as [typeof V1_STORES, Record<string, unknown[]>]);
    const written = Object.values(v1).reduce((sum, rows) => sum + rows.length, 0);

    // The rep opens Gmail: the content script wakes the service worker, which opens the database and upgrades it.
    const lapsing = data.scenarios.find((s) => s.id === 'lapsing' && s.gmail)!;
    const gmail = await browser.context.newPage();
    const woken = Date.now();
    await gmail.goto(site.pages.find((p) => p.scenario === 'lapsing' && p.label.startsWith('Gmail'))!.url);
    const upgradeMs = await page.evaluate(waitForVersion, DB_VERSION);
    await waitForSidebarText(gmail, (t) => t.includes(lapsing.accountName), 30_000);
    const sidebarMs = Date.now() - woken;

    const after = await databaseSnapshot(page);
    const read = (store: string) => JSON.parse(after[store]) as unknown[];
    const byKey = (key: string) => (a: unknown, b: unknown) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key]));
    const migratedOrders = await storedOrders(page);
    const version = await page.evaluate(() => new Promise<number>((resolve) => { const o = indexedDB.open('keep-account'); o.onsuccess = () => { resolve(o.result.version); o.result.close(); }; }));
    expect(version).toBe(DB_VERSION);
    // v3: every order line moved into its bucket, the same record; the old store stays, empty.
    expect([...migratedOrders].sort(byKey('id'))).toEqual([...orders].sort(byKey('id')));
    expect(read('orders')).toEqual([]);
    // v5: every account's name key computed again with today's rules; nothing else about it changed.
    expect([...read('accounts')].sort(byKey('id'))).toEqual(accounts.map((a) => ({ ...a, nameKey: normalizeCompanyName(a.name) })).sort(byKey('id')));
    for (const store of ['contacts', 'products', 'activities', 'playbooks', 'questionHistory', 'importHistory']) {
      const key = V1_STORES.find((s) => s.name === store)!.keyPath;
      expect([...read(store)].sort(byKey(key)), store).toEqual([...v1[store]].sort(byKey(key)));
    }
    // The stores later versions added exist (the wake-up may already have written its meta).
    for (const store of ['scores', 'meta', 'orderBuckets', 'accountStubBuckets', 'links', 'touches', 'touchBuckets']) expect(Object.keys(after)).toContain(store);
    expect(read('accountStubBuckets')).toEqual([]);

    // The extension works on the upgraded book: scored on request, the sidebar shows the customer's lapse risk.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#risk`);
    await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'rescore' }));
    await options.reload();
    await options.getByTestId('risk-table').waitFor({ timeout: 60_000 });
    const scores = (JSON.parse((await databaseSnapshot(page, ['scores'])).scores) as unknown[]).length;
    await gmail.reload();
    const text = await waitForSidebarText(gmail, (t) => t.includes(lapsing.accountName) && /chance of an order/i.test(t), 30_000);
    console.log(
      `[reliability] in-browser migration v1 → v${DB_VERSION}: the demo book as v1 stored it (${written} records: ${accounts.length} accounts, ${orders.length} order lines, ` +
        `${v1.contacts.length} contacts, ${v1.activities.length} activities) upgraded by the service worker, done ${upgradeMs} ms after the Gmail page that woke it loaded; every record intact; ` +
        `sidebar on the migrated book after ${sidebarMs} ms; rescored: ${scores} scores`,
    );
    expect(text).toContain(lapsing.accountName);
  } finally {
    await browser.close();
    await server.close();
  }
});
