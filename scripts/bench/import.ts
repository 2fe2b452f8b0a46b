// Import speed: the CDNOW master log (69,659 purchases) and a generated 200,000-line invoice log, parsed
// and validated by lib/import; then committed in one transaction by lib/service/importCommit on
// fake-indexeddb (node's stand-in for IndexedDB; a browser's real IndexedDB is faster at bulk puts).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importRecordOf, parseImportFile, type ImportPreview } from '../../lib/import';
import { openKeepAccountDb } from '../../lib/db/schema';
import { commitImport } from '../../lib/service/importCommit';

const NOW = new Date('2026-11-23T12:00:00Z');

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const CDNOW = resolve(import.meta.dirname, '../../../shared/data/cdnow/CDNOW_master.txt');

/** An ERP invoice-lines log like the demo's orders.csv: 200,000 lines, 2,000 customers, 3 lines per invoice. */
export function generatedOrderLog(lines = 200_000): string {
  const out = ['Invoice No,Invoice Date,Customer ID,Customer Name,Customer Domain,Product,SKU,Quantity,Amount,Currency'];
  let seed = 42;
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const products = ['Vanilla extract', 'Cocoa powder', 'Citrus flavouring', 'Caramel colour', 'Mint oil', 'Smoke aroma'];
  for (let i = 0; i < lines; i++) {
    const customer = Math.floor(next() * 2000);
    const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(next() * 1460) * 86_400_000).toISOString().slice(0, 10);
    const product = Math.floor(next() * products.length);
    const quantity = 1 + Math.floor(next() * 100);
    out.push(
      `INV-${Math.floor(i / 3)},${day},C${customer},"Customer ${customer}, Ltd",customer${customer}.example,${products[product]},SKU-${product},${quantity},${(quantity * 12.5).toFixed(2)},EUR`,
    );
  }
  return out.join('\r\n') + '\r\n';
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function commitMs(preview: ImportPreview, name: string): Promise<number> {
  const db = await openKeepAccountDb({ name: `bench-import-${name}-${Date.now()}` });
  try {
    const { ms } = await timed(() =>
      commitImport(db, preview.batch, importRecordOf(preview, name, NOW)),
    );
    return ms;
  } finally {
    db.close();
  }
}

export async function bench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cdnowBytes = readFileSync(CDNOW);
  const first = await timed(() => parseImportFile(new Blob([cdnowBytes]), { fileName: 'CDNOW_master.txt', now: NOW }));
  let best = first.ms;
  for (let i = 0; i < 2; i++) best = Math.min(best, (await timed(() => parseImportFile(new Blob([cdnowBytes]), { fileName: 'CDNOW_master.txt', now: NOW }))).ms);
  figures.push({ name: `CDNOW master log: parse + validate, first run (${first.result.rowsRead} rows)`, value: first.ms, unit: 'ms', target: '≤ 1000 ms' });
  figures.push({ name: 'CDNOW master log: parse + validate, best of 3', value: best, unit: 'ms', target: '≤ 1000 ms' });
  const cdnowCommit = await commitMs(first.result, 'cdnow');
  // fake-indexeddb in node is an order of magnitude slower than a browser's IndexedDB: an upper bound.
  figures.push({ name: 'CDNOW master log: parse + commit (fake-indexeddb, upper bound)', value: first.ms + cdnowCommit, unit: 'ms', target: '≤ 2000 ms in the browser' });

  const log = generatedOrderLog();
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5);
  const big = await timed(() =>
    parseImportFile(new Blob([log]), { fileName: 'orders-200k.csv', now: NOW, onProgress: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)) }),
  );
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  figures.push({ name: `200,000-line order log (${(log.length / 1e6).toFixed(1)} MB): parse + validate`, value: big.ms, unit: 'ms', target: '≤ 6000 ms incl. commit' });
  figures.push({ name: '200,000-line order log: peak heap above baseline during parse', value: (peakHeap - heapBefore) / 2 ** 20, unit: 'MB' });
  const bigCommit = await commitMs(big.result, 'orders-200k');
  figures.push({ name: '200,000-line order log: parse + commit (fake-indexeddb, upper bound)', value: big.ms + bigCommit, unit: 'ms', target: '≤ 6000 ms in the browser' });
  figures.push({ name: '200,000-line order log: rows rejected', value: big.result.rejected.length, unit: 'rows', target: '0' });
  return figures;
}
