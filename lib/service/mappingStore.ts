import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import type { ColumnMapping } from '../import/types';
import { ColumnMappingSchema } from '../model/mapping';

// The column mappings a user chose in the mapping step, one per set of headers (lib/import/mapping.ts mappingKey),
// kept in the `meta` store so that the next file with the same columns is offered the same choice.
const metaKey = (mappingKey: string) => `mapping:${mappingKey}`;

/** The mapping saved for files with these headers, if one was saved and still reads as a mapping. */
export async function loadSavedMapping(db: ReadOnlyDb, mappingKey: string): Promise<ColumnMapping | undefined> {
  const parsed = ColumnMappingSchema.safeParse((await db.get('meta', metaKey(mappingKey)))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Remembers a mapping for files with these headers (the background, on the options page's `saveMapping`). */
export async function saveMapping(db: Db, mappingKey: string, mapping: ColumnMapping): Promise<void> {
  await db.put('meta', { key: metaKey(mappingKey), value: mapping });
}
