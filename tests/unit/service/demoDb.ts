import 'fake-indexeddb/auto';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { accountKeyIndex } from '../../../lib/db/repo';
import { commitImport } from '../../../lib/service/importCommit';
import { rescoreAll } from '../../../lib/service/rescore';

export const DEMO_NOW = new Date(`${FIXED_DEMO_DAY}T12:00:00Z`);

/**
 * The demo data imported the way the options page does it (parse → one transaction per file), then scored. As of the
 * fixed day unless `today` says another (an end-to-end test passes the browser's day).
 */
export async function demoDatabase(name: string, today = FIXED_DEMO_DAY): Promise<{ db: Db; data: ReturnType<typeof generateDemoData> }> {
  const data = generateDemoData({ today });
  const now = new Date(`${today}T12:00:00Z`);
  const db = await openKeepAccountDb({ name });
  for (const file of data.files) {
    const accountIndex = await accountKeyIndex(db);
    const preview = await parseImportFile(file.text, { fileName: file.name, accountIndex, now });
    if (preview.rejected.length) throw new Error(`${file.name}: ${preview.rejected[0].reason}`);
    await commitImport(db, preview.batch, importRecordOf(preview, file.name, now));
  }
  await rescoreAll(db, now);
  return { db, data };
}
