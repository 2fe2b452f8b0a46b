import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

/**
 * Imports CSV files the way a user does: the options page's file picker, the preview, then "Import".
 * Returns the options page (left open).
 */
export async function importThroughOptionsPage(context: BrowserContext, extensionId: string, files: { name: string; text: string }[]): Promise<Page> {
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-import-'));
  const paths = files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return path;
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#import`);
  for (const path of paths) {
    await page.getByTestId('import-input').setInputFiles(path);
    const job = page.getByTestId('import-job').first();
    const commit = job.getByTestId('import-commit');
    await commit.waitFor({ state: 'visible', timeout: 60_000 });
    await commit.click();
    await job.getByTestId('import-done').waitFor({ timeout: 60_000 });
  }
  return page;
}

/** Waits until the background has scored the imported data (the Customers at risk table is filled). */
export async function waitForScores(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#risk`);
  await page.getByTestId('risk-table').waitFor({ timeout: 60_000 });
}
