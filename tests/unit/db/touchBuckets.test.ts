// Remembered touches in one bucket per account (schema v8, lib/db/touches.ts): every writer keeps the buckets what the
// old one-record-per-message store was. A seeded run of random operations (remember, reopen, forget a conversation,
// forget messages, the retention limit, a link moving an account into another, a backup restored) is checked after
// every step against a plain map of message id → touch, the old store's semantics.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import {
  addTouches,
  allTouches,
  countRemembered,
  countRememberedIds,
  countTouches,
  forgetAllTouches,
  forgetTouches,
  forgetTouchesBefore,
  moveTouches,
  touchBucketId,
  touchBucket,
  touchesOfAccount,
} from '../../../lib/db/touches';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import type { Touch } from '../../../lib/model/records';
import { random } from '../../support/random';

let n = 0;
const fresh = () => openKeepAccountDb({ name: `touch-buckets-${++n}` });
const byId = (a: Touch, b: Touch) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function touch(id: number, accountId: string | undefined, date: string, thread?: string): Touch {
  // A company not in the book: one of three, each its own bucket.
  const person = { email: `p${id % 3}@${accountId ?? `new${id % 3}.example`}` };
  const out = id % 2 === 0;
  return {
    id: `gmail:m${id}`,
    site: 'gmail',
    messageId: `m${id}`,
    ...(thread ? { thread } : {}),
    at: `${date}T09:00:00.000Z`,
    date,
    ...(accountId ? { accountId } : {}),
    direction: out ? 'out' : 'in',
    from: out ? { email: 'sam@seller.example' } : person,
    to: out ? [person] : [],
    cc: [],
  };
}

/** The reference: the old store, one touch per id, never rewritten once remembered. */
function conversationsOf(touches: Iterable<Touch>): number {
  const keys = new Set<string>();
  for (const t of touches) keys.add(t.thread ?? `message ${t.id}`);
  return keys.size;
}

async function expectSame(db: Db, reference: Map<string, Touch>, accounts: readonly string[]): Promise<void> {
  const expected = [...reference.values()].sort(byId);
  expect((await allTouches(db)).sort(byId)).toEqual(expected);
  expect(await countTouches(db)).toBe(reference.size);
  expect(await countRemembered(db)).toEqual({ conversations: conversationsOf(reference.values()), messages: reference.size });
  for (const bucket of new Set([...accounts, ...expected.map(touchBucketId)])) {
    expect(await touchesOfAccount(db, bucket)).toEqual(expected.filter((t) => touchBucketId(t) === bucket));
  }
  // Every bucket's index keys are those of its touches, and no bucket is empty.
  for (const bucket of await db.getAll('touchBuckets')) {
    expect(bucket.touches.length).toBeGreaterThan(0);
    expect(bucket).toEqual(touchBucket(bucket.id, bucket.touches));
  }
}

describe('remembered touches in buckets', () => {
  it('keeps what the one-record-per-message store kept, over 300 seeded random operations', async () => {
    const rand = random(16);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    let accounts = ['a.com', 'b.com', 'c.com', 'd.com'];
    const db = await fresh();
    const reference = new Map<string, Touch>();
    const day = () => `2026-${String(1 + Math.floor(rand() * 11)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const counts: Record<string, number> = {};
    for (let step = 0; step < 300; step++) {
      const op = pick(['add', 'add', 'add', 'reopen', 'forgetThread', 'forgetIds', 'retention', 'link', 'restore']);
      counts[op] = (counts[op] ?? 0) + 1;
      if (op === 'add' || op === 'reopen') {
        // A conversation of 1–6 messages; reopening sends ids already remembered, changed (a page cannot rewrite them).
        const thread = rand() < 0.9 ? `gmail:t${Math.floor(rand() * 40)}` : undefined;
        const account = rand() < 0.1 ? undefined : pick(accounts);
        const ids = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 400));
        const touches = ids.map((id) => (op === 'reopen' && reference.has(`gmail:m${id}`) ? { ...reference.get(`gmail:m${id}`)!, cc: [{ email: 'x@y.com' }] } : touch(id, account, day(), thread)));
        const fresh = touches.filter((t, i) => !reference.has(t.id) && touches.findIndex((u) => u.id === t.id) === i);
        expect(await addTouches(db, touches)).toBe(fresh.length);
        for (const t of fresh) reference.set(t.id, t);
      } else if (op === 'forgetThread' || op === 'forgetIds') {
        const thread = op === 'forgetThread' ? `gmail:t${Math.floor(rand() * 40)}` : undefined;
        const ids = Array.from({ length: Math.floor(rand() * 4) }, () => `gmail:m${Math.floor(rand() * 400)}`);
        const gone = [...reference.values()].filter((t) => ids.includes(t.id) || (thread !== undefined && t.thread === thread));
        expect(await forgetTouches(db, ids, thread)).toBe(gone.length);
        for (const t of gone) reference.delete(t.id);
      } else if (op === 'retention') {
        const cutoff = day();
        const gone = [...reference.values()].filter((t) => t.date < cutoff);
        expect(await forgetTouchesBefore(db, cutoff)).toBe(gone.length);
        for (const t of gone) reference.delete(t.id);
      } else if (op === 'link' && accounts.length > 2) {
        const [from, into] = [accounts[0]!, accounts[1]!];
        const tx = db.transaction('touchBuckets', 'readwrite');
        await Promise.all([moveTouches(tx.store, new Map([[from, into]])), tx.done]);
        for (const t of reference.values()) if (t.accountId === from) reference.set(t.id, { ...t, accountId: into });
        accounts = [...accounts.slice(1), `new${step}.com`];
      } else if (op === 'restore') {
        const backup = await exportBackup(db, new Date('2026-12-01T00:00:00Z'));
        expect(await restoreBackup(db, backup)).toMatchObject({ ok: true });
      }
      await expectSame(db, reference, accounts);
    }
    // Every kind of operation ran, on a book that stayed populated.
    expect(Object.keys(counts).sort()).toEqual(['add', 'forgetIds', 'forgetThread', 'link', 'reopen', 'restore', 'retention']);
    await forgetAllTouches(db);
    await expectSame(db, new Map(), accounts);
    db.close();
  });

  it('says how many of the messages on screen are remembered, in whichever bucket', async () => {
    const db = await fresh();
    await addTouches(db, [touch(1, 'a.com', '2026-11-01', 'gmail:t1'), touch(2, 'b.com', '2026-11-02', 'gmail:t1'), touch(3, undefined, '2026-11-03')]);
    expect(await countRememberedIds(db, ['gmail:m1', 'gmail:m2', 'gmail:m3', 'gmail:m4'])).toBe(3);
    expect(await countRememberedIds(db, [])).toBe(0);
    db.close();
  });

  it('reads an account’s messages with one get: one bucket record, whatever their number', async () => {
    const db = await fresh();
    await addTouches(db, Array.from({ length: 2_000 }, (_, i) => touch(i, i % 2 ? 'a.com' : 'b.com', '2026-10-01', `gmail:t${i % 50}`)));
    expect(await db.count('touchBuckets')).toBe(2);
    await addTouches(db, [touch(5_001, undefined, '2026-10-01'), touch(5_002, undefined, '2026-10-01'), touch(5_003, undefined, '2026-10-01')]);
    expect((await db.getAllKeys('touchBuckets')).sort()).toEqual(['\u0000new0.example', '\u0000new1.example', '\u0000new2.example', 'a.com', 'b.com'].sort());
    expect(await touchesOfAccount(db, 'a.com')).toHaveLength(1_000);
    expect(await db.count('touches')).toBe(0);
    db.close();
  });
});
