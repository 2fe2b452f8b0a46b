// Import speed in the browser: headless Chromium with the built extension, files chosen through the real options
// page (file input → Web Worker parse → preview → "Import" → one IndexedDB transaction). Measured in the page:
// parse (input change → preview shown), commit (writing → done), the longest main-thread task during both
// (PerformanceObserver 'longtask', https://developer.mozilla.org/en-US/docs/Web/API/PerformanceLongTaskTiming)
// and the peak JS heap of the page (performance.memory, precise with --enable-precise-memory-info:
// https://developer.mozilla.org/en-US/docs/Web/API/Performance/memory).
// Needs a build in KA_OUT_DIR (default .output); builds one if it is missing.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension } from '../../tests/support/browser';
import { generatedOrderLog } from './import';
import { ORDER_BUCKETS } from '../../lib/db/orders';

const ROOT = resolve(import.meta.dirname, '../..');
const CDNOW = resolve(ROOT, '../shared/data/cdnow/CDNOW_master.txt');

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

interface Run {
  rows: number;
  parseMs: number;
  commitMs: number;
  longTasks: number[];
  peakHeapMb: number;
  baseHeapMb: number;
}

// Plain text, not a function: tsx (esbuild keepNames) would wrap named arrows in a `__name` helper the page lacks.
const PROBE = `(() => {
  const probe = { changeAt: 0, stages: [], longTasks: [], heap: [] };
  window.__probe = probe;
  const memory = () => performance.memory ? performance.memory.usedJSHeapSize : 0;
  probe.heap.push(memory());
  document.addEventListener('change', () => (probe.changeAt = performance.now()), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: false });
  new MutationObserver(() => {
    const stage = document.querySelector('[data-testid="import-job"]')?.getAttribute('data-stage');
    if (stage && probe.stages.at(-1)?.stage !== stage) probe.stages.push({ stage, at: performance.now() });
    probe.heap.push(memory());
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
  setInterval(() => probe.heap.push(memory()), 10);
})()`;

/**
 * The floor on this machine: 70,000 order-shaped records put in one transaction with nothing else around them,
 * once one record per order (the pre-v3 layout: key path 'id' and an accountId index) and once grouped into the
 * ORDER_BUCKETS buckets of lib/db/orders.ts (one put per bucket; grouped by a plain modulo here, the cost is the same).
 */
const RAW_PUTS = (bucketed: boolean) => `(async () => {
  const name = 'bench-floor-' + Date.now();
  const db = await new Promise((ok, fail) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('orders', { keyPath: 'id' }).createIndex('accountId', 'accountId');
      open.result.createObjectStore('orderBuckets', { keyPath: 'id' });
    };
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const started = performance.now();
  const order = (i) => ({ id: 'cdnow:' + i, accountId: 'cdnow:' + (i % 23570), date: '1997-01-01', amount: 12.5, currency: 'USD', quantity: 2 });
  const tx = db.transaction(['orders', 'orderBuckets'], 'readwrite');
  if (${bucketed}) {
    const buckets = Array.from({ length: ${ORDER_BUCKETS} }, (_, n) => ({ id: 'b:' + n, orders: [] }));
    for (let i = 0; i < 70000; i++) buckets[(i % 23570) % ${ORDER_BUCKETS}].orders.push(order(i));
    for (const bucket of buckets) tx.objectStore('orderBuckets').put(bucket);
  } else {
    const orders = tx.objectStore('orders');
    for (let i = 0; i < 70000; i++) orders.put(order(i));
  }
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onabort = () => fail(tx.error); });
  const ms = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(name);
  return ms;
})()`;

/** Installs the probes in the options page: stage timestamps, long tasks, heap samples. */
async function instrument(page: Page) {
  await page.evaluate(PROBE);
}

async function importOne(page: Page, path: string): Promise<Run> {
  await instrument(page);
  await page.getByTestId('import-input').setInputFiles(path);
  const job = page.getByTestId('import-job').first();
  const commit = job.getByTestId('import-commit');
  await commit.waitFor({ state: 'visible', timeout: 120_000 });
  const rows = Number(((await commit.textContent()) ?? '').replace(/\D/g, ''));
  await commit.click();
  await job.getByTestId('import-done').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(200); // the last long task entries and heap samples
  const probe = await page.evaluate(() => (window as unknown as { __probe: { changeAt: number; stages: { stage: string; at: number }[]; longTasks: { start: number; duration: number }[]; heap: number[] } }).__probe);
  const at = (stage: string) => probe.stages.find((s) => s.stage === stage)?.at ?? NaN;
  const previewAt = at('preview');
  const writingAt = at('writing');
  const doneAt = at('done');
  return {
    rows,
    parseMs: previewAt - probe.changeAt,
    commitMs: doneAt - writingAt,
    longTasks: probe.longTasks.filter((t) => t.start + t.duration >= probe.changeAt && t.start <= doneAt).map((t) => t.duration),
    peakHeapMb: Math.max(...probe.heap) / 2 ** 20,
    baseHeapMb: probe.heap[0] / 2 ** 20,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function figuresOf(label: string, run: Run, totalTarget: string): Figure[] {
  return [
    { name: `${label}: total (parse + validate + commit, ${run.rows} rows)`, value: round(run.parseMs + run.commitMs), unit: 'ms', target: totalTarget },
    { name: `${label}: parse + validate (worker)`, value: round(run.parseMs), unit: 'ms' },
    { name: `${label}: commit (one transaction)`, value: round(run.commitMs), unit: 'ms' },
    { name: `${label}: main-thread long tasks (> 50 ms)`, value: run.longTasks.length, unit: 'tasks' },
    { name: `${label}: longest main-thread task`, value: round(Math.max(0, ...run.longTasks)), unit: 'ms', target: '≤ 100 ms' },
    { name: `${label}: peak page JS heap`, value: round(run.peakHeapMb), unit: 'MB' },
  ];
}

export async function bench(): Promise<Figure[]> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'keep-account-bench-'));
  const bigPath = join(dir, 'orders-200k.csv');
  writeFileSync(bigPath, generatedOrderLog(200_000));
  const figures: Figure[] = [];
  const browser = await launchWithExtension({ port: 9, extraArgs: ['--enable-precise-memory-info'] });
  try {
    const url = `chrome-extension://${browser.extensionId}/options.html#import`;
    const cdnowPage = await browser.context.newPage();
    await cdnowPage.goto(url);
    figures.push(...figuresOf('browser: CDNOW master log', await importOne(cdnowPage, CDNOW), '≤ 2000 ms'));
    figures.push({ name: 'browser: IndexedDB floor, 70,000 orders as 70,000 bare puts in one transaction (pre-v3 layout)', value: round(Number(await cdnowPage.evaluate(RAW_PUTS(false)))), unit: 'ms' });
    figures.push({ name: `browser: IndexedDB floor, 70,000 orders as ${ORDER_BUCKETS} bucket puts in one transaction (v3 layout)`, value: round(Number(await cdnowPage.evaluate(RAW_PUTS(true)))), unit: 'ms' });
    await cdnowPage.close();
    const bigPage = await browser.context.newPage();
    await bigPage.goto(url);
    figures.push(...figuresOf('browser: 200,000-line order log', await importOne(bigPage, bigPath), '≤ 6000 ms'));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
