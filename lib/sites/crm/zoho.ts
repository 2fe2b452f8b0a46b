import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { zohoSelectors } from './selectors/zoho';
import { type CrmSite, record, segments } from './types';

// Zoho CRM: crm.zoho.com and its data-centre twins (lib/sites/hosts.ts).
// Record detail pages: /crm/org{orgId}/tab/{Module}/{recordId} (also /crm/tab/{Module}/{recordId} for single-org
// users); module API names Leads, Contacts, Accounts, Deals (Potentials in older orgs)
// (https://www.zoho.com/crm/developer/docs/api/v7/modules-api.html).
const MODULES: Record<string, RecordObjectType> = { contacts: 'contact', accounts: 'company', deals: 'deal', potentials: 'deal', leads: 'lead' };

export const zoho: CrmSite = {
  crm: 'zoho',
  hosts: CRM_HOSTS.zoho,
  recordFromUrl(url) {
    const parts = segments(url.pathname);
    if (parts[0] !== 'crm') return null;
    const rest = /^org\d+$/.test(parts[1] ?? '') ? parts.slice(2) : parts.slice(1);
    const [tab, module, id, extra] = rest;
    if (tab !== 'tab' || !module || !id || !/^\d{5,}$/.test(id) || extra !== undefined) return null;
    return record(MODULES[module.toLowerCase()] ?? 'other', id);
  },
  selectors: zohoSelectors,
  examples: [
    { url: 'https://crm.zoho.com/crm/org712345678/tab/Contacts/4876876000000333001', expect: { objectType: 'contact', recordId: '4876876000000333001' } },
    { url: 'https://crm.zoho.eu/crm/org20071234/tab/Accounts/4876876000000333002', expect: { objectType: 'company', recordId: '4876876000000333002' } },
    { url: 'https://crm.zoho.in/crm/tab/Potentials/4876876000000333003', expect: { objectType: 'deal', recordId: '4876876000000333003' } },
    { url: 'https://crm.zoho.com/crm/org712345678/tab/Deals/4876876000000333004?sub_module=', expect: { objectType: 'deal', recordId: '4876876000000333004' } },
    { url: 'https://crm.zoho.com.au/crm/tab/Leads/1386586000002572002', expect: { objectType: 'lead', recordId: '1386586000002572002' } },
    { url: 'https://crm.zoho.sa/crm/tab/Leads/1386586000002572010', expect: { objectType: 'lead', recordId: '1386586000002572010' } },
    { url: 'https://crm.zohocloud.ca/crm/org1/tab/CustomModule1/1386586000002572009', expect: { objectType: 'other', recordId: '1386586000002572009' } },
    { url: 'https://crm.zoho.com/crm/org712345678/tab/Contacts/custom-view/4876876000000087501/list', expect: null },
    { url: 'https://crm.zoho.com/crm/org712345678/tab/Contacts/create', expect: null },
    { url: 'https://crm.zoho.com/crm/org712345678/tab/Home/begin', expect: null },
    { url: 'https://crm.zoho.com/crm/org712345678/settings/modules', expect: null },
    { url: 'https://crm.zoho.com.evil.io/crm/tab/Contacts/4876876000000333001', expect: null },
  ],
};
