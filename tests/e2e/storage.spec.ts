import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { generateDemoData } from '../../demo';
import { browserDemoDay } from '../support/demoDay';
import { demoSite } from '../support/demoSite';
import { extensionCopy, launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { importThroughOptionsPage, waitForScores } from '../support/seed';
import { databaseSnapshot } from '../support/faults';
import { storageFullText } from '../../lib/words/storage';

// Storage pressure (issue #18): an import the browser has no room for is refused as a whole, with a clear message.

const data = generateDemoData({ today: await browserDemoDay() });

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer(demoSite(data).route);
});
test.afterAll(async () => {
  await server?.close();
});

const tooBig = () => {
  const lines = ['Invoice No,Invoice Date,Customer ID,Customer Name,Customer Domain,Product,SKU,Quantity,Amount,Currency'];
  for (let n = 0; n < 60_000; n++) lines.push(`INV-Q${n},${data.today},Q${n % 9000},"Quota ${n % 9000}, SA",quota${n % 9000}.example,Smoke aroma,SKU-5,${1 + (n % 9)},${(12.5 * (1 + (n % 9))).toFixed(2)},EUR`);
  return { name: 'too-big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') };
};

test('an import that hits the storage quota fails with a clear message and leaves the database exactly as before', async () => {
  test.setTimeout(300_000);
  // Chromium does not apply CDP Storage.overrideQuotaForOrigin to an origin that the `unlimitedStorage` permission
  // makes unlimited (Chromium 150: a write far over the override commits). This one test therefore loads a copy of
  // the built extension whose manifest lacks that permission — the same code, key and id — so that the origin has an
  // ordinary quota, which the override sets
  // (https://chromedevtools.github.io/devtools-protocol/tot/Storage/#method-overrideQuotaForOrigin).
  const dir = extensionCopy((m) => ({ ...m, permissions: (m.permissions as string[]).filter((p) => p !== 'unlimitedStorage') }));
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension({ port: server.port, extensionDir: dir });
    const page = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
    await waitForScores(page, browser.extensionId);
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#import`);
    const cdp = await browser.context.newCDPSession(page);
    const origin = `chrome-extension://${browser.extensionId}`;
    const before = await databaseSnapshot(page);
    // Storage.getUsageAndQuota gives the real figures (navigator.storage.estimate() reports usage + 10 GiB in Chromium 150).
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
    const quota = usage + 256 * 1024;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quota });
    const overridden = Date.now();
    const file = tooBig();
    try {
      await page.getByTestId('import-input').setInputFiles(file);
      const job = page.getByTestId('import-job').first();
      await job.getByTestId('import-commit').waitFor({ timeout: 60_000 });
      // IndexedDB keeps the space the quota manager last granted a bucket for up to 30 s (kBucketSpaceCacheTimeLimit in
      // Chromium's content/browser/indexed_db/instance/bucket_context.h): the new quota binds once that has run out.
      await page.waitForTimeout(Math.max(0, overridden + 31_000 - Date.now()));
      const started = Date.now();
      await job.getByTestId('import-commit').click();
      await job.locator('xpath=self::*[@data-stage="failed" or @data-stage="done"]').waitFor({ timeout: 90_000 });
      const failedAfter = Date.now() - started;
      const stage = await job.getAttribute('data-stage');
      const message = stage === 'failed' ? await job.getByRole('alert').textContent() : `imported (${stage})`;
      const after = await databaseSnapshot(page);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      console.log(
        `[reliability] storage pressure: quota ${(quota / 1e6).toFixed(2)} MB (usage ${(usage / 1e6).toFixed(2)} MB), a ${(file.buffer.length / 1e6).toFixed(1)} MB 60,000-line import ` +
          `refused after ${failedAfter} ms → "${message}"; stores changed: ${changed.length}`,
      );
      expect(stage).toBe('failed');
      expect(message).toBe(storageFullText('import'));
      expect(after).toEqual(before);
      await page.screenshot({ path: 'test-results/storage-full.png' });
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
    }
    // With the space back, the same file imports (nothing was left half-done in the way).
    await page.reload();
    await page.getByTestId('import-input').setInputFiles(file);
    const job = page.getByTestId('import-job').first();
    await page.waitForTimeout(Math.max(0, overridden + 62_000 - Date.now()));
    await job.getByTestId('import-commit').click({ timeout: 60_000 });
    await job.getByTestId('import-done').waitFor({ timeout: 90_000 });
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
