import { describe, expect, it, vi } from 'vitest';
import { routeMessage, type Handlers } from '../../../lib/messaging/router';
import { MAX_MESSAGE_BYTES, PageMessage } from '../../../lib/model/messages';

const self = { id: 'haemgkbjeoldoiiaealfdkodcnagihdf', origin: 'chrome-extension://haemgkbjeoldoiiaealfdkodcnagihdf/' };
const optionsPage = { id: self.id, url: `${self.origin}options.html`, origin: `chrome-extension://${self.id}`, tab: { id: 9 } };
const contentScript = { id: self.id, url: 'https://mail.google.com/mail/u/0/#inbox/FMfc', origin: 'https://mail.google.com', tab: { id: 4 } };
const page = { site: 'gmail', view: 'thread', people: [{ email: 'ann@northwind-foods.com', role: 'from' }] };

function handlers(): Handlers {
  const ok = vi.fn(async () => 'done');
  return {
    getSidebarState: ok,
    recordQuestion: ok,
    openOptions: ok,
    forgetConversation: ok,
    captureNotice: ok,
    saveCaptureSettings: ok,
    forgetAllConversations: ok,
    dataChanged: ok,
    rescore: ok,
    deleteAccount: ok,
    deleteAll: ok,
    savePlaybooks: ok,
    restoreBackup: ok,
    saveMapping: ok,
    saveSettings: ok,
    dismissLinkOffer: ok,
    saveFileSettings: ok,
    previewQuestions: ok,
    addSelfHostedCrm: ok,
    linkAccounts: ok,
    unlinkAccounts: ok,
  } as unknown as Handlers;
}

const mapping = { kind: 'orders', columns: { date: 'Datum', amount: 'Summe', customerId: 'Kundennummer' } };
/** One valid message of every privileged type: the options page's writes (and preview), never a content script's. */
const PRIVILEGED: [PageMessage['type'], unknown][] = [
  ['dataChanged', { type: 'dataChanged' }],
  ['deleteAll', { type: 'deleteAll', confirm: 'delete everything' }],
  ['deleteAccount', { type: 'deleteAccount', accountId: 'acmeflavors.com' }],
  ['savePlaybooks', { type: 'savePlaybooks', playbooks: [] }],
  ['restoreBackup', { type: 'restoreBackup', text: '{"format":"keep-account/backup"}' }],
  ['saveMapping', { type: 'saveMapping', mappingKey: 'map-0a1b2c3d4e5f', mapping }],
  ['saveSettings', { type: 'saveSettings', settings: { staleAfterDays: 30 } }],
  ['dismissLinkOffer', { type: 'dismissLinkOffer', offerId: 'same-name|acme|a|b' }],
  ['saveFileSettings', { type: 'saveFileSettings', mappingKey: 'map-0a1b2c3d4e5f', settings: { currency: 'USD', decimal: '.' } }],
  ['previewQuestions', { type: 'previewQuestions', accountId: 'acmeflavors.com' }],
  ['rescore', { type: 'rescore' }],
  ['addSelfHostedCrm', { type: 'addSelfHostedCrm', origin: 'https://crm.example.org', crm: 'odoo' }],
  ['linkAccounts', { type: 'linkAccounts', fromId: 'customer:10190', intoId: 'baeckerei-schroeder.de' }],
  ['unlinkAccounts', { type: 'unlinkAccounts', linkId: 'link:customer:10190' }],
  ['saveCaptureSettings', { type: 'saveCaptureSettings', settings: { enabled: false } }],
  ['forgetAllConversations', { type: 'forgetAllConversations' }],
];

