import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { hubspotSelectors } from './selectors/hubspot';
import { type CrmSite, record, segments } from './types';

// HubSpot record URLs.
// Object type ids 0-1 contacts, 0-2 companies, 0-3 deals, 0-5 tickets:
//   https://developers.hubspot.com/docs/api/crm/understanding-the-crm (table "Type ID / Object").
// Record pages: https://app.hubspot.com/contacts/{portalId}/record/{objectTypeId}/{recordId}; legacy
//   /contacts/{portalId}/contact/{vid}, /company/{id}, /deal/{id}; company list example
//   https://app.hubspot.com/contacts/6798828/companies/list/view/all/ (https://cloud.tencent.com/developer/article/1555325).
// Regional app hosts (app-eu1, app-na2, app-na3, app-ap1): lib/sites/hosts.ts.
const BY_TYPE_ID: Record<string, RecordObjectType> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };
const LEGACY: Record<string, RecordObjectType> = { contact: 'contact', company: 'company', deal: 'deal' };

export const hubspot: CrmSite = {
  crm: 'hubspot',
  hosts: CRM_HOSTS.hubspot,
  recordFromUrl(url) {
    const [app, portal, kind, a, b] = segments(url.pathname);
    if (app !== 'contacts' || !/^\d+$/.test(portal ?? '')) return null;
    if (kind === 'record' && a && b && /^\d+$/.test(b)) {
      if (!/^\d+-\d+$/.test(a)) return null;
      return record(BY_TYPE_ID[a] ?? 'other', b);
    }
    if (kind && LEGACY[kind] && a && /^\d+$/.test(a)) return record(LEGACY[kind], a);
    return null;
  },
  selectors: hubspotSelectors,
  examples: [
    { url: 'https://app.hubspot.com/contacts/6798828/record/0-1/51', expect: { objectType: 'contact', recordId: '51' } },
    { url: 'https://app.hubspot.com/contacts/6798828/record/0-2/2640917901', expect: { objectType: 'company', recordId: '2640917901' } },
    { url: 'https://app.hubspot.com/contacts/6798828/record/0-3/9912/', expect: { objectType: 'deal', recordId: '9912' } },
    { url: 'https://app-eu1.hubspot.com/contacts/25123456/record/0-1/1201?eschref=%2F', expect: { objectType: 'contact', recordId: '1201' } },
    { url: 'https://app-na2.hubspot.com/contacts/44/record/0-2/77/view/1', expect: { objectType: 'company', recordId: '77' } },
    { url: 'https://app-ap1.hubspot.com/contacts/442914926/record/0-3/5521', expect: { objectType: 'deal', recordId: '5521' } },
    { url: 'https://app-eu2.hubspot.com/contacts/44/record/0-1/77', expect: null },
    { url: 'https://app.hubspot.com/contacts/62515/contact/154835/', expect: { objectType: 'contact', recordId: '154835' } },
    { url: 'https://app.hubspot.com/contacts/62515/company/1234', expect: { objectType: 'company', recordId: '1234' } },
    { url: 'https://app.hubspot.com/contacts/62515/deal/98765', expect: { objectType: 'deal', recordId: '98765' } },
    { url: 'https://app.hubspot.com/contacts/62515/record/0-5/321', expect: { objectType: 'other', recordId: '321' } },
    { url: 'https://app.hubspot.com/contacts/6798828/companies/list/view/all/', expect: null },
    { url: 'https://app.hubspot.com/contacts/6798828/objects/0-1/views/all/list', expect: null },
    { url: 'https://app.hubspot.com/contacts/6798828/record/0-1/', expect: null },
    { url: 'https://app.hubspot.com/settings/6798828/users', expect: null },
    { url: 'https://app.hubspot.com.evil.io/contacts/1/record/0-1/2', expect: null },
    { url: 'https://hubspot.com.attacker.net/contacts/1/record/0-1/2', expect: null },
    { url: 'https://www.hubspot.com/contacts/1/record/0-1/2', expect: null },
  ],
};
