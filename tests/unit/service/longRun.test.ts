import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseISO } from 'date-fns';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { CURRENT, dailyOrderLog, dayAfter, dayRow, NO_ORPHANS, otherGrowth, profileOf, type Profile } from '../../support/longRun';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { openKeepAccountDb, ALL_STORES, type Db } from '../../../lib/db/schema';
import { accountKeyIndex } from '../../../lib/db/repo';
import { commitImport } from '../../../lib/service/importCommit';
import { linkAndRescore, rescoreAll } from '../../../lib/service/rescore';

// A long-running profile (issue #18): 30 simulated days of what the background does in the field, on fake-indexeddb
// with the extension's own code, in node: every day an order export is imported as the import worker does it (parse,
// one transaction) and the background links and rescores (the `dataChanged` handler: linkAndRescore(db, now)); every
// 7th day the same file comes again; every night the daily alarm rescores (entrypoints/background.ts:
// rescoreAll(db, now()), "today" taken from now(), here injected). Checked after every step: storage grows only with
// data, no orphaned buckets or records, the scores current. The same run in Chromium: tests/e2e/longrun.spec.ts.

async function importFile(db: Db, file: { name: string; text: string }, now: Date) {
  const preview = await parseImportFile(file.text, { fileName: file.name, accountIndex: await accountKeyIndex(db), now });
  if (preview.rejected.length) throw new Error(`${file.name}: ${preview.rejected[0].reason}`);
  await commitImport(db, preview.batch, importRecordOf(preview, file.name, now));
  return preview.batch.orders.length;
}

async function inspect(db: Db, today: string): Promise<Profile> {
  const stores: Record<string, Record<string, unknown>[]> = {};
  for (const store of ALL_STORES) stores[store] = (await db.getAll(store)) as unknown as Record<string, unknown>[];
  return profileOf(stores, today);
}

describe('a long-running profile', () => {
  it('30 days of daily imports and rescoring alarms: storage grows only with data, nothing orphaned, scores always current', async () => {
    const day0 = FIXED_DEMO_DAY;
    const days = 30;
    const db = await openKeepAccountDb({ name: `long-run-${Math.random()}` });
    // Day 0: the demo book and a 400-customer order log up to day 0.
    for (const file of generateDemoData({ today: day0 }).files) await importFile(db, file, parseISO(`${day0}T09:00:00Z`));
    const log = dailyOrderLog(day0, days);
    await importFile(db, log.history, parseISO(`${day0}T09:05:00Z`));
    await linkAndRescore(db, parseISO(`${day0}T09:06:00Z`));

    let last = await inspect(db, day0);
    const start = last;
    const rows: string[] = [];
    const perOrder: number[] = [];
    let scoringMs = 0;
    for (let d = 1; d <= days; d++) {
      const today = dayAfter(day0, d);
      // The night's alarm first, then the day's import and its rescore.
      const alarm = await rescoreAll(db, parseISO(`${today}T03:00:00Z`));
      scoringMs += alarm.ms;
      const afterAlarm = await inspect(db, today);
      // An alarm changes no data.
      expect(afterAlarm.data).toBe(last.data);
      expect(afterAlarm.current).toEqual(CURRENT);
      const added = await importFile(db, log.day(d), parseISO(`${today}T09:00:00Z`));
      scoringMs += (await linkAndRescore(db, parseISO(`${today}T09:01:00Z`))).ms;
      const now = await inspect(db, today);
      expect(now.orphans).toEqual(NO_ORPHANS);
      expect(now.current).toEqual(CURRENT);
      // No meta key per day or per run.
      expect(now.meta).toEqual(start.meta);
      const newOrders = now.orders - last.orders;
      if (log.repeat(d)) expect(newOrders).toBe(0);
      // Order data grows with the orders added and nothing else.
      const orderBytes = now.bytes.orderBuckets - last.bytes.orderBuckets;
      if (newOrders === 0) expect(orderBytes).toBe(0);
      else perOrder.push(orderBytes / newOrders);
      expect(otherGrowth(now, last)).toBe(0);
      if (d % 10 === 0 || d === 1) rows.push(dayRow(d, added, now));
      last = now;
    }
    const derivedDrift = last.derived / start.derived - 1;
    console.log(
      `[reliability] long-running profile (fake-indexeddb, node): 30 days, ${days} daily imports (every 7th a repeat) and ${days} nightly alarms, ${days * 2} scoring runs in ${(scoringMs / 1000).toFixed(1)} s\n` +
        `  day  0: ${start.orders} orders, ${start.accounts} accounts, data ${(start.data / 1e6).toFixed(2)} MB, scores+meta ${(start.derived / 1e6).toFixed(2)} MB\n  ${rows.join('\n  ')}\n` +
        `  order storage per added order: ${Math.min(...perOrder).toFixed(0)}–${Math.max(...perOrder).toFixed(0)} B; repeat imports and alarms added 0 B of data; scores+meta ${derivedDrift >= 0 ? '+' : ''}${(derivedDrift * 100).toFixed(1)}% over 30 days (accounts ${start.accounts} → ${last.accounts}); ` +
        `orphaned buckets/records: 0; scores current after every step`,
    );
    expect(last.orders).toBeGreaterThan(start.orders);
    // Scores and meta track the number of accounts, not the number of days.
    expect(last.derived / last.accounts).toBeLessThan((start.derived / start.accounts) * 1.2);
    db.close();
  }, 300_000);
});
