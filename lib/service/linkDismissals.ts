// "Not the same customer": the offers the user answered no to, kept in the `meta` store under "linkDismissals" so that
// they are not offered again. Written only by the background (message `dismissLinkOffer`).
import type { Db } from '../db/schema';
import { LinkDismissals } from '../model/records';
import type { ReadOnlyDb } from '../db/readOnly';

/** The meta key (a backup carries the list too: lib/service/backup.ts). */
export const DISMISSALS_KEY = 'linkDismissals';
const KEY = DISMISSALS_KEY;

export async function loadDismissals(db: ReadOnlyDb): Promise<Set<string>> {
  const parsed = LinkDismissals.safeParse((await db.get('meta', KEY))?.value ?? []);
  return new Set(parsed.success ? parsed.data : []);
}

export async function dismissOffer(db: Db, offerId: string): Promise<void> {
  const known = await loadDismissals(db);
  known.add(offerId);
  await db.put('meta', { key: KEY, value: [...known].slice(-10_000) });
}
