// The real files the project ships with or generates: the CDNOW master log (shared data) and the demo
// generator's four CSVs (the shared contract between the demo and the importer).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { NOW, SHARED_DATA } from './fixtures';

const cdnow = resolve(SHARED_DATA, 'cdnow/CDNOW_master.txt');

describe.runIf(existsSync(cdnow))('CDNOW master log', () => {
  it('reads every purchase of the 23,570 customers', async () => {
    const p = await parseImportFile(new Blob([readFileSync(cdnow)]), { fileName: 'CDNOW_master.txt', now: NOW });
    expect(p.format).toBe('cdnow');
    expect(p.rowsRead).toBe(69_659);
    expect(p.rejected).toEqual([]);
    expect(p.batch.orders).toHaveLength(69_659);
    expect(new Set(p.batch.orders.map((o) => o.id)).size).toBe(69_659);
    expect(p.batch.accounts).toHaveLength(23_570);
    expect(p.batch.orders[0]).toMatchObject({ accountId: 'customer:00001', date: '1997-01-01', amount: 11.77, quantity: 1, currency: 'USD' });
  });
});

describe('demo data files', () => {
  it('all four import without rejections or questions', async () => {
    const data = generateDemoData({ today: FIXED_DEMO_DAY });
    const expected: Record<string, string> = {
      'companies.csv': 'hubspot-companies',
      'contacts.csv': 'hubspot-contacts',
      'orders.csv': 'order-log',
      'emails.csv': 'activity-log',
    };
    for (const file of data.files) {
      const p = await parseImportFile(file.text, { fileName: file.name, now: NOW });
      expect(p.format, file.name).toBe(expected[file.name]);
      expect(p.rejected, file.name).toEqual([]);
      expect(p.needsDateOrder, file.name).toBeUndefined();
      expect(p.rowsRead, file.name).toBeGreaterThan(0);
    }
  });
});
