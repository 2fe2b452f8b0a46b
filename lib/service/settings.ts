// The user's settings in the `meta` store under "settings" (and "capture", lib/service/capture.ts): read by the
// sidebar build and the options page, written only by the background (message `saveSettings`).
import type { z } from 'zod';
import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import { DEFAULT_SETTINGS, Settings } from '../model/settings';

export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

/** A settings record of the `meta` store, or `fallback` when it is missing or no longer valid. */
export async function loadMetaSettings<T>(db: ReadOnlyDb, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse((await db.get('meta', key))?.value ?? {});
  return parsed.success ? parsed.data : fallback;
}

export async function saveMetaSettings<T>(db: Db, key: string, schema: z.ZodType<T>, value: T): Promise<void> {
  await db.put('meta', { key, value: schema.parse(value) });
}

/** The stored settings, or the defaults for any that are missing or no longer valid. */
export const loadSettings = (db: ReadOnlyDb): Promise<Settings> => loadMetaSettings(db, KEY, Settings, DEFAULT_SETTINGS);

export const saveSettings = (db: Db, settings: Settings): Promise<void> => saveMetaSettings(db, KEY, Settings, settings);
