// The names in the book that hold characters a reader cannot see (bidi overrides, zero-width characters, controls):
// listed on the Data page with those characters written out, so that the user can find and fix them at the source.
import type { ReadOnlyDb } from '../db/readOnly';
import { allAccounts } from '../db/accounts';
import { hasHiddenCharacters } from '../words/visible';

export interface HiddenName {
  kind: 'account' | 'contact';
  /** Account id or contact email. */
  id: string;
  field: 'name' | 'title' | 'industry';
  text: string;
}

/** Up to `limit` names with hidden characters, accounts first. */
export async function namesWithHiddenCharacters(db: ReadOnlyDb, limit = 50): Promise<{ names: HiddenName[]; total: number }> {
  const found: HiddenName[] = [];
  for (const a of await allAccounts(db)) {
    if (hasHiddenCharacters(a.name)) found.push({ kind: 'account', id: a.id, field: 'name', text: a.name });
    if (a.industry && hasHiddenCharacters(a.industry)) found.push({ kind: 'account', id: a.id, field: 'industry', text: a.industry });
  }
  for (const c of await db.getAll('contacts')) {
    if (hasHiddenCharacters(c.name)) found.push({ kind: 'contact', id: c.email, field: 'name', text: c.name });
    if (c.title && hasHiddenCharacters(c.title)) found.push({ kind: 'contact', id: c.email, field: 'title', text: c.title });
  }
  return { names: found.slice(0, limit), total: found.length };
}
