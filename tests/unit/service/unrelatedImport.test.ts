// Issue 17's defect through the real path: the demo book imported and scored, then an unrelated order file of 5,000
// other customers is imported and the book rescored. Northwind Foods' data did not change, so neither may its risk.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { accountKeyIndex } from '../../../lib/db/repo';
import { commitImport } from '../../../lib/service/importCommit';
import { rescoreAll } from '../../../lib/service/rescore';
import { random } from '../../support/random';
import { DEMO_NOW, demoDatabase } from './demoDb';

function retailLog(): string {
  const rand = random(5);
  const lines = ['Customer Number,Invoice Date,Net Amount,Currency'];
  for (let i = 0; i < 5000; i++) {
    const first = Math.floor(rand() * 700);
    const orders = rand() < 0.6 ? 1 : 1 + Math.floor(rand() * 4);
    for (let r = 0; r < orders; r++) {
      const ago = r === 0 ? first : Math.floor(rand() * first);
      lines.push(`R${i},${new Date(DEMO_NOW.getTime() - ago * 86_400_000).toISOString().slice(0, 10)},${(20 + rand() * 80).toFixed(2)},EUR`);
    }
  }
  return lines.join('\n');
}

describe('an unrelated import of 5,000 other customers', () => {
  it('does not move the lapse risk of the accounts whose orders did not change', async () => {
    const { db, data } = await demoDatabase('unrelated-import');
    const before = new Map((await db.getAll('scores')).map((s) => [s.accountId, s]));
    const preview = await parseImportFile(retailLog(), { fileName: 'webshop-orders.csv', accountIndex: await accountKeyIndex(db), now: DEMO_NOW });
    expect(preview.rejected).toEqual([]);
    await commitImport(db, preview.batch, importRecordOf(preview, 'webshop-orders.csv', DEMO_NOW));
    await rescoreAll(db, DEMO_NOW);
    const after = new Map((await db.getAll('scores')).map((s) => [s.accountId, s]));
    expect(after.size).toBe(before.size + 5000);
    const northwind = data.scenarios.find((s) => s.id === 'lapsing')!.accountDomain;
    for (const [id, was] of before) {
      const now = after.get(id)!;
      expect(now.level, id).toBe(was.level);
      expect(Math.abs(now.pActive! - was.pActive!), id).toBeLessThan(1e-9);
    }
    expect(after.get(northwind)!.level).toBe('high');
    db.close();
  }, 120_000);
});
