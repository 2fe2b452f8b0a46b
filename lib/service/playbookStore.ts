import type { Playbook } from '../model/playbook';
import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import { DEFAULT_PLAYBOOKS } from '../playbooks';

/** The meta key of the playbooks' order as the user arranged it. */
export const PLAYBOOK_ORDER_KEY = 'playbookOrder';

/** The rep's playbooks: the shipped defaults, overridden and extended by what was saved locally. */
export async function loadLocalPlaybooks(db: ReadOnlyDb): Promise<Playbook[]> {
  const saved = await db.getAll('playbooks');
  const order = (await db.get('meta', PLAYBOOK_ORDER_KEY))?.value as string[] | undefined;
  const byId = new Map<string, Playbook>(DEFAULT_PLAYBOOKS.map((p) => [p.id, p]));
  for (const playbook of saved) byId.set(playbook.id, playbook);
  const all = [...byId.values()];
  if (!order) return all;
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return all.sort((a, b) => rank(a.id) - rank(b.id));
}

/** Replaces the saved playbooks (and their order) in one transaction. */
export async function savePlaybooks(db: Db, playbooks: Playbook[]): Promise<void> {
  const tx = db.transaction(['playbooks', 'meta'], 'readwrite');
  await tx.objectStore('playbooks').clear();
  await Promise.all([
    ...playbooks.map((p) => tx.objectStore('playbooks').put(p)),
    tx.objectStore('meta').put({ key: PLAYBOOK_ORDER_KEY, value: playbooks.map((p) => p.id) }),
    tx.done,
  ]);
}
