import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { copperSelectors } from './selectors/copper';
import { type CrmSite, hashUrl, record, segments } from './types';

// Copper: a single-page app at https://app.copper.com/companies/{accountId}/app#/... (the "companies/{n}" segment is the
// Copper account, not a customer company). Copper's developer docs (https://developer.copper.com/) name the record kinds
// people, companies, opportunities, leads with integer ids unique per kind
// (https://developer.copper.com/account-and-users/overview.html). The in-app routes below — a record opened from a list as
// `?fullProfile={kind}-{id}` and direct routes `#/browse/{kind}/{id}` / `#/{kind}/{id}` — were NOT found in the stored docs:
// they follow URLs seen in Copper's app and must be re-checked against a saved page.
const KINDS: Record<string, RecordObjectType> = {
  people: 'contact', person: 'contact', companies: 'company', company: 'company',
  opportunities: 'deal', opportunity: 'deal', leads: 'lead', lead: 'lead',
};

export const copper: CrmSite = {
  crm: 'copper',
  hosts: CRM_HOSTS.copper,
  recordFromUrl(url) {
    const hash = hashUrl(url);
    if (!hash) return null;
    const profile = /^([a-z]+)-(\d+)$/.exec(hash.searchParams.get('fullProfile') ?? '');
    if (profile && KINDS[profile[1]!]) return record(KINDS[profile[1]!]!, profile[2]!);
    const parts = segments(hash.pathname);
    const start = parts[0] === 'browse' ? 1 : 0;
    const [kind, id, extra] = parts.slice(start);
    if (kind && KINDS[kind] && id && /^\d+$/.test(id) && extra === undefined) return record(KINDS[kind], id);
    return null;
  },
  selectors: copperSelectors,
  examples: [
    { url: 'https://app.copper.com/companies/123456/app#/browse/list/people/default?fullProfile=people-98765432', expect: { objectType: 'contact', recordId: '98765432' } },
    { url: 'https://app.copper.com/companies/123456/app#/browse/list/companies/default?fullProfile=companies-55501', expect: { objectType: 'company', recordId: '55501' } },
    { url: 'https://app.copper.com/companies/123456/app#/browse/list/opportunities/default?fullProfile=opportunities-777', expect: { objectType: 'deal', recordId: '777' } },
    { url: 'https://app.copper.com/companies/123456/app#/person/98765432', expect: { objectType: 'contact', recordId: '98765432' } },
    { url: 'https://app.copper.com/companies/123456/app#/browse/lead/4242', expect: { objectType: 'lead', recordId: '4242' } },
    { url: 'https://app.copper.com/companies/123456/app#/browse/list/people/default', expect: null },
    { url: 'https://app.copper.com/companies/123456/app#/dashboard', expect: null },
    { url: 'https://app.copper.com/companies/123456/app#/settings/general', expect: null },
    { url: 'https://app.copper.com/companies/123456/app', expect: null },
    { url: 'https://app.copper.com.evil.io/companies/1/app#/person/98765432', expect: null },
  ],
};
