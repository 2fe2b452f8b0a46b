import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { pipedriveSelectors } from './selectors/pipedrive';
import { type CrmSite, record, segments } from './types';

// Pipedrive: https://<company>.pipedrive.com (https://support.pipedrive.com/en/article/company-domain).
// Detail views /person/{id}, /organization/{id}, /deal/{id}; leads inbox /leads/inbox/{uuid}
// (https://support.pipedrive.com/en/article/leads-inbox — a lead's URL carries its UUID).
const KINDS: Record<string, RecordObjectType> = { person: 'contact', organization: 'company', deal: 'deal' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const pipedrive: CrmSite = {
  crm: 'pipedrive',
  hosts: CRM_HOSTS.pipedrive,
  recordFromUrl(url) {
    const [kind, id, extra] = segments(url.pathname);
    if (kind && KINDS[kind] && id && /^\d+$/.test(id) && extra === undefined) return record(KINDS[kind], id);
    if (kind === 'leads' && id === 'inbox' && extra && UUID.test(extra)) return record('lead', extra.toLowerCase());
    return null;
  },
  selectors: pipedriveSelectors,
  examples: [
    { url: 'https://acme.pipedrive.com/person/1842', expect: { objectType: 'contact', recordId: '1842' } },
    { url: 'https://acme.pipedrive.com/organization/77', expect: { objectType: 'company', recordId: '77' } },
    { url: 'https://acme.pipedrive.com/deal/3051', expect: { objectType: 'deal', recordId: '3051' } },
    { url: 'https://acme.pipedrive.com/deal/3051?tab=notes', expect: { objectType: 'deal', recordId: '3051' } },
    { url: 'https://acme.pipedrive.com/leads/inbox/5e3f9a80-1b2c-11ef-9a4b-0d1e2f3a4b5c', expect: { objectType: 'lead', recordId: '5e3f9a80-1b2c-11ef-9a4b-0d1e2f3a4b5c' } },
    { url: 'https://acme.pipedrive.com/persons/list/user/everyone', expect: null },
    { url: 'https://acme.pipedrive.com/organizations/list', expect: null },
    { url: 'https://acme.pipedrive.com/pipeline/1/user/everyone', expect: null },
    { url: 'https://acme.pipedrive.com/leads/inbox', expect: null },
    { url: 'https://acme.pipedrive.com/settings/personal', expect: null },
    { url: 'https://www.pipedrive.com/person/1', expect: null },
    { url: 'https://acme.pipedrive.com.attacker.net/person/1842', expect: null },
  ],
};
