import { addDays, formatISO, parseISO } from 'date-fns';
import { simulateB2bBook } from './b2bBook';
import { bucketId } from '../../lib/db/orders';
import { DATA_VERSION_KEY, SCORED_VERSION_KEY } from '../../lib/db/pending';

// The long-running profile of issue #18, shared by the node run (tests/unit/service/longRun.test.ts, fake-indexeddb)
// and the browser run (tests/e2e/longrun.spec.ts): a daily order export, and what the stored records must look like
// after every day of imports and nightly rescoring.

const HEADER = 'Invoice No,Invoice Date,Customer ID,Customer Name,Customer Domain,Product,SKU,Quantity,Amount,Currency';
/** The stores that hold what the user imported (the import history is counted on its own: one record per file). */
export const DATA_STORES = ['accounts', 'accountStubBuckets', 'contacts', 'orders', 'orderBuckets', 'products', 'activities', 'playbooks', 'questionHistory', 'links', 'touches', 'touchBuckets'] as const;
export const iso = (d: Date) => formatISO(d, { representation: 'date' });
export const dayAfter = (day0: string, d: number) => iso(addDays(parseISO(day0), d));

/**
 * A 400-customer order log, two years up to `day0` (the history) and then one export a day for `days` days, in the
 * generic invoice layout (one feed); customers keep arriving until the last day. Every 7th day's export is the day
 * before's again (the same feed, nothing new in it).
 */
export function dailyOrderLog(day0: string, days: number, customers = 400) {
  const book = simulateB2bBook({ accounts: customers, seed: 30, start: dayAfter(day0, -720), end: dayAfter(day0, days), acquisitionEnd: dayAfter(day0, days), medianGapDays: 20 });
  const lines = book.orders.map((o, i) => {
    const n = o.customerId.replace(/\D/g, '');
    return { date: o.date, text: `INV-L${i},${o.date},L${n},"Longrun ${n} GmbH",longrun${n}.example,Mint oil,SKU-4,1,${(o.amount ?? 10).toFixed(2)},EUR` };
  });
  const between = (after: string | undefined, through: string) => [HEADER, ...lines.filter((l) => (!after || l.date > after) && l.date <= through).map((l) => l.text)].join('\n') + '\n';
  return {
    history: { name: 'order-log.csv', text: between(undefined, day0) },
    repeat: (d: number) => d % 7 === 0,
    day: (d: number) =>
      d % 7 === 0 ? { name: 'order-log (again).csv', text: between(dayAfter(day0, d - 2), dayAfter(day0, d - 1)) } : { name: 'order-log.csv', text: between(dayAfter(day0, d - 1), dayAfter(day0, d)) },
  };
}

type Row = Record<string, unknown>;
interface Bucket { id: string; orders: { accountId: string; id: string }[] }

/** What the records of every store (store → rows) say about a long run on `today`. */
export function profileOf(stores: Record<string, Row[]>, today: string) {
  const bytes: Record<string, number> = {};
  for (const [store, rows] of Object.entries(stores)) bytes[store] = JSON.stringify(rows).length;
  // The links' "aliases" record sits in the same store and holds no orders (lib/db/orders.ts).
  const buckets = (stores.orderBuckets as unknown as Bucket[]).filter((b) => Array.isArray(b.orders));
  const stubBuckets = stores.accountStubBuckets as unknown as { stubs: { id: string }[] }[];
  const accounts = new Set([...stores.accounts.map((a) => a.id as string), ...stubBuckets.flatMap((b) => b.stubs.map((s) => s.id))]);
  const orders = buckets.flatMap((b) => b.orders);
  const scores = stores.scores as { accountId: string; scoredAt: string }[];
  const scored = new Set(scores.map((s) => s.accountId));
  const meta = new Map(stores.meta.map((m) => [m.key as string, m.value]));
  const version = (key: string) => (typeof meta.get(key) === 'number' ? (meta.get(key) as number) : 0);
  return {
    bytes,
    data: DATA_STORES.reduce((sum, s) => sum + (bytes[s] ?? 0), 0),
    derived: bytes.scores + bytes.meta,
    orders: orders.length,
    accounts: accounts.size,
    orphans: {
      emptyBuckets: buckets.filter((b) => b.orders.length === 0).length,
      misfiled: buckets.reduce((sum, b) => sum + b.orders.filter((o) => bucketId(o.accountId) !== b.id).length, 0),
      ordersWithoutAccount: orders.filter((o) => !accounts.has(o.accountId)).length,
      contactsWithoutAccount: stores.contacts.filter((c) => c.accountId && !accounts.has(c.accountId as string)).length,
      scoresWithoutAccount: scores.filter((s) => !accounts.has(s.accountId)).length,
      legacyOrders: stores.orders.length,
    },
    current: {
      due: version(DATA_VERSION_KEY) > version(SCORED_VERSION_KEY),
      stale: scores.filter((s) => s.scoredAt.slice(0, 10) !== today).length,
      unscored: new Set(orders.map((o) => o.accountId).filter((id) => !scored.has(id))).size,
      duplicates: scores.length - scored.size,
    },
    meta: [...meta.keys()].sort(),
  };
}
export type Profile = ReturnType<typeof profileOf>;

export const NO_ORPHANS = { emptyBuckets: 0, misfiled: 0, ordersWithoutAccount: 0, contactsWithoutAccount: 0, scoresWithoutAccount: 0, legacyOrders: 0 };
export const CURRENT = { due: false, stale: 0, unscored: 0, duplicates: 0 };

/** Bytes the day added to the stores of imported data other than orders and accounts (must be 0: nothing else grows). */
export const otherGrowth = (now: Profile, last: Profile) =>
  now.data - last.data - (now.bytes.orderBuckets - last.bytes.orderBuckets) - (now.bytes.accountStubBuckets - last.bytes.accountStubBuckets) - (now.bytes.accounts - last.bytes.accounts);

export const dayRow = (d: number, added: number, p: Profile) =>
  `day ${String(d).padStart(2)}: ${added} lines imported, ${p.orders} orders, ${p.accounts} accounts, data ${(p.data / 1e6).toFixed(2)} MB, scores+meta ${(p.derived / 1e6).toFixed(2)} MB, import history ${p.bytes.importHistory} B`;
