// Recognize the customer on screen: Gmail conversations and CRM record pages → PageContext.
import type { PageContext as PageContextType } from '../model/page';
import { PAGE_LIMITS } from '../model/names';
import { readRecordPage } from './crm/recordPage';
import { findGmailComposeBodies, recognizeGmail } from './gmail';
import { acceptsHost, GMAIL_HOSTS, OUTLOOK_HOSTS } from './hosts';
import { findOutlookComposeBodies, recognizeOutlook } from './outlook';
import { recognizeUrl, siteOfUrl } from './urls';

export { recognizeUrl, setSelfHostedCrms } from './urls';
export type { SelfHostedCrm } from './urls';
export { outlookMailbox, setOutlookMailbox } from './outlook';

function unknown(reason: string): PageContextType {
  return { site: 'unknown', view: 'other', people: [], reason };
}

function recognize(doc: Document, url: URL): PageContextType {
  if (url.protocol === 'https:' && acceptsHost(GMAIL_HOSTS, url.hostname)) return recognizeGmail(doc, url);
  if (url.protocol === 'https:' && acceptsHost(OUTLOOK_HOSTS, url.hostname)) return recognizeOutlook(doc, url);
  const site = siteOfUrl(url);
  if (site) return readRecordPage(doc, site, recognizeUrl(url.href), undefined);
  return unknown(`Not Gmail, Outlook or a known CRM (${url.hostname}).`);
}

/** Who is on screen. Never throws: any failure becomes site 'unknown' with a reason. Always valid for the PageContext schema. */
export function recognizePage(doc: Document, url: string): PageContextType {
  let context: PageContextType;
  try {
    context = recognize(doc, new URL(url));
  } catch (error) {
    context = unknown(`The page could not be read: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
  }
  return withinBounds(context);
}

/**
 * Keeps a PageContext inside the bounds of its zod schema (lib/model/page.ts) without pulling zod into the
 * content-script bundle; the background parses it again with the schema on arrival.
 */
function withinBounds(context: PageContextType): PageContextType {
  const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.slice(0, max));
  const bounded: PageContextType = {
    site: context.site,
    view: context.view,
    people: context.people
      .filter((person) => person.email.length >= 3 && person.email.length <= PAGE_LIMITS.email)
      .slice(0, PAGE_LIMITS.people)
      .map((person) => (person.name ? { ...person, name: person.name.slice(0, PAGE_LIMITS.name) } : person)),
    namedOnly: context.namedOnly?.length
      ? context.namedOnly.filter((person) => person.name.length > 0).slice(0, PAGE_LIMITS.namedOnly).map((person) => ({ ...person, name: person.name.slice(0, PAGE_LIMITS.name) }))
      : undefined,
    subject: cut(context.subject, PAGE_LIMITS.subject),
    bodyText: cut(context.bodyText, PAGE_LIMITS.bodyText),
    record: context.record,
    companyName: cut(context.companyName, PAGE_LIMITS.companyName),
    companyDomain: context.companyDomain && context.companyDomain.length <= PAGE_LIMITS.domain ? context.companyDomain : undefined,
    reason: cut(context.reason, PAGE_LIMITS.reason),
    signedIn: context.signedIn && context.signedIn.length >= 3 && context.signedIn.length <= PAGE_LIMITS.email ? context.signedIn : undefined,
    messages: context.messages?.length ? boundedMessages(context.messages) : undefined,
    threadId: context.threadId && context.threadId.length <= PAGE_LIMITS.threadId ? context.threadId : undefined,
  };
  for (const key of Object.keys(bounded) as (keyof PageContextType)[]) if (bounded[key] === undefined) delete bounded[key];
  return bounded;
}

function boundedMessages(messages: NonNullable<PageContextType['messages']>): PageContextType['messages'] {
  const kept = messages
    .filter((message) => message.id.length >= 1 && message.id.length <= PAGE_LIMITS.messageId)
    .slice(-PAGE_LIMITS.messages)
    .map((message) => ({
      ...message,
      people: message.people.filter((person) => person.email.length >= 3 && person.email.length <= PAGE_LIMITS.email).slice(0, PAGE_LIMITS.messagePeople)
        .map((person) => (person.name ? { ...person, name: person.name.slice(0, PAGE_LIMITS.name) } : person)),
    }));
  return kept.length ? kept : undefined;
}

/** Editable message bodies of every open reply, forward and compose box, newest first; [] when none. */
export function findComposeBodies(doc: Document): HTMLElement[] {
  try {
    const host = doc.location?.hostname ?? '';
    return acceptsHost(OUTLOOK_HOSTS, host) ? findOutlookComposeBodies(doc) : findGmailComposeBodies(doc);
  } catch {
    return [];
  }
}
