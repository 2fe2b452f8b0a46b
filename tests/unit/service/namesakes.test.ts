// Issue 12's reproduction, through the sidebar state: an active John Smith at alpha-foods.com and a namesake writing
// from beta-bakes.com. The sidebar must not say "formerly at Alpha Foods, now writes from beta-bakes.com": by the one
// champion-move rule (lib/insights/people/moves.ts) two people writing at the same time are namesakes, not a move.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { commitImport } from '../../../lib/service/importCommit';
import { rescoreAll } from '../../../lib/service/rescore';
import { buildSidebarState } from '../../../lib/service/sidebarState';
import type { Account, Activity, Contact, ImportRecord, Order } from '../../../lib/model/records';
import type { PageContext } from '../../../lib/model/page';

const NOW = '2026-11-23T12:00:00.000Z';
const account = (id: string, name: string): Account => ({ id, name, domains: [id], crmIds: [], customerKeys: [], updatedAt: NOW });
const john = (email: string, accountId?: string): Contact => ({ email, name: 'John Smith', title: 'Purchasing Manager', ...(accountId ? { accountId } : {}), crmIds: [], status: 'active', updatedAt: NOW });
const emails = (email: string, accountId: string | undefined, months: string[]): Activity[] =>
  months.map((m, i) => ({ id: `${email}-${i}`, ...(accountId ? { accountId } : {}), email, date: `${m}-10`, kind: 'email-in' as const }));
const orders = (accountId: string): Order[] => Array.from({ length: 12 }, (_, i) => ({ id: `${accountId}-${i}`, accountId, date: `2026-${String(i + 1).padStart(2, '0')}-05`, amount: 1000 }));
const record: ImportRecord = { id: 'test', fileName: 'test.csv', source: 'test', kind: 'contacts', rowsRead: 1, rowsImported: 1, rowsRejected: 0, importedAt: NOW };

async function sidebarFor(name: string, activities: Activity[], contacts: Contact[]) {
  const db = await openKeepAccountDb({ name });
  await commitImport(db, { accounts: [account('alpha-foods.com', 'Alpha Foods')], contacts, orders: orders('alpha-foods.com'), activities }, record);
  await rescoreAll(db, new Date(NOW));
  const page: PageContext = { site: 'gmail', view: 'thread', people: [{ email: 'john.smith@beta-bakes.com', name: 'John Smith', role: 'from' }] };
  return buildSidebarState(db, page, { now: NOW });
}

describe('a namesake is not a champion move, through the sidebar', () => {
  it('an active John Smith at Alpha Foods and another writing from beta-bakes.com at the same time', async () => {
    const state = await sidebarFor(
      'namesakes-overlap',
      [
        ...emails('john.smith@alpha-foods.com', 'alpha-foods.com', ['2026-01', '2026-04', '2026-07', '2026-11']),
        ...emails('john.smith@beta-bakes.com', undefined, ['2026-02', '2026-05', '2026-08', '2026-11']),
      ],
      [john('john.smith@alpha-foods.com', 'alpha-foods.com')],
    );
    expect(state.status).toBe('no-match');
    expect(JSON.stringify(state)).not.toMatch(/formerly at Alpha Foods|now writes from/);
  });

  it('an active John Smith at Alpha Foods and a first email from a namesake at beta-bakes.com today', async () => {
    const state = await sidebarFor(
      'namesakes-new-address',
      emails('john.smith@alpha-foods.com', 'alpha-foods.com', ['2026-08', '2026-09', '2026-10', '2026-11']),
      [john('john.smith@alpha-foods.com', 'alpha-foods.com')],
    );
    expect(JSON.stringify(state)).not.toMatch(/formerly at Alpha Foods/);
  });

  it('the same name that went quiet at Alpha Foods and then writes from beta-bakes.com is a move', async () => {
    const state = await sidebarFor(
      'namesakes-move',
      [
        ...emails('john.smith@alpha-foods.com', 'alpha-foods.com', ['2025-12', '2026-02', '2026-03']),
        ...emails('john.smith@beta-bakes.com', undefined, ['2026-05', '2026-08', '2026-11']),
      ],
      [john('john.smith@alpha-foods.com', 'alpha-foods.com')],
    );
    expect(state.status).toBe('no-match');
    if (state.status === 'no-match') expect(state.lead?.title).toMatch(/^John Smith, formerly at Alpha Foods \(a customer for \d+ months\), now at beta-bakes\.com — no account yet$/);
  });
});
