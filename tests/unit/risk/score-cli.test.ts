// `npm run score` reads files through lib/import and scores with the extension's own path (commitImport + rescoreAll):
// the same levels and probabilities as the sidebar, every format the options page reads, clear errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { demoDatabase } from '../service/demoDb';
import { scoreFiles } from '../../../scripts/score';

const root = resolve(__dirname, '../../..');
const fixtures = resolve(root, 'tests/fixtures/risk');
const score = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
const csvRows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const tempOut = () => join(mkdtempSync(join(tmpdir(), 'score-')), 'scores.csv');

describe('npm run score', () => {
  it('scores a generic CSV log and writes one row per account, one-order accounts included', () => {
    const out = tempOut();
    const run = score(join(fixtures, 'orders.csv'), '--today', '2025-06-20', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('orders.csv: Order / invoice log, 169 rows, 169 order lines, orders complete to 2025-06-15');
    expect(run.stdout).toMatch(/^model: (BG\/NBD|MBG\/CNBD-k \(k=\d+\)) \(/m);
    const rows = csvRows(out);
    expect(rows).toHaveLength(13);
    expect(Object.keys(rows[0])).toEqual([
      'account_id', 'account_name', 'risk_level', 'p_order_next_90_days', 'p_alive', 'orders', 'last_order', 'as_of',
      'days_since_last_order', 'median_gap_days', 'expected_orders_next_90_days', 'annual_value', 'value_at_risk', 'currency', 'model', 'explanation',
    ]);
    for (const row of rows) {
      expect(Number(row.p_order_next_90_days)).toBeGreaterThanOrEqual(0);
      expect(Number(row.p_order_next_90_days)).toBeLessThanOrEqual(1);
      expect(['low', 'watch', 'high']).toContain(row.risk_level);
      expect(row.as_of).toBe('2025-06-15');
      expect(Number(row.value_at_risk)).toBeLessThanOrEqual(Number(row.annual_value));
    }
    expect(rows.find((row) => row.account_id === 'customer:C013')).toMatchObject({ orders: '1' });
  });

  it('reads a European log (BOM, semicolons, 04.01.2024, 1.974,75) as the options page does', () => {
    const out = tempOut();
    const run = score(join(fixtures, 'orders-eu.csv'), '--today', '2025-05-10', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = csvRows(out);
    expect(rows).toHaveLength(8);
    const c1 = rows.find((r) => r.account_id === 'customer:C001')!;
    expect(Number(c1.annual_value)).toBeGreaterThan(10_000); // 1.974,75 is 1974.75, not 1.97
    expect(rows.find((r) => r.account_id === 'customer:C003')!.risk_level).toBe('high'); // stopped in September
  });

  it('takes --map for headers it does not know, and says how when they are missing', () => {
    const file = join(fixtures, 'unknown-headers.csv');
    const refused = score(file, '--today', '2024-04-01');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('unknown-headers.csv: the columns were not recognized (Kto, Tag, Wert). Name them with --map');
    const mapped = score(file, '--today', '2024-04-01', '--map', 'customerId=Kto', '--map', 'date=Tag', '--map', 'amount=Wert');
    expect(mapped.stderr).toBe('');
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toMatch(/^customer:A1,/m);
    const wrongField = score(file, '--map', 'colour=Kto');
    expect(wrongField.status).toBe(1);
    expect(wrongField.stderr).toContain('--map: "colour" is not a field of orders files');
  });

  it('fails with exit code 1 and names the bad row and column', () => {
    const badDate = score(join(fixtures, 'bad-date.csv'), '--today', '2024-06-01');
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain("score: bad-date.csv: 1 row cannot be read (pass --skip-bad-rows to score the rest):\n  row 4, column order_date: '2024-02-31' is not a date");
    expect(score(join(fixtures, 'bad-date.csv'), '--today', '2024-06-01', '--skip-bad-rows').status).toBe(0);
    const badOption = score(join(fixtures, 'orders.csv'), '--date-order', 'ymd');
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toContain('--date-order must be dmy or mdy (got "ymd")');
    expect(score('no-such-file.csv').stderr).toContain('cannot read no-such-file.csv');
  });

  it('gives every demo account the same level and probability as the extension', async () => {
    // In process (the same scoreFiles the command runs): the subprocess path is covered by the tests above.
    const data = generateDemoData({ today: FIXED_DEMO_DAY });
    const run = await scoreFiles({ files: data.files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })), today: FIXED_DEMO_DAY });
    const cli = new Map(run.rows.map((r) => [String(r.account_id), r]));
    const { db } = await demoDatabase('score-cli-vs-extension');
    const extension = await db.getAll('scores');
    expect(cli.size).toBe(extension.length);
    for (const risk of extension) {
      const row = cli.get(risk.accountId);
      expect(row, risk.accountId).toBeDefined();
      expect(row!.risk_level, risk.accountId).toBe(risk.level);
      expect(row!.p_order_next_90_days, risk.accountId).toBe(risk.pActive!.toFixed(4));
      expect(row!.as_of, risk.accountId).toBe(risk.asOf);
    }
    db.close();
  }, 120_000);
});
