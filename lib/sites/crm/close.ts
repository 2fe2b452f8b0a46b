import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { closeSelectors } from './selectors/close';
import { type CrmSite, record, segments } from './types';

// Close: https://app.close.com/lead/{lead_id}/ and /contact/{contact_id}/. Object ids carry a type prefix
// (lead_..., cont_..., oppo_...) as in the API (https://developer.close.com/resources/leads/,
// https://developer.close.com/resources/contacts/). A Close "lead" is the company you sell to; it is reported as 'lead'
// (its URL name) and matched by its id.
const KINDS: Record<string, { type: RecordObjectType; prefix: string }> = {
  lead: { type: 'lead', prefix: 'lead_' },
  contact: { type: 'contact', prefix: 'cont_' },
  opportunity: { type: 'deal', prefix: 'oppo_' },
};

export const close: CrmSite = {
  crm: 'close',
  hosts: CRM_HOSTS.close,
  recordFromUrl(url) {
    const [kind, id] = segments(url.pathname);
    const spec = kind ? KINDS[kind] : undefined;
    if (!spec || !id || !id.startsWith(spec.prefix) || !/^[a-z]+_[A-Za-z0-9]{6,}$/.test(id)) return null;
    return record(spec.type, id);
  },
  selectors: closeSelectors,
  // A Close lead is a company (its contacts are the people): only contacts are people.
  personTypes: ['contact'],
  examples: [
    { url: 'https://app.close.com/lead/lead_IIDHIStmFDM5hSAJgNB0Rw7xgz4qUZSZvLNsVRhbcNs/', expect: { objectType: 'lead', recordId: 'lead_IIDHIStmFDM5hSAJgNB0Rw7xgz4qUZSZvLNsVRhbcNs' } },
    { url: 'https://app.close.com/lead/lead_4pEpqgx0ZnCFyhFqaaWIa0PqHWYhA3Mm7L4yTY8hhlE/?tab=activity', expect: { objectType: 'lead', recordId: 'lead_4pEpqgx0ZnCFyhFqaaWIa0PqHWYhA3Mm7L4yTY8hhlE' } },
    { url: 'https://app.close.com/contact/cont_KhlHNyZLZDlbNcLUGBzeA6qYIMSNdPHzLrWjH7POGTq/', expect: { objectType: 'contact', recordId: 'cont_KhlHNyZLZDlbNcLUGBzeA6qYIMSNdPHzLrWjH7POGTq' } },
    // The Close.io-era host is not in lib/sites/hosts.ts (the content script never runs there).
    { url: 'https://app.close.io/lead/lead_abcdef123456/', expect: null },
    { url: 'https://app.close.com/leads/', expect: null },
    { url: 'https://app.close.com/search/?query=acme', expect: null },
    { url: 'https://app.close.com/smartview/save_abc123/', expect: null },
    { url: 'https://app.close.com/lead/cont_KhlHNyZLZDlbNc/', expect: null },
    { url: 'https://app.close.com/settings/', expect: null },
    { url: 'https://app.close.com.evil.io/lead/lead_abcdef123456/', expect: null },
  ],
};
