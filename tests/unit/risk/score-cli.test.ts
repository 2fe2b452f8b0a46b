import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const fixtures = resolve(root, 'tests/fixtures/risk');
const score = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('npm run score', () => {
  it('scores a generic CSV log and writes one row per customer', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'score-')), 'scores.csv');
    const run = score(join(fixtures, 'orders.csv'), '--unit', 'days', '--penalizer', '0.001', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/BG\/NBD: r=\S+ alpha=\S+ a=\S+ b=\S+ log-likelihood=-\d+\.\d+/);
    // The default model choice reports both fits and why one was kept.
    expect(run.stdout).toMatch(/model choice: BG\/NBD log-likelihood=-[\d.]+ BIC=[\d.]+; Pareto\/NBD log-likelihood=-[\d.]+ BIC=[\d.]+ → /);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(13);
    expect(Object.keys(rows[0])).toEqual([
      'customer_id', 'frequency', 'recency', 'T', 'p_alive', 'expected_purchases_next_period',
      'expected_spend', 'value_at_risk', 'risk_level', 'explanation',
    ]);
    for (const row of rows) {
      expect(Number(row.p_alive)).toBeGreaterThanOrEqual(0);
      expect(Number(row.p_alive)).toBeLessThanOrEqual(1);
      expect(['low', 'watch', 'high', 'unknown']).toContain(row.risk_level);
    }
    expect(rows.find((row) => row.customer_id === 'C013')).toMatchObject({ frequency: '0', risk_level: 'unknown' });
  });

  it('scores the CDNOW layout with a calibration period and the Pareto/NBD model', () => {
    const run = score(join(fixtures, 'cdnow-small.txt'), '--model', 'pareto', '--calibration-end', '1997-09-30', '--observation-end', '1998-06-30');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('6 customers, 15 transactions; period ends 1997-09-30; unit weeks');
    expect(run.stdout).toMatch(/Pareto\/NBD: r=\S+ alpha=\S+ s=\S+ beta=\S+ log-likelihood=/);
    expect(run.stdout).toMatch(/^00004,2,30\.4286,38\.8571,/m); // 1997-01-01, -01-18, -08-02 (213 days); -12-12 is after calibration
  });

  it('fails with exit code 1 and names the bad row', () => {
    const badDate = score(join(fixtures, 'bad-date.csv'));
    expect(badDate.status).toBe(1);
    expect(badDate.stderr).toContain('score: line 4: not a calendar date: "2024-02-31"');
    const badCdnow = score(join(fixtures, 'bad-cdnow.txt'));
    expect(badCdnow.status).toBe(1);
    expect(badCdnow.stderr).toContain('line 3: expected 4 fields');
    const badOption = score(join(fixtures, 'orders.csv'), '--model', 'magic');
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toContain('unknown --model "magic"');
  });
});
