import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { demoDatabase, DEMO_NOW } from '../service/demoDb';
import { dataVersion, rescoreDue } from '../../../lib/db/pending';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import { linkAndRescore } from '../../../lib/service/rescore';
import { commitImport } from '../../../lib/service/importCommit';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { accountKeyIndex } from '../../../lib/db/repo';

// A rescore the service worker was stopped in the middle of is finished on its next wake-up (entrypoints/background.ts
// asks rescoreDue): every import and restore counts a data version in its own transaction, every scoring run stores
// the version it scored.

describe('a rescore that never finished is due', () => {
  it('is due after an import until the book is scored again, and after a restore', async () => {
    const { db, data } = await demoDatabase('pending-import');
    expect(await dataVersion(db)).toBe(data.files.length);
    expect(await rescoreDue(db)).toBe(false);

    // An import whose rescore was cut short (the worker stopped before saveScores committed).
    const orders = data.files.find((f) => f.name === 'orders.csv')!;
    const preview = await parseImportFile(orders.text, { fileName: 'orders-again.csv', accountIndex: await accountKeyIndex(db), now: DEMO_NOW });
    await commitImport(db, preview.batch, importRecordOf(preview, 'orders-again.csv', DEMO_NOW));
    expect(await rescoreDue(db)).toBe(true);
    await linkAndRescore(db, DEMO_NOW);
    expect(await rescoreDue(db)).toBe(false);

    // A restore empties the scores in its own transaction: due until rescored.
    const backup = await exportBackup(db, DEMO_NOW);
    const restored = await restoreBackup(db, backup);
    expect(restored.ok).toBe(true);
    expect(await db.count('scores')).toBe(0);
    expect(await rescoreDue(db)).toBe(true);
    await linkAndRescore(db, DEMO_NOW);
    expect(await rescoreDue(db)).toBe(false);
    expect(await db.count('scores')).toBeGreaterThan(0);

    // A file that fails to save counts nothing.
    const before = await dataVersion(db);
    expect(await restoreBackup(db, '{"format":"keep-account/backup"}')).toMatchObject({ ok: false });
    expect(await dataVersion(db)).toBe(before);
    db.close();
  });

  it('a database from before the count (no versions stored) is not due', async () => {
    const { db } = await demoDatabase('pending-legacy');
    await db.delete('meta', 'dataVersion');
    await db.delete('meta', 'scoredVersion');
    expect(await rescoreDue(db)).toBe(false);
    db.close();
  });
});

describe('a link or its undo', () => {
  it('counts a change once it is written, so a rescore cut short after it is due', async () => {
    const { countDataChangeNow } = await import('../../../lib/db/pending');
    const { db } = await demoDatabase('pending-link');
    expect(await rescoreDue(db)).toBe(false);
    await countDataChangeNow(db);
    expect(await rescoreDue(db)).toBe(true);
    await linkAndRescore(db, DEMO_NOW);
    expect(await rescoreDue(db)).toBe(false);
    db.close();
  });
});
