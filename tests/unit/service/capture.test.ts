// Issue 16 below the browser: CRM exports only (no activity log) → three Gmail conversations of one account opened →
// the touches remembered once, the sidebar's people insight from them alone (single-threaded, the newcomer in cc).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { accountKeyIndex, deleteEverything } from '../../../lib/db/repo';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import { openKeepAccountDb, type Db } from '../../../lib/db/schema';
import { countRemembered, countTouches, allTouches } from '../../../lib/db/touches';
import { readOnly } from '../../../lib/db/readOnly';
import { commitImport } from '../../../lib/service/importCommit';
import { linkAndRescore, rescoreAll } from '../../../lib/service/rescore';
import { buildSidebarState } from '../../../lib/service/sidebarState';
import { loadBook, singleThreadedAccounts } from '../../../lib/service/accountViews';
import { answerCaptureNotice, forgetConversation, loadCaptureSettings, rememberConversation, saveCaptureSettings } from '../../../lib/service/capture';
import { DEFAULT_CAPTURE } from '../../../lib/model/settings';
import { recognizePage } from '../../../lib/sites';
import { gmailThreadHtml, type GmailMessage } from '../../../lib/sites/fixtures/gmailPage';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const TODAY = NOW.toISOString().slice(0, 10);
const ME = { email: 'sam@seller.com', name: 'Sam Seller' };
const ANA = { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez' };
const TOM = { email: 'tom.baker@northwind-foods.com', name: 'Tom Baker' };
const LENA = { email: 'lena@seller.com', name: 'Lena Park' };

const COMPANIES = `Record ID,Company name,Company Domain Name,Industry,Create Date
7001,Northwind Foods,northwind-foods.com,Food Production,2023-01-10
7002,Acme Foods,acme.com,Food Production,2023-01-10`;
const CONTACTS = `Record ID,First Name,Last Name,Email,Job Title,Associated Company,Primary Associated Company ID,Create Date
801,Ana,Lopez,ana.lopez@northwind-foods.com,Purchasing Manager,Northwind Foods,7001,2023-02-01
802,Joe,Park,joe.park@acme.com,Buyer,Acme Foods,7002,2023-02-01`;

const day = (d: number, h: number) => `Nov ${d}, 2026, ${h}:00 AM`;
const THREADS: { subject: string; messages: GmailMessage[] }[] = [
  { subject: 'Volumes for 2027', messages: [
    { from: ANA, to: [ME], date: day(10, 9), body: 'Could you hold the price?' },
    { from: ME, to: [ANA], cc: [LENA], date: day(10, 11), body: 'Let me check.' },
  ] },
  { subject: 'Delivery week 48', messages: [
    { from: ANA, to: [ME], date: day(17, 9), body: 'When does it arrive?' },
    { from: ME, to: [ANA], date: day(17, 10), body: 'Tuesday.' },
  ] },
  { subject: 'New supplier review', messages: [
    { from: ME, to: [ANA], date: day(24, 9), body: 'Any news?' },
    { from: ANA, to: [ME], cc: [TOM], date: day(25, 8), body: 'Tom joins us from purchasing and reviews suppliers.' },
  ] },
];

function pageOf(thread: (typeof THREADS)[number], index: number) {
  const url = `https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq${index}`;
  const window = new Window({ url });
  window.document.write(gmailThreadHtml({ me: ME, subject: thread.subject, messages: thread.messages }));
  return recognizePage(window.document as unknown as Document, url);
}

async function importText(db: Db, text: string, fileName: string) {
  const preview = await parseImportFile(text, { fileName, accountIndex: await accountKeyIndex(db), now: NOW });
  expect(preview.rejected).toEqual([]);
  await commitImport(db, preview.batch, importRecordOf(preview, fileName, NOW));
}

let db: Db;
beforeAll(async () => {
  db = await openKeepAccountDb({ name: 'capture-crm-only' });
  await importText(db, COMPANIES, 'hubspot-companies.csv');
  await importText(db, CONTACTS, 'hubspot-contacts.csv');
  await linkAndRescore(db, NOW);
  expect(await db.count('activities')).toBe(0);
});

describe('conversations remembered with CRM exports only', () => {
  it('remembers each message once: reopening adds nothing; colleagues are never remembered', async () => {
    const added = [];
    for (const [i, thread] of THREADS.entries()) added.push((await rememberConversation(db, pageOf(thread, i), { today: TODAY })).added);
    expect(added).toEqual([2, 2, 2]);
    for (const [i, thread] of THREADS.entries()) expect((await rememberConversation(db, pageOf(thread, i), { today: TODAY })).added).toBe(0);
    expect(await countTouches(db)).toBe(6);
    const touches = await allTouches(db);
    expect(touches.every((t) => t.accountId === 'northwind-foods.com')).toBe(true);
    expect(JSON.stringify(touches)).not.toContain('lena@seller.com');
    expect(JSON.stringify(touches)).not.toContain('hold the price');
    expect(touches.some((t) => t.subject)).toBe(false);
    // Conversations by Gmail's thread id: three threads, six messages (the Data page's count, through the read-only handle).
    expect(await countRemembered(readOnly(db))).toEqual({ conversations: 3, messages: 6 });
  });

  it('the sidebar: single-threaded from the remembered emails, and the newcomer in cc who is not in the CRM', async () => {
    await rescoreAll(db, NOW);
    const state = await buildSidebarState(db, pageOf(THREADS[2]!, 2), { now: NOW.toISOString() });
    expect(state.status).toBe('account');
    const text = JSON.stringify(state);
    expect(text).toContain('new at Northwind Foods: Tom Baker (tom.baker@northwind-foods.com), first seen in cc today — not in your CRM');
    if (state.status !== 'account') return;
    expect(state.insight.people?.contacts.map((c) => c.email)).toEqual(expect.arrayContaining([ANA.email, TOM.email]));
    expect(state.insight.people?.notes).toContain('single-threaded: 6 of 6 emails this year went to one person (Ana Lopez, Purchasing Manager)');
  });

  it('the Single-threaded page lists the account from the remembered emails, with no activity import', async () => {
    const rows = singleThreadedAccounts(await loadBook(db), { today: TODAY });
    // Acme Foods is there too, from its one CRM contact alone (0 emails); Northwind Foods from the six remembered ones.
    expect(rows.map((r) => [r.name, r.touches, r.total, r.person.name])).toEqual(expect.arrayContaining([['Northwind Foods', 6, 6, 'Ana Lopez'], ['Acme Foods', 0, 0, 'Joe Park']]));
  });

  it('the sidebar shows the one-time notice, then how much of the conversation is remembered; Forget removes it', async () => {
    const page = pageOf(THREADS[2]!, 2);
    const first = await buildSidebarState(db, page, { now: NOW.toISOString() });
    expect(first.status === 'account' && first.capture).toMatchObject({ on: true, showNotice: true, remembered: 2, setByTeam: false });
    expect(first.status === 'account' && first.capture?.text).toContain('on this computer only');
    await answerCaptureNotice(db, 'seen');
    const second = await buildSidebarState(db, page, { now: NOW.toISOString() });
    expect(second.status === 'account' && second.capture?.text).toBe('2 messages of this conversation remembered on this computer. With Northwind Foods: 3 conversations (6 messages) in all.');
    expect(second.status === 'account' && second.capture).toMatchObject({ site: 'gmail', siteOff: false, account: { conversations: 3, messages: 6 }, siteSwitch: "Don't remember on Gmail" });
    await forgetConversation(db, 'gmail', page.messages!.map((m) => m.id));
    const third = await buildSidebarState(db, page, { now: NOW.toISOString() });
    expect(third.status === 'account' && third.capture?.remembered).toBe(0);
    expect(JSON.stringify(third)).not.toContain('Tom Baker');
    const byTeam = await buildSidebarState(db, page, { now: NOW.toISOString(), policy: { capture: 'off' } });
    expect(byTeam.status === 'account' && byTeam.capture?.text).toBe('Remembering conversations is off — set by your team.');
    // Opened again: remembered again (the content script keeps what the rep forgot on this page from being sent).
    expect((await rememberConversation(db, page, { today: TODAY })).added).toBe(2);
  });

  it('Forget forgets the whole conversation, also its messages no longer on screen', async () => {
    const page = pageOf(THREADS[1]!, 1);
    expect(page.threadId).toBeTruthy();
    await rememberConversation(db, page, { today: TODAY });
    const before = await countRemembered(db);
    // The conversation shown again with one message only (the other collapsed or deleted since): both are forgotten.
    const onScreen = page.messages!.slice(1).map((m) => m.id);
    expect(await forgetConversation(db, 'gmail', onScreen, page.threadId)).toBe(2);
    expect(await countRemembered(db)).toEqual({ conversations: before.conversations - 1, messages: before.messages - 2 });
    // Another conversation's messages are never reached through a thread id that is not theirs.
    expect(await forgetConversation(db, 'gmail', ['no-such-message'], 'no-such-thread')).toBe(0);
    expect(await countRemembered(db)).toEqual({ conversations: before.conversations - 1, messages: before.messages - 2 });
    expect((await rememberConversation(db, page, { today: TODAY })).added).toBe(2);
  });

  it('"Don\'t remember on Gmail" turns remembering off on that site only; the sidebar says so and offers no switch', async () => {
    await answerCaptureNotice(db, 'turnOffSite', 'gmail');
    expect(await loadCaptureSettings(db)).toMatchObject({ enabled: true, noticeSeen: true, sites: { gmail: false, outlook: true } });
    const page = pageOf(THREADS[0]!, 0);
    const state = await buildSidebarState(db, page, { now: NOW.toISOString() });
    expect(state.status === 'account' && state.capture).toMatchObject({ on: false, siteOff: true, text: 'Remembering conversations is off on Gmail.' });
    expect(state.status === 'account' && state.capture?.siteSwitch).toBeUndefined();
    await forgetConversation(db, 'gmail', page.messages!.map((m) => m.id));
    expect((await rememberConversation(db, page, { today: TODAY })).added).toBe(0);
    await expect(answerCaptureNotice(db, 'turnOffSite')).rejects.toThrow('None was named');
    await saveCaptureSettings(db, { ...DEFAULT_CAPTURE, noticeSeen: true });
    expect((await rememberConversation(db, page, { today: TODAY })).added).toBe(2);
  });

  it('"Turn off" in the notice turns remembering off and never on', async () => {
    await answerCaptureNotice(db, 'turnOff');
    expect(await loadCaptureSettings(db)).toMatchObject({ enabled: false, noticeSeen: true });
    await answerCaptureNotice(db, 'seen');
    expect((await loadCaptureSettings(db)).enabled).toBe(false);
    await saveCaptureSettings(db, { ...DEFAULT_CAPTURE, noticeSeen: true });
  });

  it('backups carry the remembered conversations, and delete-all forgets them', async () => {
    const text = await exportBackup(db, NOW);
    expect(JSON.parse(text).stores.touches).toHaveLength(6);
    expect(await restoreBackup(db, text)).toMatchObject({ ok: true, counts: { touches: 6 } });
    expect(await countTouches(db)).toBe(6);
    const other = await openKeepAccountDb({ name: 'capture-delete-all' });
    expect(await restoreBackup(other, text)).toMatchObject({ ok: true });
    await deleteEverything(other);
    expect(await countTouches(other)).toBe(0);
    other.close();
  });

  it('nothing is remembered when the team policy or the rep turns it off, or past the retention limit', async () => {
    const page = { ...pageOf(THREADS[0]!, 0), messages: pageOf(THREADS[0]!, 0).messages!.map((m) => ({ ...m, id: `${m.id}x` })) };
    expect(await rememberConversation(db, page, { today: TODAY, policy: { capture: 'off' } })).toEqual({ added: 0, on: false });
    await saveCaptureSettings(db, { ...DEFAULT_CAPTURE, enabled: false });
    expect((await rememberConversation(db, page, { today: TODAY })).added).toBe(0);
    await saveCaptureSettings(db, { ...DEFAULT_CAPTURE, retentionMonths: 1 });
    expect((await rememberConversation(db, page, { today: '2027-06-01' })).added).toBe(0);
    // Applied on rescoring too: a month later, everything remembered is past a one-month limit.
    await rescoreAll(db, new Date('2027-06-01T12:00:00.000Z'));
    expect(await countTouches(db)).toBe(0);
    await saveCaptureSettings(db, DEFAULT_CAPTURE);
  });
});
