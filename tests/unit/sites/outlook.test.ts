import { afterEach, describe, expect, it } from 'vitest';
import { PageContext } from '../../../lib/model/page';
import { findComposeBodies, outlookMailbox, recognizePage, setOutlookMailbox } from '../../../lib/sites';
import { outlookRoute, roleOfLabel } from '../../../lib/sites/outlook';
import { docFrom, fixture } from './helpers';

const ITEM = 'AAQkADAwATM0MDAAMS1iNTcwLWE0NQAQAHIFDYVF0mRNiNvxKnsZP14%3D';
const READ_URL = `https://outlook.office.com/mail/inbox/id/${ITEM}`;
const ME = { email: 'sam.rivera@seller.example', name: 'Sam Rivera' };

function recognize(file: string, url = READ_URL) {
  const context = recognizePage(docFrom(fixture(`outlook/${file}`), url), url);
  expect(PageContext.safeParse(context).success).toBe(true);
  return context;
}

afterEach(() => setOutlookMailbox({}));

describe('Outlook reading pane', () => {
  it('reads sender, recipients and cc of the open message (English); leaves out the signed-in mailbox and the list behind', () => {
    const context = recognize('reading-pane-en.html');
    expect(context).toMatchObject({ site: 'outlook', view: 'thread', subject: 'Delivery for week 48' });
    expect(context.people).toEqual([
      { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez', role: 'from' },
      { email: 'carl.ortiz@northwind-foods.com', name: 'Carl Ortiz', role: 'to' },
    ]);
    // Bob Ng is shown by name only: the matcher may resolve him among the account's contacts.
    expect(context.namedOnly).toEqual([{ name: 'Bob Ng', role: 'cc' }]);
    // The list rows carry addresses in their titles; they are not the open conversation.
    expect(context.people.some((p) => p.email === 'joe.park@brightfoods.com' || p.email === 'bea@bigco.com')).toBe(false);
    expect(context.bodyText).toContain('Another supplier offered us a lower price');
    expect(context.bodyText).not.toContain('Week 48 is confirmed');
    expect(context.reason).toBeUndefined();
  });

  it('reads a German tenant of an older build through the label fallbacks (Lesebereich, Von:, An:, Cc:)', () => {
    const context = recognize('reading-pane-de.html');
    expect(context).toMatchObject({ site: 'outlook', view: 'thread', subject: 'Lieferung für KW 48' });
    expect(context.people).toEqual([
      { email: 'anna.schmidt@nordwind-lebensmittel.de', name: 'Anna Schmidt', role: 'from' },
      { email: 'jonas.weber@nordwind-lebensmittel.de', name: 'Jonas Weber', role: 'to' },
      { email: 'eva.braun@nordwind-lebensmittel.de', name: 'Eva Braun', role: 'cc' },
    ]);
    expect(context.namedOnly).toBeUndefined();
    expect(context.bodyText).toBe('Hallo Sam,\nkönnen Sie den nächsten Liefertermin bestätigen?\nAnna');
  });

  it('reads every message of a conversation, collapsed ones too; a name shown elsewhere with its address takes that address', () => {
    const context = recognize('conversation.html', 'https://outlook.office.com/mail/id/AAQkADAwATM1xyz');
    expect(context.view).toBe('thread');
    expect(context.subject).toBe('Re: Volumes for 2027');
    expect(context.people).toEqual(
      expect.arrayContaining([
        { email: 'carl.ortiz@northwind-foods.com', name: 'Carl Ortiz', role: 'from' },
        { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez', role: 'to' },
        { email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez', role: 'from' },
      ]),
    );
    expect(context.people).toHaveLength(3);
    expect(context.namedOnly).toEqual([{ name: 'Dana Fox', role: 'cc' }]);
    expect(context.bodyText).toBe('Sam,\nwe are reviewing suppliers for next year and need your best price by Friday.\nCarl');
  });

  it('takes bodyText from the first message when it is the expanded one (newest on top, OWA default)', () => {
    const html = fixture('outlook/conversation.html').replace(
      '<div id="MSG_AAMkADAwATM1mA_FROM" class="fromLine collapsed"',
      '<div id="UniqueMessageBody_0" role="document">placeholder</div><div id="MSG_AAMkADAwATM1mZ_FROM"',
    );
    // The body placed before the first header belongs to no message; then headers and bodies pair in order.
    const context = recognizePage(docFrom(html, READ_URL), READ_URL);
    expect(context.bodyText).toContain('best price by Friday');
    const top = `<div data-app-section="MailReadCompose"><div data-app-section="ConversationContainer">
      <div id="MSG_a_FROM"><span data-lpc-hover-target-id="1">New Person&lt;new@x-corp.com&gt;</span></div><div id="UniqueMessageBody_a" role="document">newest</div>
      <div id="MSG_b_FROM"><span data-lpc-hover-target-id="2">Old Person&lt;old@x-corp.com&gt;</span></div><div id="UniqueMessageBody_b" role="document">oldest</div></div></div>`;
    expect(recognizePage(docFrom(top, READ_URL), READ_URL).bodyText).toBe('newest');
  });

  it('an open reply counts as compose: the conversation and the reply chips; the editor is found', () => {
    const url = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM2xyz';
    const context = recognize('reply-open.html', url);
    expect(context).toMatchObject({ site: 'outlook', view: 'compose', subject: 'Sample order' });
    expect(context.people).toEqual([
      { email: 'joe.park@brightfoods.com', name: 'Joe Park', role: 'from' },
      { email: 'ops@brightfoods.com', name: 'Ops Team', role: 'cc' },
      { email: 'joe.park@brightfoods.com', name: 'Joe Park', role: 'to' },
    ]);
    expect(context.namedOnly).toBeUndefined();
    const bodies = findComposeBodies(docFrom(fixture('outlook/reply-open.html'), url));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.getAttribute('aria-multiline')).toBe('true');
  });

  it('a new message: chips with an address, a chip with the name only, an address typed in Cc, the subject', () => {
    const context = recognize('compose-new.html', 'https://outlook.office.com/mail/deeplink/compose');
    expect(context).toMatchObject({ site: 'outlook', view: 'compose', subject: 'Pricing for 2027' });
    expect(context.people).toEqual([
      { email: 'bea@bigco.com', name: 'Bea Buyer', role: 'to' },
      { email: 'cfo@bigco.com', role: 'cc' },
    ]);
    expect(context.namedOnly).toEqual([{ name: 'Cy Fo', role: 'to' }]);
  });

  it('a pop-out reading window: the mailbox the main window showed is remembered, so the signed-in user stays out', () => {
    const url = 'https://outlook.office.com/mail/deeplink/readconv/AAQkADAwATM0xyz';
    const unknownMe = recognize('popout-read.html', url);
    expect(unknownMe.people).toEqual([{ email: 'ana.lopez@northwind-foods.com', name: 'Ana Lopez', role: 'from' }]);
    expect(unknownMe.namedOnly).toEqual([{ name: 'Sam Rivera', role: 'to' }]);
    setOutlookMailbox(outlookMailbox(docFrom(fixture('outlook/reading-pane-en.html'), READ_URL)));
    const knownMe = recognize('popout-read.html', url);
    expect(knownMe).toMatchObject({ site: 'outlook', view: 'thread', subject: 'Delivery for week 48' });
    expect(knownMe.namedOnly).toBeUndefined();
  });

  it('the message list, the calendar: nobody on screen, with a reason', () => {
    expect(recognize('message-list.html', 'https://outlook.office.com/mail/inbox')).toMatchObject({ view: 'list', people: [], reason: 'No conversation is open.' });
    expect(recognize('message-list.html', 'https://outlook.live.com/mail/0/')).toMatchObject({ view: 'list', people: [] });
    const calendar = recognize('calendar.html', 'https://outlook.office.com/calendar/view/week');
    expect(calendar).toMatchObject({ site: 'outlook', view: 'other', people: [] });
    expect(calendar.reason).toMatch(/calendar/);
    expect(recognize('reading-pane-en.html', 'https://outlook.office.com/mail/options/general')).toMatchObject({ view: 'other', people: [] });
  });

  it('older Outlook with addresses only in the hover card: nobody, and the reason says why', () => {
    const context = recognize('hover-card-only.html', 'https://outlook.office365.com/mail/inbox/id/AAQkADAwATM9xyz');
    expect(context.people).toEqual([]);
    expect(context.namedOnly).toEqual([{ name: 'Ana Lopez', role: 'from' }]);
    expect(context.reason).toMatch(/by name only.*hover/);
  });

  it('an item route whose conversation is missing says which selector failed', () => {
    const context = recognizePage(docFrom('<div data-app-section="MailReadCompose"></div>', READ_URL), READ_URL);
    expect(context).toMatchObject({ view: 'thread', people: [] });
    expect(context.reason).toContain('[id^="MSG_"][id$="_FROM"]');
  });

  it('the signed-in mailbox is never reported, on any fixture, on any of the four hosts', () => {
    for (const host of ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft']) {
      for (const file of ['reading-pane-en.html', 'reading-pane-de.html', 'conversation.html', 'reply-open.html', 'compose-new.html', 'message-list.html']) {
        const url = `https://${host}/mail/inbox/id/${ITEM}`;
        const context = recognize(file, url);
        expect(context.site).toBe('outlook');
        expect(context.people.some((p) => p.email === ME.email)).toBe(false);
        expect((context.namedOnly ?? []).some((p) => p.name === ME.name)).toBe(false);
      }
    }
  });
});

describe('the signed-in mailbox', () => {
  it('from the account manager, else the folder pane; the name from the account manager', () => {
    expect(outlookMailbox(docFrom(fixture('outlook/reading-pane-en.html')))).toEqual(ME);
    expect(outlookMailbox(docFrom(fixture('outlook/reading-pane-de.html')))).toEqual(ME);
    expect(outlookMailbox(docFrom(fixture('outlook/popout-read.html')))).toEqual({});
  });
});

describe('findComposeBodies on Outlook', () => {
  it('newest (last in the page) first; hidden, read-only and single-line boxes are left out; labels only as a fallback', () => {
    const doc = docFrom(
      `<div id="docking_InitVisiblePart_0"><div id="a" role="textbox" aria-multiline="true" contenteditable="true"></div></div>
       <div style="display:none"><div id="hidden" role="textbox" aria-multiline="true" contenteditable="true"></div></div>
       <div id="ro" role="textbox" aria-multiline="true" contenteditable="false"></div>
       <div id="to" role="textbox" contenteditable="true" aria-label="To"></div>
       <div data-app-section="Form_Content"><div id="b" role="textbox" contenteditable="true" aria-multiline="true"></div></div>`,
      READ_URL,
    );
    expect(findComposeBodies(doc).map((body) => body.id)).toEqual(['b', 'a']);
    // A build without roles: the German label finds the editor.
    const labelled = docFrom('<div id="to" contenteditable="true" aria-label="An"></div><div id="c" contenteditable="true" aria-label="Nachrichtentext"></div>', READ_URL);
    expect(findComposeBodies(labelled).map((body) => body.id)).toEqual(['c']);
    expect(findComposeBodies(docFrom(fixture('outlook/reading-pane-en.html'), READ_URL))).toEqual([]);
  });
});

describe('outlookRoute', () => {
  it.each([
    ['https://outlook.office.com/mail/', 'list', false],
    ['https://outlook.office.com/mail/inbox', 'list', false],
    [`https://outlook.office.com/mail/inbox/id/${ITEM}`, 'thread', false],
    [`https://outlook.office.com/mail/id/${ITEM}`, 'thread', false],
    [`https://outlook.office.com/mail/sentitems/id/${ITEM}`, 'thread', false],
    [`https://outlook.office.com/mail/search/id/${ITEM}`, 'thread', false],
    [`https://outlook.live.com/mail/0/inbox/id/${ITEM}`, 'thread', false],
    [`https://outlook.office.com/mail/shared@contoso.com/inbox/id/${ITEM}`, 'thread', false],
    [`https://outlook.office.com/mail/deeplink/read/${ITEM}`, 'thread', true],
    [`https://outlook.cloud.microsoft/mail/deeplink/readconv/${ITEM}`, 'thread', true],
    ['https://outlook.office.com/mail/deeplink/compose?to=a@b.com&subject=Hi', 'compose', true],
    ['https://outlook.office.com/mail/compose/AAQkADAwATM3xyz', 'compose', false],
    ['https://outlook.office.com/owa/?path=/mail/action/compose&to=a@b.com', 'compose', false],
    ['https://outlook.office.com/mail/options/general', 'other', false],
    ['https://outlook.office.com/calendar/view/week', 'other', false],
    ['https://outlook.office.com/people/', 'other', false],
    ['https://outlook.office.com/', 'unknown', false],
  ])('%s → %s', (url, kind, popout) => {
    expect(outlookRoute(new URL(url))).toEqual({ kind, popout });
  });
});

describe('roles from labels, five languages', () => {
  it.each([
    ['To: Ana', 'to'], ['An: Anna', 'to'], ['À : Anne', 'to'], ['Para: Ana', 'to'], ['Aan: An', 'to'],
    ['Cc: Bob', 'cc'], ['CC: Bob', 'cc'], ['Cc : Bob', 'cc'], ['Bcc', 'bcc'], ['Cci', 'bcc'], ['CCO: x', 'bcc'],
    ['Toolbar', undefined], ['Announcement', undefined], ['', undefined],
  ])('%s → %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });
});
