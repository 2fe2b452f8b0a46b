import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { salesforceSelectors } from './selectors/salesforce';
import { type CrmSite, record, segments } from './types';

// Salesforce record URLs.
// Lightning: https://<MyDomain>.lightning.force.com/lightning/r/{ObjectApiName}/{recordId}/view and
//   /lightning/r/{recordId}/view (https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html,
//   standard__recordPage); Classic: https://<MyDomain>.my.salesforce.com/{recordId}
//   (https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats.htm).
// Ids are 15 (case-sensitive) or 18 characters; the first three are the key prefix: 001 Account, 003 Contact,
//   006 Opportunity, 00Q Lead (https://help.salesforce.com/s/articleView?id=000385203&language=en_US&type=1).
const BY_OBJECT: Record<string, RecordObjectType> = { contact: 'contact', account: 'company', opportunity: 'deal', lead: 'lead' };
const BY_PREFIX: Record<string, RecordObjectType> = { '003': 'contact', '001': 'company', '006': 'deal', '00Q': 'lead' };
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Ids carry several digits (key prefix, pod, counter); this keeps 15/18-letter words out. */
const looksLikeId = (text: string) => ID.test(text) && /\d.*\d.*\d/.test(text);

export const salesforce: CrmSite = {
  crm: 'salesforce',
  hosts: CRM_HOSTS.salesforce,
  recordFromUrl(url) {
    const parts = segments(url.pathname);
    if (parts[0] === 'lightning') {
      if (parts[1] !== 'r') return null;
      if (parts.length >= 4 && looksLikeId(parts[3]!) && parts[4] !== 'edit') {
        return record(BY_OBJECT[parts[2]!.toLowerCase()] ?? 'other', parts[3]!);
      }
      if (parts.length >= 3 && looksLikeId(parts[2]!) && (parts[3] === 'view' || parts[3] === undefined)) {
        return record(BY_PREFIX[parts[2]!.slice(0, 3)] ?? 'other', parts[2]!);
      }
      return null;
    }
    // Classic: exactly one path segment that is an id (`/001.../e` is the edit form, `/001/o` the tab).
    if (url.hostname.endsWith('.my.salesforce.com') && parts.length === 1 && looksLikeId(parts[0]!)) {
      return record(BY_PREFIX[parts[0]!.slice(0, 3)] ?? 'other', parts[0]!);
    }
    return null;
  },
  selectors: salesforceSelectors,
  examples: [
    { url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view', expect: { objectType: 'contact', recordId: '0035g00000ABCDeAAH' } },
    { url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZ12AAB/view', expect: { objectType: 'company', recordId: '0015g00000XyZ12AAB' } },
    { url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000Q1w2eAAB/view?ws=%2F', expect: { objectType: 'deal', recordId: '0065g00000Q1w2eAAB' } },
    { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LeAd1EAB/view', expect: { objectType: 'lead', recordId: '00Q5g00000LeAd1EAB' } },
    { url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Contact/003D0000001aH2A/view', expect: { objectType: 'contact', recordId: '003D0000001aH2A' } },
    { url: 'https://acme.lightning.force.com/lightning/r/003D0000001aH2A/view', expect: { objectType: 'contact', recordId: '003D0000001aH2A' } },
    { url: 'https://acme.lightning.force.com/lightning/r/Case/5005g00000Zz9AAAAZ/view', expect: { objectType: 'other', recordId: '5005g00000Zz9AAAAZ' } },
    { url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZ12AAB/related/Contacts/view', expect: { objectType: 'company', recordId: '0015g00000XyZ12AAB' } },
    { url: 'https://acme.my.salesforce.com/0015g00000XyZ12', expect: { objectType: 'company', recordId: '0015g00000XyZ12' } },
    { url: 'https://acme.my.salesforce.com/00Q5g00000LeAd1', expect: { objectType: 'lead', recordId: '00Q5g00000LeAd1' } },
    { url: 'https://acme.my.salesforce.com/0065g00000Q1w2eAAB', expect: { objectType: 'deal', recordId: '0065g00000Q1w2eAAB' } },
    { url: 'https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent', expect: null },
    { url: 'https://acme.lightning.force.com/lightning/o/Account/new', expect: null },
    { url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/edit', expect: null },
    { url: 'https://acme.lightning.force.com/lightning/page/home', expect: null },
    { url: 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home', expect: null },
    { url: 'https://acme.my.salesforce.com/001/o', expect: null },
    { url: 'https://acme.my.salesforce.com/0015g00000XyZ12/e', expect: null },
    { url: 'https://acme.lightning.force.com.evil.io/lightning/r/Contact/0035g00000ABCDeAAH/view', expect: null },
  ],
};
