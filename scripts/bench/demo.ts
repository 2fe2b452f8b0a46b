// Benchmark for the demo data generator (lib/demo): time to generate, and the size of what the options page imports.

import { generateDemoData } from '../../demo';

const TODAY = '2026-11-23'; // a fixed day: the figure must not depend on the date the bench runs

export async function bench(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  generateDemoData({ today: TODAY }); // warm-up: module loading and JIT
  const runs = 5;
  const times: number[] = [];
  let data = generateDemoData({ today: TODAY });
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    data = generateDemoData({ today: TODAY, seed: 1000 + i });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const rows = (name: string): number => data.files.find((file) => file.name === name)!.text.split('\r\n').length - 1;
  const bytes = data.files.reduce((sum, file) => sum + file.text.length, 0);
  return [
    { name: 'demo: generateDemoData median', value: Math.round(times[Math.floor(runs / 2)] * 10) / 10, unit: 'ms', target: '≤ 500 ms' },
    { name: 'demo: order lines', value: rows('orders.csv'), unit: 'rows', target: '≤ 8,000' },
    { name: 'demo: activity rows', value: rows('emails.csv'), unit: 'rows', target: '≤ 4,000' },
    { name: 'demo: companies', value: rows('companies.csv'), unit: 'rows', target: '~65' },
    { name: 'demo: contacts', value: rows('contacts.csv'), unit: 'rows' },
    { name: 'demo: total CSV size', value: Math.round(bytes / 1024), unit: 'KiB' },
  ];
}
