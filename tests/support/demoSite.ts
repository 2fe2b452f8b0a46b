import type { DemoData, DemoScenario } from '../../demo';
import { crmRecordHtml, gmailInboxHtml, gmailThreadHtml } from '../../lib/sites/fixtures/gmailPage';
import { outlookMailHtml, type OutlookConversation } from '../../lib/sites/fixtures/outlookPage';
import type { Route } from './server';

/** A page of the demo: where it lives and what it is. */
export interface DemoPage {
  scenario?: DemoScenario['id'];
  label: string;
  url: string;
}

const threadId = (id: string) => `FMfcgz${id.replace(/[^a-z]/gi, '').slice(0, 10)}QkWn`;
/** An OWA-like conversation id (base64 in real Outlook, ending in "="). */
export const outlookConversationId = (id: string) => `AAQkADAwATM0MDAAMS1${id.replace(/[^a-z]/gi, '')}AAQ=`;
const safeDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};
/** The demo stories Outlook shows a page for (the Outlook list holds every story's conversation). */
const OUTLOOK_PAGES: readonly DemoScenario['id'][] = ['lapsing', 'playbook'];

/**
 * The demo's stand-ins for Gmail, Outlook on the web and the CRMs, served on 127.0.0.1 under the real hostnames (Chromium maps them
 * with --host-resolver-rules). Gmail pages are chosen by a fixture-only `?demo=` query; CRM pages by their real
 * record URLs.
 */
export function demoSite(data: DemoData): { route: Route; pages: DemoPage[] } {
  const pages: DemoPage[] = [];
  const gmail = new Map<string, string>();
  const crm = new Map<string, string>();
  for (const scenario of data.scenarios) {
    if (scenario.gmail) {
      gmail.set(scenario.id, gmailThreadHtml({ me: data.me, subject: scenario.gmail.subject, messages: scenario.gmail.messages, replyOpen: true }));
      pages.push({ scenario: scenario.id, label: `Gmail — ${scenario.title}`, url: `https://mail.google.com/mail/u/0/?demo=${scenario.id}#inbox/${threadId(scenario.id)}` });
    }
    if (scenario.crm) {
      const c = scenario.crm;
      const path =
        c.crm === 'hubspot'
          ? `/contacts/24681357/record/${c.objectType === 'company' ? '0-2' : '0-1'}/${c.recordId}`
          : `/lightning/r/${c.objectType === 'company' ? 'Account' : 'Contact'}/${c.recordId}/view`;
      const host = c.crm === 'hubspot' ? 'app.hubspot.com' : 'acme.lightning.force.com';
      crm.set(`${host}${path}`, crmRecordHtml({ crm: c.crm, objectType: c.objectType, recordName: c.recordName, email: c.email, company: c.company, website: c.website, title: c.title }));
      pages.push({ scenario: scenario.id, label: `${c.crm === 'hubspot' ? 'HubSpot' : 'Salesforce'} — ${scenario.title}`, url: `https://${host}${path}` });
    }
  }
  const conversations: OutlookConversation[] = data.scenarios.flatMap((s) => (s.gmail ? [{ id: outlookConversationId(s.id), subject: s.gmail.subject, messages: s.gmail.messages }] : []));
  for (const scenario of data.scenarios) {
    if (!scenario.gmail || !OUTLOOK_PAGES.includes(scenario.id)) continue;
    pages.push({ scenario: scenario.id, label: `Outlook — ${scenario.title}`, url: `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(outlookConversationId(scenario.id))}` });
  }
  const inbox = gmailInboxHtml({ me: data.me, threads: data.scenarios.filter((s) => s.gmail).map((s) => ({ subject: s.gmail!.subject, from: s.gmail!.messages.at(-1)!.from })) });
  const route: Route = ({ host, path, url }) => {
    if (host === 'outlook.office.com' && (path === '/mail' || path.startsWith('/mail/'))) {
      // /mail/inbox/id/<id> opens that conversation in the reading pane; any other mail route shows the list.
      const parts = path.split('/');
      const at = parts.indexOf('id');
      let openId = at > 0 ? safeDecode(parts[at + 1] ?? '') : undefined;
      // A pop-out reading window: /mail/deeplink/readconv/<id> (or read/<id>).
      const popout = parts[2] === 'deeplink' && (parts[3] === 'readconv' || parts[3] === 'read');
      if (popout) openId = safeDecode(parts[4] ?? '');
      return { body: outlookMailHtml({ me: data.me, conversations, openId, replyOpen: !popout, popout }) };
    }
    if (host === 'mail.google.com' && path.startsWith('/mail/')) {
      const demo = url.searchParams.get('demo');
      const body = demo ? gmail.get(demo) : inbox;
      return body ? { body } : undefined;
    }
    const body = crm.get(`${host}${path}`);
    return body ? { body } : undefined;
  };
  return { route, pages };
}
