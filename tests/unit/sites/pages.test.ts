import { describe, expect, it } from 'vitest';
import { PageContext } from '../../../lib/model/page';
import { findComposeBodies, recognizePage } from '../../../lib/sites';
import { crmRecordHtml, escapeHtml, gmailInboxHtml, gmailThreadHtml } from '../../../lib/sites/fixtures/gmailPage';
import { outlookMailHtml } from '../../../lib/sites/fixtures/outlookPage';
import { docFrom } from './helpers';

function recognize(html: string, url: string) {
  const context = recognizePage(docFrom(html, url), url);
  expect(PageContext.safeParse(context).success).toBe(true);
  return context;
}

const me = { email: 'sam@seller.com', name: 'Sam Seller' };
const ana = { email: 'Ana@Northwind-Foods.com', name: 'Ana "The Buyer" <Lopez>' };
const carl = { email: 'carl@northwind-foods.com', name: 'Carl Ortiz' };

describe('demo Gmail pages', () => {
  const url = 'https://mail.google.com/mail/u/0/?demo=lapse#inbox/FMfcgzQXJWDsKmvPqLxq';

  it('gmailThreadHtml: finds sender, recipients, cc and the open reply box; excludes me', () => {
    const html = gmailThreadHtml({
      me,
      subject: 'Re: Q1 <pricing> & delivery',
      messages: [
        { from: ana, to: [me], cc: [carl], date: 'Nov 19, 2026, 9:14 AM', body: 'Can you confirm?' },
        { from: me, to: [ana], date: 'Nov 19, 2026, 11:02 AM', body: 'Yes.' },
        { from: ana, to: [me], cc: [carl], date: 'Nov 20, 2026, 8:01 AM', body: 'Another supplier\noffered a lower price.' },
      ],
      replyOpen: true,
    });
    const context = recognize(html, url);
    expect(context).toMatchObject({ site: 'gmail', view: 'thread', subject: 'Re: Q1 <pricing> & delivery' });
    expect(context.people).toEqual(expect.arrayContaining([
      { email: 'ana@northwind-foods.com', name: 'Ana "The Buyer" <Lopez>', role: 'from' },
      { email: 'carl@northwind-foods.com', name: 'Carl Ortiz', role: 'cc' },
    ]));
    expect(context.people.some((p) => p.email === me.email)).toBe(false);
    expect(context.bodyText).toBe('Another supplier\noffered a lower price.');
    const bodies = findComposeBodies(docFrom(html, url));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.getAttribute('aria-label')).toBe('Message Body');
  });

  it('collapses older messages of a long thread and still reads their senders', () => {
    const messages = ['a', 'b', 'c', 'd'].map((letter, i) => ({ from: { email: `${letter}@x-corp.com`, name: `${letter.toUpperCase()} Person` }, to: [me], date: `Nov ${10 + i}`, body: `body ${letter}` }));
    const context = recognize(gmailThreadHtml({ me, subject: 'Long', messages }), url);
    expect(context.people.filter((p) => p.role === 'from').map((p) => p.email)).toEqual(['d@x-corp.com', 'c@x-corp.com', 'b@x-corp.com', 'a@x-corp.com']);
    expect(context.bodyText).toBe('body d');
  });

  it('escapes all text it puts in the page', () => {
    const html = gmailThreadHtml({ me, subject: '<script>alert(1)</script>', messages: [{ from: ana, to: [me], date: '"now"', body: '<img src=x onerror=alert(1)>' }] });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('gmailInboxHtml is a list with nobody on screen', () => {
    const html = gmailInboxHtml({ me, threads: [{ subject: 'Delivery', from: ana }] });
    expect(recognize(html, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({ view: 'list', people: [] });
    expect(recognize(html, 'https://mail.google.com/mail/u/0/')).toMatchObject({ people: [] });
  });
});

describe('CRM record pages', () => {
  const fields = { recordName: 'Ana Lopez', email: 'ana@northwind-foods.com', company: 'Northwind Foods', website: 'https://www.northwind-foods.com/', title: 'Head of Purchasing', phone: '+1 555 0100' };

  it.each([
    ['hubspot' as const, 'https://app.hubspot.com/contacts/24681357/record/0-1/901'],
    ['salesforce' as const, 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view'],
  ])('crmRecordHtml %s: record email, name, company and website', (crm, url) => {
    const context = recognize(crmRecordHtml({ crm, ...fields }), url);
    expect(context).toMatchObject({ site: crm, view: 'record', companyName: 'Northwind Foods', companyDomain: 'northwind-foods.com' });
    expect(context.record?.crm).toBe(crm);
    expect(context.people).toEqual([{ email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'record' }]);
  });

  it('reads other CRMs through their selectors; other addresses are "mentioned"', () => {
    // Zoho's sourced hooks (lib/sites/crm/selectors/zoho.ts): value elements named {role}_{COLUMN}.
    const zoho = `<span id="titlecard_FULLNAME">Bea Buyer</span><a id="subvalue_EMAIL" href="mailto:bea@bigco.com?subject=hi">bea@bigco.com</a>
      <span id="subvalue_COMPANY">BigCo Ltd</span><a id="subvalue_WEBSITE" href="http://bigco.com">bigco.com</a>
      <div class="timeline"><a href="mailto:Owner@Seller.com">owner</a></div>`;
    const context = recognize(zoho, 'https://crm.zoho.eu/crm/org20071234/tab/Leads/4876876000000333001');
    expect(context).toMatchObject({ site: 'zoho', record: { objectType: 'lead', recordId: '4876876000000333001' }, companyName: 'BigCo Ltd', companyDomain: 'bigco.com' });
    expect(context.people).toEqual([
      { email: 'bea@bigco.com', name: 'Bea Buyer', role: 'record' },
      { email: 'owner@seller.com', role: 'mentioned' },
    ]);
    const dynamics = `<h1 data-id="header_title">Contoso Ltd</h1><input data-id="websiteurl.fieldControl-url-text-input" value="contoso.com"><a href="mailto:info@contoso.com">info</a>`;
    const company = recognize(dynamics, 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D');
    expect(company).toMatchObject({ companyName: 'Contoso Ltd', companyDomain: 'contoso.com', people: [{ email: 'info@contoso.com', role: 'mentioned' }] });
  });

  it('says why when a CRM page is not a record or shows nothing to match', () => {
    expect(recognize('<h1>Contacts</h1>', 'https://acme.pipedrive.com/persons/list')).toMatchObject({ site: 'pipedrive', view: 'other', people: [] });
    const bare = recognize('<div></div>', 'https://acme.pipedrive.com/person/5');
    expect(bare.view).toBe('record');
    expect(bare.reason).toMatch(/No email, company name or website/);
  });

  it('treats unknown sites as unknown, whatever the page claims to be', () => {
    const html = crmRecordHtml({ crm: 'hubspot', ...fields });
    expect(recognize(html, 'https://example.com/contacts/1/record/0-1/2')).toMatchObject({ site: 'unknown', people: [] });
    expect(recognize(html, 'http://127.0.0.1:4321/contacts/1/record/0-1/2')).toMatchObject({ site: 'unknown', people: [] });
    expect(recognize(html, 'https://app.hubspot.com/contacts/1/record/0-1/2')).toMatchObject({ site: 'hubspot', record: { recordId: '2' } });
  });
});

describe('demo Outlook pages', () => {
  const url = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0';
  const conversation = {
    id: 'AAQkADAwATM0',
    subject: 'Re: Q1 <pricing> & delivery',
    messages: [
      { from: ana, to: [me], date: '2026-11-19T09:14:00Z', body: 'Can you confirm?' },
      { from: me, to: [ana], date: '2026-11-19T11:02:00Z', body: 'Yes.' },
      { from: ana, to: [me], cc: [carl], date: '2026-11-20T08:01:00Z', body: 'Another supplier\noffered a lower price.' },
    ],
  };

  it('outlookMailHtml: the open conversation newest on top, the reply form, names shown as OWA shows them', () => {
    const html = outlookMailHtml({ me, conversations: [conversation], openId: conversation.id, replyOpen: true });
    const context = recognize(html, url);
    expect(context).toMatchObject({ site: 'outlook', view: 'compose', subject: 'Re: Q1 <pricing> & delivery', bodyText: 'Another supplier\noffered a lower price.' });
    expect(context.people).toEqual(expect.arrayContaining([{ email: 'ana@northwind-foods.com', name: 'Ana "The Buyer" <Lopez>', role: 'from' }]));
    expect(context.people.some((p) => p.email === me.email)).toBe(false);
    // Cc is shown by name only; the signed-in user never appears, not even by name.
    expect(context.namedOnly).toEqual([{ name: 'Carl Ortiz', role: 'cc' }]);
    const bodies = findComposeBodies(docFrom(html, url));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.querySelector('#appendonsend')).not.toBeNull();
  });

  it('the list without an open conversation, and the pop-out window', () => {
    expect(recognize(outlookMailHtml({ me, conversations: [conversation] }), 'https://outlook.office.com/mail/inbox')).toMatchObject({ view: 'list', people: [] });
    const popout = recognize(outlookMailHtml({ me, conversations: [conversation], openId: conversation.id, popout: true }), 'https://outlook.office.com/mail/deeplink/readconv/AAQkADAwATM0');
    expect(popout).toMatchObject({ site: 'outlook', view: 'thread' });
    expect(popout.people[0]).toMatchObject({ email: 'ana@northwind-foods.com', role: 'from' });
  });

  it('escapes all text it puts in the page', () => {
    const html = outlookMailHtml({ me, conversations: [{ ...conversation, subject: '<script>alert(1)</script>', messages: [{ from: ana, to: [me], date: '"now"', body: '<img src=x onerror=alert(1)>' }] }], openId: conversation.id });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });
});
