import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import type { ColumnMapping } from '../import/types';
import { ColumnMappingSchema, type FileSettings, FileSettingsSchema } from '../model/mapping';

// The column mappings a user chose in the mapping step, one per set of headers (lib/import/mapping.ts mappingKey),
// kept in the `meta` store so that the next file with the same columns is offered the same choice.
export const MAPPING_PREFIX = 'mapping:';
const metaKey = (mappingKey: string) => `${MAPPING_PREFIX}${mappingKey}`;

/** The mapping saved for files with these headers, if one was saved and still reads as a mapping. */
export async function loadSavedMapping(db: ReadOnlyDb, mappingKey: string): Promise<ColumnMapping | undefined> {
  const parsed = ColumnMappingSchema.safeParse((await db.get('meta', metaKey(mappingKey)))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Remembers a mapping for files with these headers (the background, on the options page's `saveMapping`). */
export async function saveMapping(db: Db, mappingKey: string, mapping: ColumnMapping): Promise<void> {
  await db.put('meta', { key: metaKey(mappingKey), value: mapping });
}

// Next to each mapping, what the user answered for files with those headers (currency, decimal mark).
export const SETTINGS_PREFIX = 'fileSettings:';

/** Every layout's remembered answers, by mappingKey: handed to the import worker, which applies the one that fits. */
export async function loadFileSettings(db: ReadOnlyDb): Promise<Record<string, FileSettings>> {
  const rows = await db.getAll('meta', IDBKeyRange.bound(SETTINGS_PREFIX, `${SETTINGS_PREFIX}\uffff`));
  const out: Record<string, FileSettings> = {};
  for (const row of rows) {
    const parsed = FileSettingsSchema.safeParse(row.value);
    if (parsed.success) out[row.key.slice(SETTINGS_PREFIX.length)] = parsed.data;
  }
  return out;
}

/** Remembers answers for files with these headers, keeping earlier answers the new ones do not replace. */
export async function saveFileSettings(db: Db, mappingKey: string, settings: FileSettings): Promise<void> {
  const key = `${SETTINGS_PREFIX}${mappingKey}`;
  const earlier = FileSettingsSchema.safeParse((await db.get('meta', key))?.value);
  await db.put('meta', { key, value: { ...(earlier.success ? earlier.data : {}), ...settings } });
}
