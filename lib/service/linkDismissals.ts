// "Not the same customer": the offers the user answered no to, kept in the `meta` store under "linkDismissals" so that
// they are not offered again. Written only by the background (message `dismissLinkOffer`).
import { z } from 'zod';
import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';

const KEY = 'linkDismissals';
const Dismissals = z.array(z.string().max(2000)).max(10_000);

export async function loadDismissals(db: ReadOnlyDb): Promise<Set<string>> {
  const parsed = Dismissals.safeParse((await db.get('meta', KEY))?.value ?? []);
  return new Set(parsed.success ? parsed.data : []);
}

export async function dismissOffer(db: Db, offerId: string): Promise<void> {
  const known = await loadDismissals(db);
  known.add(offerId);
  await db.put('meta', { key: KEY, value: [...known].slice(-10_000) });
}
