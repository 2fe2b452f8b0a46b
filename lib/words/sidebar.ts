// What the sidebar says when there is no customer to show.
import type { MatchEvidence, PageContext } from '../model/page';

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