describe('routeMessage: every message parsed, every sender checked', () => {
  it('answers a content script asking for the sidebar state of the page on screen', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'getSidebarState', page }, contentScript, self, h)).toEqual({ ok: true, value: 'done' });
    expect(h.getSidebarState).toHaveBeenCalledOnce();
  });

  it('takes "remember this conversation" from a content script only within the page schema\'s bounds (issue 16)', async () => {
    const h = handlers();
    const message = { id: '18ba1c0f2e3d4c11', sentAt: '2026-11-16T09:02:00.000Z', people: [{ email: 'ann@northwind-foods.com', role: 'from' }] };
    const ask = (p: unknown, remember?: unknown) => routeMessage({ type: 'getSidebarState', page: p, ...(remember ? { remember } : {}) }, contentScript, self, h);
    expect(await ask({ ...page, messages: [message] }, [message.id])).toEqual({ ok: true, value: 'done' });
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ ...message, id: `m${i}` }));
    expect(await ask({ ...page, messages: tooMany }, tooMany.map((m) => m.id))).toMatchObject({ ok: false, error: expect.stringContaining('getSidebarState') });
    expect(await ask(page, tooMany.map((m) => m.id))).toMatchObject({ ok: false });
    const crowded = { ...page, messages: [{ ...message, people: Array.from({ length: 101 }, (_, i) => ({ email: `p${i}@x.com`, role: 'cc' })) }] };
    expect(await ask(crowded, [message.id])).toMatchObject({ ok: false });
    expect(await ask({ ...page, messages: [{ ...message, id: '' }] }, [''])).toMatchObject({ ok: false });
    expect(await ask(page, [''])).toMatchObject({ ok: false });
    expect(h.getSidebarState).toHaveBeenCalledOnce();
  });

  it('tests every privileged message type (a new write message is added to the list above, and so refused from content scripts)', () => {
    const types = PageMessage.options.map((o) => o.shape.type.value);
    expect(PRIVILEGED.map(([type]) => type).sort()).toEqual([...types].sort());
  });

  it.each(PRIVILEGED)('refuses %s from a content script, accepts it from the options page', async (type, message) => {
    const h = handlers();
    const refused = await routeMessage(message, contentScript, self, h);
    expect(refused).toEqual({ ok: false, error: `"${type}" is only accepted from the extension's own pages` });
    expect(h[type as keyof Handlers]).not.toHaveBeenCalled();
    expect(await routeMessage(message, optionsPage, self, h)).toEqual({ ok: true, value: 'done' });
  });

  it('refuses messages from other extensions and pages pretending to be ours', async () => {
    const h = handlers();
    expect(await routeMessage({ type: 'rescore' }, { id: 'otherextension', url: optionsPage.url }, self, h)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'rescore' }, { id: self.id, url: 'https://evil.example/' + self.origin }, self, h)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'rescore' }, { id: self.id, url: `${self.origin}x`, origin: 'https://mail.google.com', tab: { id: 1 } }, self, h)).toMatchObject({ ok: false });
    expect(h.rescore).not.toHaveBeenCalled();
  });

  it('replies with an error naming the problem for messages that do not parse', async () => {
    const h = handlers();
    const bad = await routeMessage({ type: 'getSidebarState', page: { ...page, people: [{ email: 'x', role: 'boss' }] } }, contentScript, self, h);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^bad "getSidebarState" message: page\.people\.0\./);
    expect(await routeMessage('hello', contentScript, self, h)).toEqual({ ok: false, error: 'unknown message' });
    expect(await routeMessage({ type: 'deleteAll', confirm: 'yes' }, optionsPage, self, h)).toMatchObject({ ok: false, error: expect.stringContaining('confirm') });
    expect(h.getSidebarState).not.toHaveBeenCalled();
    expect(h.deleteAll).not.toHaveBeenCalled();
  });

  it('parses the new write messages: a backup over the message limit, a foreign mapping key or a mapping of another shape is refused', async () => {
    const h = handlers();
    const huge = await routeMessage({ type: 'restoreBackup', text: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }, optionsPage, self, h);
    expect(huge).toMatchObject({ ok: false, error: expect.stringMatching(/^bad "restoreBackup" message: text: /) });
    expect(await routeMessage({ type: 'restoreBackup', text: 42 }, optionsPage, self, h)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'saveMapping', mappingKey: 'playbookOrder', mapping }, optionsPage, self, h)).toMatchObject({ ok: false, error: expect.stringContaining('mappingKey') });
    expect(await routeMessage({ type: 'saveMapping', mappingKey: 'map-0a1b', mapping: { kind: 'invoices', columns: {} } }, optionsPage, self, h)).toMatchObject({ ok: false, error: expect.stringContaining('mapping.kind') });
    expect(await routeMessage({ type: 'saveMapping', mappingKey: 'map-0a1b', mapping: { kind: 'orders', columns: { date: 7 } } }, optionsPage, self, h)).toMatchObject({ ok: false });
    expect(await routeMessage({ type: 'previewQuestions', accountId: '' }, optionsPage, self, h)).toMatchObject({ ok: false });
    expect(h.restoreBackup).not.toHaveBeenCalled();
    expect(h.saveMapping).not.toHaveBeenCalled();
    expect(h.previewQuestions).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply instead of a dropped message', async () => {
    const h = handlers();
    (h as any).rescore = async () => {
      throw new Error('quota exceeded');
    };
    expect(await routeMessage({ type: 'rescore' }, optionsPage, self, h)).toEqual({ ok: false, error: 'quota exceeded' });
  });
});
