import { describe, expect, it } from 'vitest';
import { PageContext } from '../../../lib/model/page';
import { findComposeBodies, recognizePage, recognizeUrl } from '../../../lib/sites';
import { crmRecordHtml, gmailThreadHtml } from '../../../lib/sites/fixtures/gmailPage';
import { docFrom, fixture } from './helpers';
import { random as prng } from '../../support/random';


const random = prng(20261120);
const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const word = () => Math.random.name && pick(['acme', 'x', 'Ana', 'q1', 'ü', '中', '"', "'", '<', '&amp;', '0-1', 'view', 'record', '%7B', '..']);

const HOSTS = ['mail.google.com', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.office.com.evil.io', 'app.hubspot.com', 'app-eu1.hubspot.com', 'acme.lightning.force.com', 'acme.my.salesforce.com', 'acme.pipedrive.com', 'crm.zoho.com', 'contoso.crm.dynamics.com', 'acme.twenty.com', 'acme.espocloud.com', 'acme.odoo.com', 'acme.myfreshworks.com', 'app.copper.com', 'app.close.com', 'example.com', '127.0.0.1:8080', 'app.hubspot.com.evil.io'];
const SEGMENTS = ['mail', 'inbox', 'id', 'AAQkADAwATM0MDAAMS1iNTcwLWE0NQAQ', 'deeplink', 'readconv', 'compose', 'calendar', '0', 'contacts', 'record', '0-1', '0-2', '123', 'lightning', 'r', 'Contact', '0035g00000ABCDeAAH', 'view', 'person', 'crm', 'tab', 'Leads', 'main.aspx', 'object', 'company', 'odoo', 'web', 'lead', 'lead_abcdef123456', '%', '%E0%A4%A', '..', ''];

function randomUrl(): string {
  const scheme = pick(['https://', 'https://', 'http://', 'ftp://', '', 'javascript:']);
  const path = Array.from({ length: Math.floor(random() * 6) }, () => pick(SEGMENTS)).join('/');
  const query = random() < 0.4 ? `?${pick(['pagetype=entityrecord&etn=contact&id={566F08EE-2795-EA11-A811-000D3A1029AC}', 'module=Contacts&action=DetailView&record=abc12345', 'compose=new', 'x=%'])}` : '';
  const hash = random() < 0.5 ? `#${pick(['inbox', 'inbox/FMfcgzQXJWDsKmvPqLxq', 'Contact/view/abc123456', '/contacts/record/abcdef123', 'id=4&model=res.partner&view_type=form', 'settings', '%%'])}` : '';
  return `${scheme}${pick(HOSTS)}/${path}${query}${hash}`;
}

const EMAILS = ['ana@northwind-foods.com', 'BOB@Acme.COM', 'x@y.io', 'not-an-email@', '@nope.com', 'a@b', 'évé@exämple.com'];
const TAGS = ['div', 'span', 'h2', 'h3', 'a', 'input', 'textarea', 'table', 'tr', 'td', 'form', 'p', 'blockquote'];
const ATTRS = () => pick([
  `email="${pick(EMAILS)}"`, `name="${word()}"`, 'class="gD"', 'class="g2"', 'class="hb"', 'class="a3s"', 'class="adn"', 'role="main"', 'role="dialog"', 'role="textbox"',
  'contenteditable="true"', 'g_editable="true"', 'aria-hidden="true"', 'style="display:none"', `data-hovercard-id="${pick(EMAILS)}"`, 'data-legacy-message-id="1"',
  'data-thread-perm-id="t"', `href="mailto:${pick(EMAILS)}"`, `value="${pick(EMAILS)}"`, 'name="to"', 'name="cc"', 'name="subjectbox"', `aria-label="Google Account: ${pick(EMAILS)}"`,
  'data-selenium-test="highlightTitle"', 'data-app-section="MailReadCompose"', 'data-app-section="ConversationContainer"', 'id="MSG_x_FROM"', 'id="CONV_x_SUBJECT"',
  'role="heading"', 'data-testid="RecipientWell"', 'data-lpc-hover-target-id="1"', 'id="UniqueMessageBody_1"', 'role="document"', 'aria-multiline="true"',
  `aria-label="From: ${word()} <${pick(EMAILS)}>"`, 'aria-label="To: x"', 'aria-label="Cc:"', 'aria-label="Von: a"', 'id="docking_InitVisiblePart_0"', 'contenteditable="false"',
  `title="${pick(EMAILS)}"`, 'role="tree"', 'role="treeitem"', 'id="mectrl_currentAccount_secondary"', 'id="O365_MainLink_Me"', 'id="divRplyFwdMsg"', 'data-target-selection-name="sfdc:RecordField.Contact.Email"', 'type="email"',
]);

function randomHtml(depth = 0): string {
  const parts: string[] = [];
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i += 1) {
    if (random() < 0.3 || depth > 5) {
      parts.push(pick([word(), pick(EMAILS), ' ', '<', '>', '&', '<!--', '</div>']));
      continue;
    }
    const tag = pick(TAGS);
    const attrs = Array.from({ length: Math.floor(random() * 4) }, ATTRS).join(' ');
    parts.push(`<${tag} ${attrs}>${randomHtml(depth + 1)}${random() < 0.9 ? `</${tag}>` : ''}`);
  }
  return parts.join('');
}

