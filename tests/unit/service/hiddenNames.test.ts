import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { readOnly } from '../../../lib/db/readOnly';
import { commitImport } from '../../../lib/service/importCommit';
import { namesWithHiddenCharacters } from '../../../lib/service/hiddenNames';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('names with hidden characters (the Data page list)', () => {
  it('finds bidi overrides, zero-width characters and controls in account and contact names and titles', async () => {
    const db = await openKeepAccountDb({ name: `hidden-${Math.random()}` });
    const text = 'Record ID,First Name,Last Name,Email,Job Title,Associated Company\n1,Dana,\u202etdimhcS,dana@schmidt.de,Head of Purchasing,Schmidt\u200bBackwaren\n2,Ann,Lee,ann@plain.com,Buyer\u0007,Plain Co\n3,Bo,Kim,bo@plain.com,Chef,Plain Co\n';
    const preview = await parseImportFile(text, { fileName: 'contacts.csv', now: NOW });
    await commitImport(db, preview.batch, importRecordOf(preview, 'contacts.csv', NOW));
    const found = await namesWithHiddenCharacters(readOnly(db));
    expect(found.total).toBe(3);
    expect(found.names.map((n) => [n.kind, n.id, n.field])).toEqual([
      ['account', 'schmidt.de', 'name'],
      ['contact', 'ann@plain.com', 'title'],
      ['contact', 'dana@schmidt.de', 'name'],
    ]);
    expect((await namesWithHiddenCharacters(readOnly(db), 1)).names).toHaveLength(1);
    db.close();
  });
});
