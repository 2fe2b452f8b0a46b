import { describe, expect, it } from 'vitest';
import { PageContext } from '../../../lib/model/page';
import { findComposeBodies, recognizePage } from '../../../lib/sites';
import { gmailHashView } from '../../../lib/sites/gmail';
import { docFrom, fixture } from './helpers';

const THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmvPqLxq';

function recognize(file: string, url: string) {
  const context = recognizePage(docFrom(fixture(`gmail/${file}`), url), url);
  expect(PageContext.safeParse(context).success).toBe(true);
  return context;
}

describe('Gmail conversation', () => {
  it('reads every message: senders (collapsed ones too), recipients, cc from the details table; leaves out me', () => {
    const context = recognize('thread-expanded.html', THREAD_URL);
    expect(context.site).toBe('gmail');
    expect(context.view).toBe('thread');
    expect(context.subject).toBe('Delivery for week 48');
    expect(context.people).toEqual(
      expect.arrayContaining([
        { email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'from' },
        { email: 'lena@seller.com', name: 'Lena Park', role: 'to' },
        { email: 'carl@northwind-foods.com', name: 'Carl Ortiz', role: 'to' },
        { email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'to' },
        { email: 'bob@northwind-foods.com', name: 'Bob Ng', role: 'cc' },
      ]),
    );
    expect(context.people).toHaveLength(5);
    expect(context.people.some((person) => person.email === 'sam@seller.com')).toBe(false);
    // Addresses written inside a message body are not people on screen.
    expect(context.people.some((person) => person.email === 'procurement@northwind-foods.com')).toBe(false);
    expect(context.reason).toBeUndefined();
  });

  it('takes bodyText from the newest message, without the quoted history', () => {
    const context = recognize('thread-expanded.html', THREAD_URL);
    expect(context.bodyText).toContain('Another supplier offered us a lower price');
    expect(context.bodyText).not.toContain('week 48 is confirmed');
  });

  it('ignores hidden earlier views and reads the open reply box (chips by field)', () => {
    const context = recognize('thread-reply-open.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq');
    expect(context.subject).toBe('Re: Sample order');
    expect(context.people).toEqual([
      { email: 'joe.park@brightfoods.com', name: 'Joe Park', role: 'to' },
      { email: 'joe.park@brightfoods.com', name: 'Joe Park', role: 'from' },
      { email: 'ops@brightfoods.com', name: 'Ops Team', role: 'cc' },
    ]);
    expect(context.people.some((person) => person.email === 'old@stale-view.com')).toBe(false);
    expect(context.bodyText).toBe('Congratulations Joe! Samples are on their way.');
  });

  it('reads a pop-up compose window over the inbox: recipients as typed, subject; not the list behind it', () => {
    const context = recognize('compose-dialog.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new');
    expect(context.view).toBe('compose');
    expect(context.subject).toBe('Pricing for 2027');
    expect(context.people).toEqual([
      { email: 'buyer@bigco.com', name: 'Bea Buyer', role: 'to' },
      { email: 'cfo@bigco.com', name: 'Cy Fo', role: 'cc' },
    ]);
  });

  it('reports nobody on the inbox list, the side panel or settings', () => {
    const list = recognize('inbox-list.html', 'https://mail.google.com/mail/u/0/#inbox');
    expect(list).toMatchObject({ site: 'gmail', view: 'list', people: [] });
    const search = recognize('inbox-list.html', 'https://mail.google.com/mail/u/0/#search/northwind');
    expect(search).toMatchObject({ view: 'list', people: [] });
    const settings = recognize('thread-expanded.html', 'https://mail.google.com/mail/u/0/#settings/general');
    expect(settings).toMatchObject({ view: 'other', people: [] });
    const chat = recognize('thread-expanded.html', 'https://mail.google.com/chat/u/0/#chat/home');
    expect(chat).toMatchObject({ view: 'other', people: [] });
  });

  it('degrades to a reason naming the selector when message headers are missing, never to a wrong person', () => {
    const context = recognize('thread-no-header.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq');
    expect(context.view).toBe('thread');
    expect(context.people).toEqual([]);
    expect(context.reason).toMatch(/message header was not found.*\.gD\[email\]/);
  });

  it('finds the signed-in user from the window title when there is no account switcher', () => {
    const html = fixture('gmail/thread-reply-open.html');
    expect(html).not.toContain('Google Account:');
    const context = recognizePage(docFrom(html, THREAD_URL), THREAD_URL);
    expect(context.people.some((person) => person.email === 'sam@seller.com')).toBe(false);
  });
});

describe('findComposeBodies', () => {
  it('returns only real, visible, editable bodies, newest first', () => {
    const doc = docFrom(fixture('gmail/thread-reply-open.html'), THREAD_URL);
    const bodies = findComposeBodies(doc);
    expect(bodies.map((body) => body.id)).toEqual([':r9']);
  });

  it('finds the pop-up compose body and none on the list', () => {
    expect(findComposeBodies(docFrom(fixture('gmail/compose-dialog.html')))).toHaveLength(1);
    expect(findComposeBodies(docFrom(fixture('gmail/inbox-list.html')))).toEqual([]);
  });

  it('orders several open boxes newest (last in the page) first and skips display:none and read-only ones', () => {
    const doc = docFrom(`<div role="main">
      <div class="M9"><div id="a" role="textbox" contenteditable="true" g_editable="true"></div></div>
      <div class="M9" style="display:none"><div id="hidden" role="textbox" contenteditable="true"></div></div>
      <div id="ro" role="textbox" contenteditable="false"></div>
      <div role="dialog"><div id="b" role="textbox" contenteditable="true" aria-label="Message Body"></div></div></div>`);
    expect(findComposeBodies(doc).map((body) => body.id)).toEqual(['b', 'a']);
  });
});

describe('gmailHashView', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'list'],
    ['https://mail.google.com/mail/u/3/#inbox/FMfcgzQXJWDsKmvPqLxq', 'thread'],
    ['https://mail.google.com/mail/u/0/#search/acme+pricing', 'list'],
    ['https://mail.google.com/mail/u/0/#search/acme+pricing/FMfcgzQXJWDsKmvPqLxq', 'thread'],
    ['https://mail.google.com/mail/u/0/#label/Customers%2FKey', 'list'],
    ['https://mail.google.com/mail/u/0/#label/Customers/18ba1c0f2e3d4c5b', 'thread'],
    ['https://mail.google.com/mail/u/0/#sent/18ba1c0f2e3d4c5b', 'thread'],
    ['https://mail.google.com/mail/u/0/#category/promotions', 'list'],
    ['https://mail.google.com/mail/u/0/#settings/general', 'other'],
    ['https://mail.google.com/mail/u/0/#chat/home', 'other'],
    ['https://mail.google.com/mail/u/0/', 'unknown'],
  ])('%s → %s', (url, kind) => {
    expect(gmailHashView(new URL(url)).kind).toBe(kind);
  });

  it('notices an open compose window', () => {
    expect(gmailHashView(new URL('https://mail.google.com/mail/u/0/#inbox?compose=new')).compose).toBe(true);
  });
});
