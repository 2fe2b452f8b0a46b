// Benchmark (issue 16): remembering an opened conversation and reading 100,000 remembered messages.
// - touchesOf on a 100-message Gmail conversation (the background's work per opened conversation; the content script's
//   extra work is the per-message header read inside recognizePage, measured by scripts/bench/sites.ts), target ≤ 2 ms;
// - buildSidebarState for an account with 2,000 of 100,000 remembered messages (fake-indexeddb in node), target ≤ 100 ms;
// - mergeActivities of 100,000 remembered messages into the activity rescoring reads (added to the rescore budget).
// Run: node --import tsx -e "import('./scripts/bench/capture.ts').then(async m => console.log(await m.bench()))"
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { openKeepAccountDb } from '../../lib/db/schema';
import { toStoredAccount, toStoredContact } from '../../lib/db/repo';
import { addTouches } from '../../lib/db/touches';
import type { Touch } from '../../lib/model/records';
import { recognizePage } from '../../lib/sites';
import { gmailThreadHtml, type GmailMessage } from '../../lib/sites/fixtures/gmailPage';
import { addressesOf, mergeActivities, touchesOf } from '../../lib/insights/people/touches';
import { buildSidebarState } from '../../lib/service/sidebarState';
import type { Figure } from '../bench';

const ME = { email: 'sam@seller.com', name: 'Sam Seller' };
const NOW = '2026-11-25T12:00:00.000Z';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(runs: number, work: () => unknown): number {
  const spent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    spent.push(performance.now() - started);
  }
  return median(spent);
}

async function timeAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const spent: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    spent.push(performance.now() - started);
  }
  return median(spent);
}

function conversation(count: number) {
  const messages: GmailMessage[] = Array.from({ length: count }, (_, i) => ({
    from: i % 2 ? ME : { email: `buyer${i % 5}@northwind-foods.com`, name: `Buyer ${i % 5}` },
    to: i % 2 ? [{ email: `buyer${i % 5}@northwind-foods.com`, name: `Buyer ${i % 5}` }] : [ME],
    cc: [{ email: 'cfo@northwind-foods.com', name: 'Carl Ortiz' }, { email: 'ops@seller.com', name: 'Ops' }],
    date: `Nov ${1 + (i % 24)}, 2026, 9:${String(i % 60).padStart(2, '0')} AM`,
    body: 'Volumes and prices for next year.',
  }));
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq';
  const window = new Window({ url });
  window.document.write(gmailThreadHtml({ me: ME, subject: 'Volumes', messages }));
  return recognizePage(window.document as unknown as Document, url);
}

function touch(i: number, accountId: string): Touch {
  const day = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return { id: `gmail:m${i}`, site: 'gmail', messageId: `m${i}`, at: `${day}T09:00:00.000Z`, date: day, accountId, direction: i % 2 ? 'out' : 'in', from: i % 2 ? { email: ME.email } : { email: `p${i % 4}@${accountId}` }, to: i % 2 ? [{ email: `p${i % 4}@${accountId}` }] : [], cc: [{ email: `cc${i % 3}@${accountId}` }] };
}

export async function bench(): Promise<Figure[]> {
  const page = conversation(100);
  const known = new Map(addressesOf(page).filter((e) => e.endsWith('@northwind-foods.com')).map((e) => [e, { contact: true, accountId: 'northwind-foods.com' }]));
  const perConversation = time(50, () => touchesOf(page, { known }));

  const db = await openKeepAccountDb({ name: 'bench-capture' });
  const accounts = Array.from({ length: 1000 }, (_, i) => `customer-${i}.example`);
  const tx = db.transaction(['accounts', 'contacts'], 'readwrite');
  for (const id of accounts) void tx.objectStore('accounts').put(toStoredAccount({ id, name: `Customer ${id}`, domains: [id], crmIds: [], customerKeys: [], updatedAt: NOW }));
  for (const id of accounts) void tx.objectStore('contacts').put(toStoredContact({ email: `p0@${id}`, accountId: id, name: 'Pat Zero', crmIds: [], status: 'active', updatedAt: NOW }));
  await tx.done;
  const touches = Array.from({ length: 100_000 }, (_, i) => touch(i, i < 2000 ? accounts[0]! : accounts[i % 1000]!));
  for (let i = 0; i < touches.length; i += 10_000) await addTouches(db, touches.slice(i, i + 10_000));
  const sidebarPage = { site: 'gmail' as const, view: 'thread' as const, people: [{ email: `p0@${accounts[0]}`, role: 'from' as const }] };
  const sidebar = await timeAsync(10, () => buildSidebarState(db, sidebarPage, { now: NOW }));
  const merge = time(5, () => mergeActivities([], touches));
  db.close();
  return [
    { name: 'touches of one opened 100-message conversation (median)', value: perConversation, unit: 'ms', target: '≤ 2 ms' },
    { name: 'sidebar for an account with 2,000 of 100,000 remembered (median)', value: sidebar, unit: 'ms', target: '≤ 100 ms' },
    { name: 'merge 100,000 remembered messages for rescoring (median)', value: merge, unit: 'ms', target: 'within the rescore budget' },
  ];
}
