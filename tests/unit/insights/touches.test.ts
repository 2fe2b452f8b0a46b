import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/model/page';
import { Touch } from '../../../lib/model/records';
import { recognizePage } from '../../../lib/sites';
import { sentAtOf } from '../../../lib/sites/messageDate';
import { activitiesOfTouch, addressesOf, isMachineAddress, mergeActivities, touchesOf, withinRetention, type KnownAddress } from '../../../lib/insights/people/touches';
import { docFrom, fixture } from '../sites/helpers';

const GMAIL_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmvPqLxq';
const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM1';
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

const page = (file: string, url: string) => recognizePage(docFrom(fixture(file), url), url);
const northwind = (contact: boolean): KnownAddress => ({ contact, accountId: 'northwind-foods.com' });
const knownNorthwind = (context: PageContext) =>
  new Map(addressesOf(context).filter((email) => email.endsWith('@northwind-foods.com')).map((email) => [email, northwind(email.startsWith('ana'))]));

describe('messages on the page', () => {
  it('Gmail: every message of the thread with its id, date and people, the signed-in user included', () => {
    const context = page('gmail/thread-expanded.html', GMAIL_URL);
    expect(context.signedIn).toBe('sam@seller.com');
    expect(context.messages?.map((m) => [m.id, m.sentAt])).toEqual([
      ['18ba1c0f2e3d4c11', local(2026, 11, 16, 9, 2)],
      ['18ba1c0f2e3d4c12', local(2026, 11, 17, 10, 15)],
      ['18ba1c0f2e3d4c13', local(2026, 11, 18, 8, 40)],
    ]);
    expect(context.messages?.[1]?.people).toEqual(
      expect.arrayContaining([
        { email: 'sam@seller.com', name: 'Sam Seller', role: 'from' },
        { email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'to' },
        { email: 'bob@northwind-foods.com', name: 'Bob Ng', role: 'cc' },
      ]),
    );
  });

  it('Gmail with a reply open and without headers: ids without dates are not touches', () => {
    for (const file of ['gmail/thread-reply-open.html', 'gmail/thread-no-header.html', 'gmail/thread-side-panel.html']) {
      const context = page(file, GMAIL_URL);
      for (const message of context.messages ?? []) expect(message.sentAt).toBeUndefined();
      expect(touchesOf(context, { known: knownNorthwind(context) })).toEqual([]);
    }
    // The thread id is the visible conversation's, not the hidden earlier view's.
    expect(page('gmail/thread-reply-open.html', GMAIL_URL).threadId).toBe('18ba1c0f2e3d4d00');
  });

  it('Outlook: the expanded message with its MSG_ id and sent time; collapsed ones show names only, the rep by name is the rep', () => {
    const context = page('outlook/conversation.html', OUTLOOK_URL);
    expect(context.signedIn).toBe('sam.rivera@seller.example');
    expect(context.messages).toEqual([
      {
        id: 'AAMkADAwATM1mC',
        sentAt: local(2026, 11, 25, 8, 1),
        people: [
          { email: 'carl.ortiz@northwind-foods.com', name: 'Carl Ortiz', role: 'from' },
          { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez', role: 'to' },
        ],
      },
      // The rep's own message, collapsed: OWA shows the signed-in user by name only, which stands for the rep's address.
      { id: 'AAMkADAwATM1mB', people: [{ email: 'sam.rivera@seller.example', name: 'Sam Rivera', role: 'from' }] },
    ]);
    expect(context.threadId).toBe('AAQkADAwATM1');
  });

  it('reads header dates in English words and in numbers', () => {
    expect(sentAtOf('Mon, Nov 16, 2026, 9:02 AM')).toBe(local(2026, 11, 16, 9, 2));
    expect(sentAtOf('16 Nov 2026, 21:05')).toBe(local(2026, 11, 16, 21, 5));
    expect(sentAtOf('Wed 11/25/2026 12:30 PM')).toBe(local(2026, 11, 25, 12, 30));
    expect(sentAtOf('Mi 25.11.2026 08:01')).toBe(local(2026, 11, 25, 8, 1));
    expect(sentAtOf('yesterday')).toBeUndefined();
    expect(sentAtOf('Feb 30, 2026')).toBeUndefined();
  });
});

describe('touches of a conversation', () => {
  it('Gmail thread: direction by the signed-in address, own company left out, never the body or the subject', () => {
    const context = page('gmail/thread-expanded.html', GMAIL_URL);
    const touches = touchesOf(context, { known: knownNorthwind(context) });
    for (const touch of touches) expect(Touch.safeParse(touch).success).toBe(true);
    expect(touches.map((t) => [t.id, t.date, t.direction, t.from.email, t.to.map((a) => a.email), t.cc.map((a) => a.email), t.accountId])).toEqual([
      ['gmail:18ba1c0f2e3d4c11', local(2026, 11, 16, 9, 2).slice(0, 10), 'in', 'ana@northwind-foods.com', [], [], 'northwind-foods.com'],
      ['gmail:18ba1c0f2e3d4c12', local(2026, 11, 17, 10, 15).slice(0, 10), 'out', 'sam@seller.com', ['ana@northwind-foods.com'], ['bob@northwind-foods.com'], 'northwind-foods.com'],
      // lena@seller.com is a colleague (the rep's own domain): never recorded.
      ['gmail:18ba1c0f2e3d4c13', local(2026, 11, 18, 8, 40).slice(0, 10), 'in', 'ana@northwind-foods.com', ['carl@northwind-foods.com'], [], 'northwind-foods.com'],
    ]);
    expect(JSON.stringify(touches)).not.toContain('supplier');
    expect(JSON.stringify(touches)).not.toContain('lena@seller.com');
    expect(touches.some((t) => 'subject' in t)).toBe(false);
    expect(touchesOf(context, { known: knownNorthwind(context), keepSubject: true })[0]?.subject).toBe('Delivery for week 48');
    // Grouped by the conversation: Gmail's thread id of the open heading.
    expect(new Set(touches.map((t) => t.thread))).toEqual(new Set(['gmail:18ba1c0f2e3d4c5b']));
  });

  it('keeps nothing of a conversation with no known account, unless new companies are kept too', () => {
    const context = page('gmail/thread-expanded.html', GMAIL_URL);
    expect(touchesOf(context, { known: new Map() })).toEqual([]);
    expect(touchesOf(context, { known: new Map(), rememberNewCompanies: true })).toHaveLength(3);
  });

  it('listed own domains, free-mail strangers and no-reply senders are never recorded', () => {
    const base = { site: 'gmail' as const, view: 'thread' as const, people: [], signedIn: 'rep@seller.com' };
    const context: PageContext = {
      ...base,
      messages: [
        { id: 'm1', sentAt: '2026-11-20T09:00:00.000Z', people: [
          { email: 'ana@northwind-foods.com', role: 'from' },
          { email: 'rep@seller.com', role: 'to' },
          { email: 'boss@seller-group.com', role: 'cc' },
          { email: 'stranger@gmail.com', role: 'cc' },
          { email: 'joe.private@gmail.com', role: 'cc' },
        ] },
        { id: 'm2', sentAt: '2026-11-21T09:00:00.000Z', people: [{ email: 'no-reply@northwind-foods.com', role: 'from' }, { email: 'rep@seller.com', role: 'to' }] },
        { id: 'm3', sentAt: '2026-11-22T09:00:00.000Z', people: [{ email: 'newsletter+nov@northwind-foods.com', role: 'from' }] },
        { id: 'm4', sentAt: '2026-11-23T09:00:00.000Z', people: [{ email: 'colleague@seller.com', role: 'from' }, { email: 'ana@northwind-foods.com', role: 'to' }] },
      ],
    };
    const known = new Map<string, KnownAddress>([['ana@northwind-foods.com', northwind(true)], ['joe.private@gmail.com', northwind(true)]]);
    const touches = touchesOf(context, { known, ownDomains: ['seller-group.com'] });
    expect(touches.map((t) => [t.messageId, t.from.email, t.cc.map((a) => a.email)])).toEqual([['m1', 'ana@northwind-foods.com', ['joe.private@gmail.com']]]);
    expect(isMachineAddress('noreply@x.com') && isMachineAddress('do-not-reply@x.com') && isMachineAddress('mailer-daemon@x.com')).toBe(true);
    expect(isMachineAddress('info@small-bakery.de')).toBe(false);
  });

  it('Outlook conversation: the customer message to the rep, tied to the account', () => {
    const context = page('outlook/conversation.html', OUTLOOK_URL);
    const touches = touchesOf(context, { known: knownNorthwind(context) });
    expect(touches).toEqual([
      {
        id: 'outlook:AAMkADAwATM1mC', site: 'outlook', messageId: 'AAMkADAwATM1mC', thread: 'outlook:AAQkADAwATM1', at: local(2026, 11, 25, 8, 1), date: local(2026, 11, 25, 8, 1).slice(0, 10),
        accountId: 'northwind-foods.com', direction: 'in',
        from: { email: 'carl.ortiz@northwind-foods.com', name: 'Carl Ortiz' }, to: [{ email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez' }], cc: [],
      },
    ]);
  });
});

describe('remembered touches as activity', () => {
  const touch: Touch = {
    id: 'gmail:m1', site: 'gmail', messageId: 'm1', at: '2026-11-20T09:00:00.000Z', date: '2026-11-20', accountId: 'a', direction: 'out',
    from: { email: 'rep@seller.com' }, to: [{ email: 'ana@a.com' }], cc: [{ email: 'tom@a.com' }],
  };

  it('the rep writing counts for the person written to and dates the person in cc', () => {
    expect(activitiesOfTouch(touch).map((a) => [a.email, a.kind, a.seenAs])).toEqual([['ana@a.com', 'email-out', 'to'], ['tom@a.com', 'email-out', 'cc']]);
  });

  it('an imported email and the remembered one count once', () => {
    const imported = [{ id: 'i1', email: 'ana@a.com', date: '2026-11-20', kind: 'email-out' as const, accountId: 'a' }];
    const merged = mergeActivities(imported, [touch, { ...touch, id: 'gmail:m2', messageId: 'm2', date: '2026-11-21', at: '2026-11-21T09:00:00.000Z' }]);
    expect(merged.filter((a) => a.email === 'ana@a.com').map((a) => a.date)).toEqual(['2026-11-20', '2026-11-21']);
  });

  it('the retention limit keeps the last N months', () => {
    const old = { ...touch, date: '2024-11-30' };
    expect(withinRetention([old, touch], '2026-12-01', 24)).toEqual([touch]);
    expect(withinRetention([{ ...touch, date: '2024-12-01' }], '2026-12-01', 24)).toHaveLength(1);
  });
});

describe('champion moves from remembered touches alone', () => {
  it('Joe Park stops writing from acme.com and writes from brightfoods.com: a departure and a lead, no activity import', async () => {
    const { championMoves } = await import('../../../lib/insights/people/moves');
    const account = (id: string, name: string) => ({ id, name, domains: [id], crmIds: [], customerKeys: [], updatedAt: '2026-01-01' });
    const joe = { email: 'joe.park@acme.com', accountId: 'acme.com', name: 'Joe Park', title: 'Head of Purchasing', crmIds: [], status: 'active' as const, updatedAt: '2026-01-01' };
    const inbound = (id: string, date: string, from: string, accountId?: string): Touch => ({
      id: `gmail:${id}`, site: 'gmail', messageId: id, at: `${date}T09:00:00.000Z`, date, direction: 'in', from: { email: from, name: 'Joe Park' }, to: [], cc: [], ...(accountId ? { accountId } : {}),
    });
    const touches = [
      ...['2026-01-12', '2026-02-03', '2026-03-02', '2026-03-20'].map((date, i) => inbound(`a${i}`, date, 'joe.park@acme.com', 'acme.com')),
      inbound('b1', '2026-11-02', 'joe.park@brightfoods.com', 'brightfoods.com'),
    ];
    const moves = championMoves([account('acme.com', 'Acme Foods'), account('brightfoods.com', 'Bright Foods')], [joe], mergeActivities([], touches), { today: '2026-11-25' });
    expect(moves.departures).toEqual([expect.objectContaining({ email: 'joe.park@acme.com', accountId: 'acme.com', newEmail: 'joe.park@brightfoods.com', newDomain: 'brightfoods.com' })]);
    expect(moves.leads).toEqual([expect.objectContaining({ name: 'Joe Park', formerAccountId: 'acme.com', newDomain: 'brightfoods.com' })]);
  });
});
