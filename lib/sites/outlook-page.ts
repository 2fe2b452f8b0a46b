// Outlook on the web, what the URL and the suite say: the route (list, item, compose, pop-out, another app) and the
// signed-in mailbox (account manager, folder pane, or the one remembered from the main window).
import { normalizeEmail } from '../model/identity';
import { all, emailsInText, emailsInTextNodes, first, textOf } from './dom';
import { NON_MAIL_APPS, OUTLOOK } from './outlook-selectors';

const ITEM_ID = /^[A-Za-z0-9%_=+\-.]{8,}$/;

export type OutlookRoute = { kind: 'thread' | 'compose' | 'list' | 'other' | 'unknown'; popout: boolean };

/**
 * What the URL says. Mail routes (seen in OWA 2019-2026): /mail/ and /mail/<folder> (list), /mail/<folder>/id/<item>,
 * /mail/id/<item> and /mail/search/id/<item> (an item open), /mail/compose/<draft>, pop-outs /mail/deeplink/read/<item>,
 * /mail/deeplink/readconv/<conversation>, /mail/deeplink/compose; an account segment may come first (/mail/0/...,
 * /mail/shared@contoso.com/...); the old form /owa/?path=/mail/action/compose. Other apps: /calendar, /people, /tasks...
 */
export function outlookRoute(url: URL): OutlookRoute {
  const path = url.searchParams.get('path') ?? url.pathname;
  let parts = path.split('/').filter(Boolean);
  if (parts[0]?.toLowerCase() === 'owa') parts = parts.slice(1);
  const app = (parts[0] ?? '').toLowerCase();
  if (app !== 'mail') return { kind: NON_MAIL_APPS.has(app) ? 'other' : 'unknown', popout: false };
  let rest = parts.slice(1);
  if (rest[0] && (/^\d{1,2}$/.test(rest[0]) || rest[0].includes('@'))) rest = rest.slice(1);
  const head = (rest[0] ?? '').toLowerCase();
  if (head === 'deeplink' || head === 'action') {
    const what = (rest[1] ?? '').toLowerCase();
    if (what === 'compose') return { kind: 'compose', popout: head === 'deeplink' };
    if (what === 'read' || what === 'readconv') return { kind: 'thread', popout: true };
    return { kind: 'unknown', popout: head === 'deeplink' };
  }
  if (head === 'compose') return { kind: 'compose', popout: false };
  if (NON_MAIL_APPS.has(head)) return { kind: 'other', popout: false };
  const idAt = rest.findIndex((part) => part.toLowerCase() === 'id');
  if (idAt >= 0) return { kind: ITEM_ID.test(rest[idAt + 1] ?? '') ? 'thread' : 'list', popout: false };
  return { kind: 'list', popout: false };
}

export interface Mailbox {
  email?: string;
  name?: string;
}

let remembered: Mailbox = {};

/** The mailbox the content script saw in an earlier Outlook window: pop-outs have no account manager of their own. */
export function setOutlookMailbox(mailbox: Mailbox): void {
  const email = normalizeEmail(typeof mailbox?.email === 'string' ? mailbox.email : undefined);
  const name = typeof mailbox?.name === 'string' ? mailbox.name.trim().slice(0, 200) : '';
  remembered = { ...(email ? { email } : {}), ...(name ? { name } : {}) };
}

/** The signed-in mailbox: the account manager, else the folder pane's mailbox node, else the one remembered. */
export function outlookMailbox(doc: Document): Mailbox {
  let email: string | undefined;
  for (const { css } of OUTLOOK.mailbox.selectors) {
    for (const element of all(doc, css)) {
      email = emailsInText(element.getAttribute('title') ?? '')[0] ?? emailsInTextNodes(element, 20)[0];
      if (email) break;
    }
    if (email) break;
  }
  const nameElement = first(doc, OUTLOOK.mailboxName.selectors.map((selector) => selector.css));
  const name = nameElement ? textOf(nameElement, 200) || (nameElement.getAttribute('title') ?? '').trim() : '';
  const found: Mailbox = { email: email ?? remembered.email, name: name || remembered.name };
  if (!found.email) delete found.email;
  if (!found.name) delete found.name;
  return found;
}
