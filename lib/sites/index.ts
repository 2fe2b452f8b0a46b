// Recognize the customer on screen: Gmail conversations and CRM record pages → PageContext.
import { PageContext, type PageContext as PageContextType, type RecordRef } from '../model/page';
import { crmSite } from './crm';
import { readRecordPage } from './crm/recordPage';
import { findGmailComposeBodies, recognizeGmail } from './gmail';
import { recognizeUrl, setSelfHostedCrms, siteOfUrl } from './urls';
import { CRM_NAMES } from '../model/page';

export { recognizeUrl, setSelfHostedCrms } from './urls';
export type { SelfHostedCrm } from './urls';
export { matchAccount } from './match';
export type { AccountLookup, MatchResult, MovedContact } from './match';

const GMAIL_HOST = 'mail.google.com';
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

function unknown(reason: string): PageContextType {
  return { site: 'unknown', view: 'other', people: [], reason };
}

/**
 * The demo server (and e2e tests) serve Gmail/CRM look-alike pages from a loopback host; those pages say which site they
 * imitate in <meta name="keep-account-site">. Only honoured on loopback hosts, so no real web page can claim to be Gmail.
 */
function demoSite(doc: Document, url: URL): string | undefined {
  if (!LOOPBACK.test(url.hostname)) return undefined;
  return doc.querySelector('meta[name="keep-account-site"]')?.getAttribute('content')?.trim().toLowerCase() || undefined;
}

function recognize(doc: Document, url: URL): PageContextType {
  if (url.hostname === GMAIL_HOST && url.protocol === 'https:') return recognizeGmail(doc, url);
  const site = siteOfUrl(url);
  if (site) return readRecordPage(doc, site, recognizeUrl(url.href), undefined);
  const demo = demoSite(doc, url);
  if (demo === 'gmail') return recognizeGmail(doc, url);
  const demoCrm = demo && (CRM_NAMES as readonly string[]).includes(demo) ? crmSite(demo as RecordRef['crm']) : undefined;
  if (demoCrm) {
    const found = demoCrm.recordFromUrl(url);
    return readRecordPage(doc, demoCrm, found ? { crm: demoCrm.crm, ...found } : null);
  }
  return unknown(`Not Gmail or a known CRM (${url.hostname}).`);
}

/** Who is on screen. Never throws: any failure becomes site 'unknown' with a reason. Always valid for the PageContext schema. */
export function recognizePage(doc: Document, url: string): PageContextType {
  let context: PageContextType;
  try {
    context = recognize(doc, new URL(url));
  } catch (error) {
    context = unknown(`The page could not be read: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
  }
  const parsed = PageContext.safeParse(context);
  if (parsed.success) return parsed.data;
  // Trim what the schema bounds rather than lose the page.
  const trimmed: PageContextType = {
    ...context,
    people: context.people.filter((person) => person.email.length <= 320).slice(0, 200).map((person) => (person.name ? { ...person, name: person.name.slice(0, 200) } : person)),
    subject: context.subject?.slice(0, 500),
    bodyText: context.bodyText?.slice(0, 20_000),
    companyName: context.companyName?.slice(0, 300),
    companyDomain: context.companyDomain && context.companyDomain.length <= 253 ? context.companyDomain : undefined,
    reason: context.reason?.slice(0, 500),
  };
  for (const key of Object.keys(trimmed) as (keyof PageContextType)[]) if (trimmed[key] === undefined) delete trimmed[key];
  const again = PageContext.safeParse(trimmed);
  return again.success ? again.data : unknown('The page produced data outside the expected shape.');
}

/** Editable message bodies of every open reply, forward and compose box, newest first; [] when none. */
export function findComposeBodies(doc: Document): HTMLElement[] {
  try {
    return findGmailComposeBodies(doc);
  } catch {
    return [];
  }
}
