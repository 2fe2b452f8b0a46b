import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays, formatISO, parseISO } from 'date-fns';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { simulateB2bBook } from '../../support/b2bBook';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { openKeepAccountDb, ALL_STORES, type Db, type OrderBucket } from '../../../lib/db/schema';
import { accountKeyIndex } from '../../../lib/db/repo';
import { allAccounts } from '../../../lib/db/accounts';
import { bucketId } from '../../../lib/db/orders';
import { rescoreDue } from '../../../lib/db/pending';
import { commitImport } from '../../../lib/service/importCommit';
import { linkAndRescore, rescoreAll } from '../../../lib/service/rescore';

// A long-running profile (issue #18): 30 simulated days of what the background does in the field, on fake-indexeddb
// with the extension's own code, in node (the browser would take many minutes for the same 60 scoring runs):
// every day an order export is imported as the import worker does it (parse, one transaction) and the background
// links and rescores (the `dataChanged` handler: linkAndRescore(db, now)); every 7th day the same file comes again;
// and every night the daily alarm rescores (entrypoints/background.ts: rescoreAll(db, now()), "today" taken from
// now(), here injected). Checked after every step: storage grows only with data, no orphaned buckets or records,
// the scores current.

const HEADER = 'Invoice No,Invoice Date,Customer ID,Customer Name,Customer Domain,Product,SKU,Quantity,Amount,Currency';
const DATA_STORES = ['accounts', 'accountStubBuckets', 'contacts', 'orders', 'orderBuckets', 'products', 'activities', 'playbooks', 'questionHistory', 'links', 'touches'] as const;
const iso = (d: Date) => formatISO(d, { representation: 'date' });

async function importFile(db: Db, name: string, text: string, now: Date) {
  const preview = await parseImportFile(text, { fileName: name, accountIndex: await accountKeyIndex(db), now });
  if (preview.rejected.length) throw new Error(`${name}: ${preview.rejected[0].reason}`);
  await commitImport(db, preview.batch, importRecordOf(preview, name, now));
  return preview.batch.orders.length;
}

/** Bytes of every store as JSON, and the checks that need the records. */
async function inspect(db: Db, today: string) {
  const bytes: Record<string, number> = {};
  for (const store of ALL_STORES) bytes[store] = JSON.stringify(await db.getAll(store)).length;
  const accounts = new Set((await allAccounts(db)).map((a) => a.id));
  const buckets = (await db.getAll('orderBuckets')) as OrderBucket[];
  const orders = buckets.flatMap((b) => b.orders);
  const scores = await db.getAll('scores');
  const contacts = await db.getAll('contacts');
  const meta = (await db.getAll('meta')).map((m) => m.key).sort();
  const scored = new Set(scores.map((s) => s.accountId));
  return {
    bytes,
    data: DATA_STORES.reduce((sum, s) => sum + bytes[s], 0),
    derived: bytes.scores + bytes.meta,
    orders: orders.length,
    accounts: accounts.size,
    orphans: {
      emptyBuckets: buckets.filter((b) => b.orders.length === 0).length,
      misfiled: buckets.reduce((sum, b) => sum + b.orders.filter((o) => bucketId(o.accountId) !== b.id).length, 0),
      ordersWithoutAccount: orders.filter((o) => !accounts.has(o.accountId)).length,
      contactsWithoutAccount: contacts.filter((c) => c.accountId && !accounts.has(c.accountId)).length,
      scoresWithoutAccount: scores.filter((s) => !accounts.has(s.accountId)).length,
      legacyOrders: bytes.orders > 2 ? 1 : 0,
    },
    current: {
      due: await rescoreDue(db),
      stale: scores.filter((s) => s.scoredAt.slice(0, 10) !== today).length,
      unscored: new Set(orders.map((o) => o.accountId).filter((id) => !scored.has(id))).size,
      duplicates: scores.length - scored.size,
    },
    meta,
  };
}

