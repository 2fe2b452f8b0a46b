import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { freshsalesSelectors } from './selectors/freshsales';
import { type CrmSite, record, segments } from './types';

// Freshsales (Freshworks CRM): https://<domain>.myfreshworks.com/crm/sales/... ("if your Freshsales account accessing URL
// is www.xyz.myfreshworks.com/crm/sales, your domain is xyz", https://make.com/en/help/apps/crm-and-sales-tools/freshworks-crm);
// API twins https://<domain>.myfreshworks.com/crm/sales/api/contacts/{id} (https://developers.freshworks.com/crm/api).
// Legacy accounts: https://<domain>.freshsales.io/contacts/{id}.
const KINDS: Record<string, RecordObjectType> = { contacts: 'contact', accounts: 'company', sales_accounts: 'company', deals: 'deal', leads: 'lead' };

export const freshsales: CrmSite = {
  crm: 'freshsales',
  hosts: CRM_HOSTS.freshsales,
  recordFromUrl(url) {
    let parts = segments(url.pathname);
    if (url.hostname.endsWith('.myfreshworks.com')) {
      if (parts[0] !== 'crm' || parts[1] !== 'sales') return null;
      parts = parts.slice(2);
    }
    const [kind, id, extra] = parts;
    if (!kind || !KINDS[kind] || !id || !/^\d+$/.test(id) || (extra !== undefined && extra !== '')) return null;
    return record(KINDS[kind], id);
  },
  selectors: freshsalesSelectors,
  examples: [
    { url: 'https://widgetz.myfreshworks.com/crm/sales/contacts/16001234567', expect: { objectType: 'contact', recordId: '16001234567' } },
    { url: 'https://widgetz.myfreshworks.com/crm/sales/accounts/16000123456', expect: { objectType: 'company', recordId: '16000123456' } },
    { url: 'https://widgetz.myfreshworks.com/crm/sales/deals/16000999', expect: { objectType: 'deal', recordId: '16000999' } },
    { url: 'https://widgetz.freshsales.io/contacts/144', expect: { objectType: 'contact', recordId: '144' } },
    { url: 'https://widgetz.freshsales.io/leads/145', expect: { objectType: 'lead', recordId: '145' } },
    { url: 'https://widgetz.myfreshworks.com/crm/sales/contacts/view/16000045678', expect: null },
    { url: 'https://widgetz.myfreshworks.com/crm/sales/api/contacts/144', expect: null },
    { url: 'https://widgetz.myfreshworks.com/crm/sales/settings', expect: null },
    { url: 'https://widgetz.myfreshworks.com/contacts/144', expect: null },
    { url: 'https://widgetz.myfreshworks.com.evil.io/crm/sales/contacts/144', expect: null },
  ],
};
