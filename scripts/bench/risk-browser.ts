// The lapse-risk engine inside a Web Worker in headless Chromium (the issue asks for node and browser figures):
// the full CDNOW log parsed, summarized, fitted (BG/NBD) and every customer scored; Pareto/NBD on the same data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../tests/support/browser';
import { cdnowDir } from '../../tests/unit/risk/cdnowSample';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

export async function bench() {
  const worker = await build({ entryPoints: [resolve(import.meta.dirname, 'workers/riskWorker.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120' });
  const log = readFileSync(resolve(cdnowDir, 'CDNOW_master.txt'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // Served by Playwright itself: nothing listens on a port and nothing leaves the machine.
    await page.route('http://bench.keep-account.test/**', (route) =>
      route.fulfill(
        route.request().url().endsWith('.js')
          ? { contentType: 'text/javascript', body: worker.outputFiles[0].text }
          : { contentType: 'text/html', body: '<!doctype html><title>risk bench</title>' },
      ),
    );
    await page.goto('http://bench.keep-account.test/');
    const result = await page.evaluate(
      (text) =>
        new Promise<{ runs: number[][]; iterations: number; pareto: number; choice: number; chosen: string }>((done) => {
          const w = new Worker('/risk-worker.js');
          w.onmessage = (event) => done(event.data);
          w.postMessage(text);
        }),
      log,
    );
    const column = (i: number) => median(result.runs.map((r) => r[i]));
    return [
      { name: 'Chromium worker: CDNOW parse + summarize + fit + score, median of 7', value: column(4), unit: 'ms', target: '≤ 150 ms' },
      { name: 'Chromium worker: BG/NBD fit alone', value: column(2), unit: 'ms', target: '≤ 30 ms' },
      { name: 'Chromium worker: BG/NBD iterations', value: result.iterations, unit: '' },
      { name: 'Chromium worker: parse / summarize / score', value: +(column(0) + column(1) + column(3)).toFixed(1), unit: 'ms' },
      { name: 'Chromium worker: Pareto/NBD fit, full CDNOW log', value: result.pareto, unit: 'ms', target: '≤ 300 ms' },
      { name: `Chromium worker: model choice by backtest, 5,000-account B2B book (3 candidates; chose ${result.chosen}), median of 3`, value: +result.choice.toFixed(1), unit: 'ms', target: '≤ 1500 ms' },
    ];
  } finally {
    await browser.close();
  }
}