describe('a long-running profile', () => {
  it('30 days of daily imports and rescoring alarms: storage grows only with data, nothing orphaned, scores always current', async () => {
    const day0 = FIXED_DEMO_DAY;
    const days = 30;
    const end = iso(addDays(parseISO(day0), days));
    const db = await openKeepAccountDb({ name: `long-run-${Math.random()}` });
    // Day 0: the demo book and a 400-customer order log up to day 0.
    for (const file of generateDemoData({ today: day0 }).files) await importFile(db, file.name, file.text, parseISO(`${day0}T09:00:00Z`));
    // Customers keep arriving until the last day: new accounts come with the daily files.
    const book = simulateB2bBook({ accounts: 400, seed: 30, start: iso(addDays(parseISO(day0), -720)), end, acquisitionEnd: end, medianGapDays: 20 });
    const line = (o: (typeof book.orders)[number], i: number) => {
      const n = o.customerId.replace(/\D/g, '');
      return `INV-L${i},${o.date},L${n},"Longrun ${n} GmbH",longrun${n}.example,Mint oil,SKU-4,1,${(o.amount ?? 10).toFixed(2)},EUR`;
    };
    const numbered = book.orders.map((o, i) => ({ o, text: line(o, i) }));
    const upTo = (from: string | undefined, to: string) => [HEADER, ...numbered.filter(({ o }) => (!from || o.date > from) && o.date <= to).map((x) => x.text)].join('\n');
    await importFile(db, 'order-log.csv', upTo(undefined, day0), parseISO(`${day0}T09:05:00Z`));
    await linkAndRescore(db, parseISO(`${day0}T09:06:00Z`));

    let last = await inspect(db, day0);
    const start = last;
    const rows: string[] = [];
    const growth: { added: number; bytes: number }[] = [];
    let scoringMs = 0;
    for (let d = 1; d <= days; d++) {
      const today = iso(addDays(parseISO(day0), d));
      // The night's alarm first (it fires at the same time every day), then the day's import and its rescore.
      const alarm = await rescoreAll(db, parseISO(`${today}T03:00:00Z`));
      scoringMs += alarm.ms;
      const afterAlarm = await inspect(db, today);
      // An alarm changes no data, and the scores and meta it rewrites do not grow night after night.
      expect(afterAlarm.data).toBe(last.data);
      expect(afterAlarm.current).toEqual({ due: false, stale: 0, unscored: 0, duplicates: 0 });
      const yesterday = iso(addDays(parseISO(day0), d - 1));
      // Every 7th day the export of the day before comes again: the same feed, nothing new in it.
      const text = d % 7 === 0 ? upTo(iso(addDays(parseISO(day0), d - 2)), yesterday) : upTo(yesterday, today);
      const added = await importFile(db, d % 7 === 0 ? 'order-log (again).csv' : 'order-log.csv', text, parseISO(`${today}T09:00:00Z`));
      const run = await linkAndRescore(db, parseISO(`${today}T09:01:00Z`));
      scoringMs += run.ms;
      const now = await inspect(db, today);
      expect(now.orphans).toEqual({ emptyBuckets: 0, misfiled: 0, ordersWithoutAccount: 0, contactsWithoutAccount: 0, scoresWithoutAccount: 0, legacyOrders: 0 });
      expect(now.current).toEqual({ due: false, stale: 0, unscored: 0, duplicates: 0 });
      expect(now.meta).toEqual(start.meta);
      const newOrders = now.orders - last.orders;
      if (d % 7 === 0) expect(newOrders).toBe(0);
      // Order data grows with the orders added and nothing else (the import history grows by one record per file).
      const orderBytes = now.bytes.orderBuckets - last.bytes.orderBuckets;
      if (newOrders === 0) expect(orderBytes).toBe(0);
      else growth.push({ added: newOrders, bytes: orderBytes });
      const other = now.data - last.data - orderBytes - (now.bytes.accountStubBuckets - last.bytes.accountStubBuckets) - (now.bytes.accounts - last.bytes.accounts);
      expect(other).toBe(0);
      if (d % 10 === 0 || d === 1) rows.push(`day ${String(d).padStart(2)}: ${added} lines imported, ${now.orders} orders, ${now.accounts} accounts, data ${(now.data / 1e6).toFixed(2)} MB, scores+meta ${(now.derived / 1e6).toFixed(2)} MB, import history ${now.bytes.importHistory} B`);
      last = now;
    }
    const perOrder = growth.map((g) => g.bytes / g.added);
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
