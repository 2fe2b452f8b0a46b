import type { PageContext, RecordObjectType, RecordRef } from '../../model/page';
import { domainFromWebsite } from '../../model/identity';
import { all, emailsInText, emailsInTextNodes, emailsOfMailto, first, PeopleCollector, textOf } from '../dom';
import type { CrmSelector, CrmSite } from './types';

/** Extension UI mounted in the page: never read it as CRM content. */
const OWN_UI = 'keep-account-sidebar';

/** Addresses an element holds: mailto hrefs, input values, data-email attributes, else its text. */
function emailsOf(element: Element): string[] {
  const href = element.getAttribute('href');
  if (href && /^mailto:/i.test(href)) return emailsOfMailto(href);
  const mailto = element.querySelector?.('a[href^="mailto:" i]');
  if (mailto) return emailsOfMailto(mailto.getAttribute('href') ?? '');
  const value = (element as HTMLInputElement).value ?? element.getAttribute('value');
  if (typeof value === 'string' && value) return emailsInText(value);
  const data = element.getAttribute('data-email') ?? element.getAttribute('data-email-address');
  if (data) return emailsInText(data);
  return emailsInTextNodes(element);
}

function websiteOf(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  const link = element.matches('a[href]') ? element : element.querySelector('a[href^="http" i]');
  const href = link?.getAttribute('href');
  if (href && /^https?:/i.test(href)) return domainFromWebsite(href);
  const value = (element as HTMLInputElement).value ?? element.getAttribute('value');
  return domainFromWebsite(typeof value === 'string' && value ? value : textOf(element, 300));
}

function valueText(element: Element | undefined, max: number): string | undefined {
  if (!element) return undefined;
  const value = (element as HTMLInputElement).value;
  const text = (typeof value === 'string' && value ? value : textOf(element, max)).trim();
  return text ? text.slice(0, max) : undefined;
}

const cssOf = (group: readonly CrmSelector[]): string[] => group.map((selector) => selector.css);
const PERSON_TYPES: readonly RecordObjectType[] = ['contact', 'lead'];

/** Reads a CRM page: the record's own email(s), its name, company and website, and other addresses shown. */
export function readRecordPage(doc: Document, site: CrmSite, ref: RecordRef | null, me?: string): PageContext {
  if (!ref) {
    return { site: site.crm, view: 'other', people: [], reason: `This ${site.crm} page is not a single record (list, search, settings or a new-record form).` };
  }
  const people = new PeopleCollector(me);
  const { selectors } = site;
  const isPerson = (site.personTypes ?? PERSON_TYPES).includes(ref.objectType);
  const name = valueText(first(doc, cssOf(selectors.name)), 200);

  const recordEmails: string[] = [];
  for (const { css } of selectors.email) {
    for (const element of all(doc, css)) {
      if (element.closest(OWN_UI)) continue;
      recordEmails.push(...emailsOf(element));
    }
    if (recordEmails.length) break;
  }
  const mentioned: string[] = [];
  for (const element of all(doc, 'a[href^="mailto:" i], input[type="email"], [data-email], [data-email-address]')) {
    if (!element.closest(OWN_UI)) mentioned.push(...emailsOf(element));
  }
  // A person record without a marked email field: its first address shown is taken as its own.
  if (isPerson && !recordEmails.length && mentioned.length) recordEmails.push(mentioned[0]!);

  for (const email of recordEmails) people.add(email, 'record', isPerson ? name : undefined);
  for (const email of mentioned) if (!recordEmails.includes(email)) people.add(email, 'mentioned');

  const company = ref.objectType === 'company' ? name : valueText(first(doc, cssOf(selectors.company)), 300);
  const companyDomain = websiteOf(first(doc, cssOf(selectors.website)));
  const context: PageContext = { site: site.crm, view: 'record', people: people.people, record: ref };
  if (company) context.companyName = company;
  if (companyDomain) context.companyDomain = companyDomain;
  if (!people.people.length && !company && !companyDomain) {
    const lookedFor = [selectors.email[0], selectors.name[0], selectors.company[0]].filter(Boolean).map((selector) => selector!.css);
    context.reason = `No email, company name or website was found on this ${site.crm} record (looked for ${lookedFor.join(' ; ')}).`;
  }
  return context;
}

