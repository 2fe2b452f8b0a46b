import { expect, test, type Page, type Worker } from '@playwright/test';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { demoSite } from '../support/demoSite';
import { launchWithExtension } from '../support/browser';
import { startFixtureServer } from '../support/server';
import { importThroughOptionsPage } from '../support/seed';
import { databaseSnapshot } from '../support/faults';
import { CURRENT, dailyOrderLog, dayAfter, dayRow, NO_ORPHANS, otherGrowth, profileOf, type Profile } from '../support/longRun';

// A long-running profile in Chromium (issue #18): the built extension through 30 simulated days of nightly rescoring
// alarms and daily imports through the options page. The background takes "today" from now() (components/clock.ts:
// `new Date()`) when the alarm fires and when an import's `dataChanged` arrives; the test moves the clock of the
// service worker and of the options page by replacing their global Date (only a no-argument `new Date()` and Date.now() see the simulated time),
// and fires the background's own alarms.onAlarm listener with the event's `dispatch` (Chromium's extension bindings:
// extensions/renderer/bindings/event_emitter.cc), as Chrome fires it once a day. The same run on fake-indexeddb:
// tests/unit/service/longRun.test.ts.

const day0 = await browserDemoDay();
const data = generateDemoData({ today: day0 });
const DAYS = 30;

/** In the service worker: the clock reads `iso` from now on (and runs on from there). */
function setClock([iso]: [string]) {
  const g = globalThis as unknown as { Date: DateConstructor; __realDate?: DateConstructor };
  const Real = (g.__realDate ??= g.Date);
  const offset = Real.parse(iso) - Real.now();
  class SimulatedDate extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [string]));
    }
    static override now() {
      return Real.now() + offset;
    }
  }
  g.Date = SimulatedDate as unknown as DateConstructor;
}

/** In the service worker: fires the daily alarm as Chrome does, and waits for its rescore to be stored. */
function fireDailyAlarm([iso]: [string]) {
  const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
  const event = api.alarms.onAlarm as unknown as { dispatch(alarm: unknown): void };
  event.dispatch({ name: 'rescore-daily', scheduledTime: Date.parse(iso), periodInMinutes: 24 * 60 });
}

const snapshotRows = async (page: Page) => Object.fromEntries(Object.entries(await databaseSnapshot(page)).map(([k, v]) => [k, JSON.parse(v) as Record<string, unknown>[]]));

test('30 simulated days of nightly rescoring alarms and daily imports in Chromium: storage grows only with data, nothing orphaned, scores always current', async () => {
  test.setTimeout(600_000);
  const server = await startFixtureServer(demoSite(data).route);
  const browser = await launchWithExtension({ port: server.port });
  const worker = async (): Promise<Worker> => browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const clock = async (iso: string) => (await worker()).evaluate(setClock, [iso] as [string]);
  try {
    const log = dailyOrderLog(day0, DAYS);
    const options = await importThroughOptionsPage(browser.context, browser.extensionId, [...data.files, log.history]);
    const cdp = await browser.context.newCDPSession(options);
    const usage = async () => ((await cdp.send('Storage.getUsageAndQuota', { origin: `chrome-extension://${browser.extensionId}` })) as { usage: number }).usage;
    // The alarm the background created, as Chrome holds it.
    const alarm = await (await worker()).evaluate(() => (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.alarms.get('rescore-daily'));
    expect(alarm?.periodInMinutes).toBe(24 * 60);

    let last: Profile = profileOf(await snapshotRows(options), day0);
    const start = last;
    const usageStart = await usage();
    const rows: string[] = [];
    let restarts = 0;
    const firstWorker = await worker();
    for (let d = 1; d <= DAYS; d++) {
      const today = dayAfter(day0, d);
      // 03:00: the nightly alarm rescores; nothing else changes.
      const night = `${today}T03:00:00.000Z`;
      await clock(night);
      await (await worker()).evaluate(fireDailyAlarm, [night] as [string]);
      await expect.poll(async () => JSON.parse((await databaseSnapshot(options, ['meta'])).meta).find((m: { key: string }) => m.key === 'scoredAt')?.value?.slice(0, 13), { timeout: 60_000 }).toBe(`${today}T03`);
      const afterAlarm = profileOf(await snapshotRows(options), today);
      expect(afterAlarm.data).toBe(last.data);
      expect(afterAlarm.current).toEqual(CURRENT);
      // 09:00: the day's export imported through the options page; the background links and rescores it.
      await clock(`${today}T09:00:00.000Z`);
      const file = log.day(d);
      await options.goto(`chrome-extension://${browser.extensionId}/options.html#import`);
      await options.reload();
      // The options page reads the clock too (the as-of date may not lie in the future): the same simulated day.
      await options.evaluate(setClock, [`${today}T09:00:00.000Z`] as [string]);
      await options.getByTestId('import-input').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
      const job = options.getByTestId('import-job').first();
      await job.getByTestId('import-commit').click({ timeout: 60_000 });
      await job.getByTestId('import-done').waitFor({ timeout: 60_000 });
      const now = profileOf(await snapshotRows(options), today);
      expect(now.orphans).toEqual(NO_ORPHANS);
      expect(now.current).toEqual(CURRENT);
      expect(now.meta).toEqual(start.meta);
      const newOrders = now.orders - last.orders;
      if (log.repeat(d)) expect(newOrders).toBe(0);
      if (newOrders === 0) expect(now.bytes.orderBuckets).toBe(last.bytes.orderBuckets);
      expect(otherGrowth(now, last)).toBe(0);
      if (d % 10 === 0 || d === 1) rows.push(dayRow(d, file.text.split('\n').length - 2, now));
      if ((await worker()) !== firstWorker) restarts++;
      last = now;
    }
    const usageEnd = await usage();
    console.log(
      `[reliability] long-running profile in Chromium: ${DAYS} simulated days, ${DAYS} nightly alarms (the background's own listener) and ${DAYS} imports through the options page (every 7th a repeat); service worker restarts seen: ${restarts}\n` +
        `  day  0: ${start.orders} orders, ${start.accounts} accounts, data ${(start.data / 1e6).toFixed(2)} MB, scores+meta ${(start.derived / 1e6).toFixed(2)} MB\n  ${rows.join('\n  ')}\n` +
        `  repeat imports and alarms added 0 B of data; scores+meta ${(start.derived / 1e6).toFixed(3)} → ${(last.derived / 1e6).toFixed(3)} MB (accounts ${start.accounts} → ${last.accounts}); orphaned buckets/records: 0; scores current after every step; ` +
        `origin usage on disk (IndexedDB's own files) ${(usageStart / 1e6).toFixed(1)} → ${(usageEnd / 1e6).toFixed(1)} MB`,
    );
    expect(last.derived / last.accounts).toBeLessThan((start.derived / start.accounts) * 1.2);
    await cdp.detach();
  } finally {
    await browser.close();
    await server.close();
  }
});