const SEEDS = [
  fixture('gmail/thread-expanded.html'),
  fixture('gmail/thread-reply-open.html'),
  fixture('gmail/compose-dialog.html'),
  gmailThreadHtml({ me: { email: 'me@s.com', name: 'Me' }, subject: 'S', messages: [{ from: { email: 'a@b.com', name: 'A' }, to: [{ email: 'me@s.com', name: 'Me' }], date: 'd', body: 'b' }], replyOpen: true }),
  crmRecordHtml({ crm: 'salesforce', recordName: 'R', email: 'r@r.com', website: 'r.com' }),
  fixture('crm/zoho-lead.html'),
  fixture('outlook/reading-pane-en.html'),
  fixture('outlook/reading-pane-de.html'),
  fixture('outlook/conversation.html'),
  fixture('outlook/reply-open.html'),
  fixture('outlook/compose-new.html'),
  fixture('outlook/hover-card-only.html'),
  fixture('crm/odoo-contact.html'),
  fixture('crm/dynamics-contact.html'),
];

function randomPage(): string {
  const roll = random();
  if (roll < 0.4) {
    const seed = pick(SEEDS);
    return seed.slice(0, Math.floor(random() * seed.length));
  }
  if (roll < 0.5) return Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
  return randomHtml();
}

describe('fuzz', () => {
  it('recognizeUrl never throws on 3000 random URLs', () => {
    for (let i = 0; i < 3000; i += 1) {
      const url = randomUrl();
      expect(() => recognizeUrl(url)).not.toThrow();
    }
  });

  it('recognizePage never throws, always fits the schema, and reports only addresses present in the page (1500 pages)', () => {
    for (let i = 0; i < 1500; i += 1) {
      const html = randomPage();
      const url = random() < 0.7 ? pick(['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq', 'https://mail.google.com/mail/u/0/#inbox?compose=new', 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWE0NQAQ', 'https://outlook.live.com/mail/0/deeplink/compose', 'https://outlook.cloud.microsoft/mail/deeplink/readconv/AAQkADAwATM0xyz', 'https://outlook.office365.com/mail/', 'https://app.hubspot.com/contacts/1/record/0-1/2', 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view', 'https://crm.zoho.eu/crm/tab/Leads/4876876000000333001', 'https://acme.odoo.com/odoo/contacts/42', 'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=566f08ee-2795-ea11-a811-000d3a1029ac', 'http://127.0.0.1:8080/x']) : randomUrl();
      const doc = docFrom(html, url.includes('outlook.') ? 'https://outlook.office.com/mail/' : 'https://mail.google.com/mail/u/0/');
      let context: ReturnType<typeof recognizePage> | undefined;
      expect(() => {
        context = recognizePage(doc, url);
        findComposeBodies(doc);
      }).not.toThrow();
      expect(PageContext.safeParse(context).success).toBe(true);
      const source = html.toLowerCase();
      for (const person of context!.people) expect(source).toContain(person.email);
      for (const person of context!.namedOnly ?? []) expect(person.name.length).toBeGreaterThan(0);
    }
  });
});
