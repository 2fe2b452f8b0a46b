// The user's settings in the `meta` store under "settings": read by the sidebar build and the options page, written
// only by the background (message `saveSettings`).
import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import { DEFAULT_SETTINGS, Settings } from '../model/settings';

const KEY = 'settings';

/** The stored settings, or the defaults for any that are missing or no longer valid. */
export async function loadSettings(db: ReadOnlyDb): Promise<Settings> {
  const parsed = Settings.safeParse((await db.get('meta', KEY))?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Db, settings: Settings): Promise<void> {
  await db.put('meta', { key: KEY, value: Settings.parse(settings) });
}
