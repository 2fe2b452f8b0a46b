// `npm run demo`: builds the extension, seeds it with the bundled demo data through its own options page,
// serves demo Gmail and CRM pages on 127.0.0.1 and opens Chromium on them.
// `npm run demo -- --headless` (or CI=true) writes a screenshot of the sidebar on every demo page instead.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateDemoData } from '../demo';
import { clickInSidebar, launchWithExtension, waitForSidebarReady, waitForSidebarText } from '../tests/support/browser';
import { startFixtureServer } from '../tests/support/server';
import { demoSite } from '../tests/support/demoSite';
import { importThroughOptionsPage, waitForScores } from '../tests/support/seed';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || process.env.CI === 'true' || (!process.env.DISPLAY && !args.includes('--headed'));
const outDir = resolve(root, args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'demo-output');

async function main() {
  if (!args.includes('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
  }
  // The demo is told as of the day it runs (UTC), so its stories read the same on any day.
  const data = generateDemoData({ today: new Date().toISOString().slice(0, 10) });
  mkdirSync(join(outDir, 'data'), { recursive: true });
  for (const file of data.files) writeFileSync(join(outDir, 'data', file.name), file.text);
  console.log(`Demo data (${data.files.map((f) => f.name).join(', ')}) written to ${join(outDir, 'data')}`);

  const site = demoSite(data);
  const server = await startFixtureServer(site.route);
  const browser = await launchWithExtension({ port: server.port, headless });
  try {
    console.log('Importing the demo CSVs through the options page…');
    const options = await importThroughOptionsPage(browser.context, browser.extensionId, data.files);
    await waitForScores(options, browser.extensionId);
    if (headless) {
      mkdirSync(join(outDir, 'screenshots'), { recursive: true });
      const shots: string[] = [];
      const page = await browser.context.newPage();
      for (const [index, demoPage] of site.pages.entries()) {
        await page.goto(demoPage.url);
        await waitForSidebarReady(page);
        await page.waitForTimeout(300);
        const file = join(outDir, 'screenshots', `${String(index + 1).padStart(2, '0')}-${demoPage.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
        await page.screenshot({ path: file });
        shots.push(file);
      }
      // The collapsed tab still flags what matters (collapsed is remembered per site: reopened after the shot).
      for (const [index, demoPage] of [site.pages.find((p) => p.scenario === 'lapsing' && p.url.includes('mail.google.com')), site.pages.find((p) => p.scenario === 'champion-moved' && p.url.includes('hubspot'))].entries()) {
        if (!demoPage) continue;
        await page.goto(demoPage.url);
        await waitForSidebarReady(page);
        await clickInSidebar(page, '[data-ka="collapse"]');
        await waitForSidebarText(page, (t) => !t.includes('Local data only'));
        await page.waitForTimeout(300);
        const file = join(outDir, 'screenshots', `collapsed-${index + 1}-${demoPage.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
        await page.screenshot({ path: file });
        shots.push(file);
        await clickInSidebar(page, '[data-ka="expand"]');
      }
      for (const section of ['risk', 'single-threaded', 'accounts', 'playbooks', 'team', 'data', 'import']) {
        await options.goto(`chrome-extension://${browser.extensionId}/options.html#${section}`);
        await options.waitForTimeout(800);
        const file = join(outDir, 'screenshots', `options-${section}.png`);
        await options.screenshot({ path: file });
        shots.push(file);
      }
      console.log('\nScreenshots:');
      for (const shot of shots) console.log(`  ${shot}`);
    } else {
      for (const demoPage of site.pages) await (await browser.context.newPage()).goto(demoPage.url);
      console.log('\nChromium is open with Keep Account on the demo pages:');
      for (const demoPage of site.pages) console.log(`  ${demoPage.label}: ${demoPage.url}`);
      console.log('Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        process.on('SIGINT', () => resolve());
        browser.context.on('close', () => resolve());
      });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
