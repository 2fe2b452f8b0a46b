// What the sidebar says when there is no customer to show.
import type { MatchEvidence, PageContext } from '../model/page';
import type { SidebarState } from '../model/insight';
import { count } from './format';

const NOT_A_CUSTOMER: Record<PageContext['view'], string> = {
  list: 'This is a list of conversations or records. Open one to see its customer.',
  other: 'This page shows no customer.',
  thread: 'No email address was found in this conversation.',
  compose: 'Add a recipient to see who you are writing to.',
  record: 'This record shows no email address, company or known id.',
};

export const notACustomer = (view: PageContext['view']): string => NOT_A_CUSTOMER[view];

/** Why the sidebar shows this account: the matcher's evidence, the rep's own choice, or the playbook preview. */
export function matchReason(evidence: MatchEvidence | 'chosen' | 'preview'): string {
  if (evidence === 'chosen') return 'your choice';
  if (evidence === 'preview') return 'preview';
  switch (evidence.by) {
    case 'email':
      return evidence.contactName ? `${evidence.contactName} (${evidence.email}) is a contact at ${evidence.accountName}` : `${evidence.email} is a contact at ${evidence.accountName}`;
    case 'crm-id':
      return evidence.contactName
        ? `${evidence.crm} record ${evidence.recordId} is ${evidence.contactName}, a contact at ${evidence.accountName}`
        : `${evidence.crm} record ${evidence.recordId} is ${evidence.accountName}`;
    case 'domain':
      return 'email' in evidence.seenAs
        ? `${evidence.seenAs.email} writes from ${evidence.domain}, the domain of ${evidence.accountName}`
        : `the page shows the website ${evidence.domain}, the domain of ${evidence.accountName}`;
    case 'company-name':
      return `the page names the company "${evidence.pageName}", like ${evidence.accountName}`;
  }
}

/** What the collapsed sidebar's tab flags, so that the rep never misses it because the sidebar was collapsed once. */
export interface TabAlert {
  kind: 'high-risk' | 'champion-moved' | 'contact-moved' | 'single-threaded';
  tone: 'danger' | 'warning' | 'info';
  label: string;
}

const TAB_ALERTS: Record<TabAlert['kind'], Omit<TabAlert, 'kind'>> = {
  'high-risk': { tone: 'danger', label: 'High risk' },
  'champion-moved': { tone: 'danger', label: 'Champion moved' },
  'contact-moved': { tone: 'danger', label: 'Contact moved' },
  'single-threaded': { tone: 'warning', label: 'Single-threaded' },
};

const alert = (kind: TabAlert['kind']): TabAlert => ({ kind, ...TAB_ALERTS[kind] });

/**
 * The one flag of the account on screen worth seeing while the sidebar is collapsed, from its typed facts (risk level,
 * signal kinds): high lapse risk, then a champion who moved away, a known contact now writing from here, and a
 * relationship that hangs on one person. A known person at a company that is not a customer yet is an opening.
 */
export function tabAlert(state: SidebarState | undefined): TabAlert | undefined {
  if (!state) return undefined;
  if (state.status === 'no-match') return state.lead ? { kind: 'contact-moved', tone: 'info', label: TAB_ALERTS['contact-moved'].label } : undefined;
  if (state.status !== 'account') return undefined;
  const { insight } = state;
  const kinds = new Set(insight.signals.map((s) => s.kind));
  if (insight.risk?.level === 'high' || kinds.has('lapse-high')) return alert('high-risk');
  if (kinds.has('champion-left')) return alert('champion-moved');
  if (kinds.has('contact-moved-here')) return alert('contact-moved');
  if (kinds.has('single-threaded')) return alert('single-threaded');
  return undefined;
}

/** People the page shows by name only and no known contact explains: "Bob Ng is shown by name only: ...". */
export function namesWithoutAddress(names: readonly string[]): string | undefined {
  if (!names.length) return undefined;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${count(names.length - 3, 'other')}` : '');
  return names.length === 1
    ? `${shown} is shown by name only: recipient addresses are not shown on this page, so this one is not matched.`
    : `${shown} are shown by name only: recipient addresses are not shown on this page, so these ${count(names.length, 'person', 'people')} are not matched.`;
}
