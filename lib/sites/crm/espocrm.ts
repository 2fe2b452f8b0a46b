import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { espocrmSelectors } from './selectors/espocrm';
import { type CrmSite, hashUrl, record, segments } from './types';

// EspoCRM: cloud https://<name>.espocloud.com or self-hosted; a single-page app routed in the hash:
// #{EntityType}/view/{id} is a record's detail view, #{EntityType} its list, #{EntityType}/create a new form
// (https://docs.espocrm.com/user-guide/browsing-records/ ; the CCAI Platform EspoCRM guide uses
// https://YOUR_ESPO_DOMAIN/#Case/view/{RECORD_ID}, https://docs.cloud.google.com/contact-center/ccai-platform/docs/espo-example-implementation).
const ENTITIES: Record<string, RecordObjectType> = { Contact: 'contact', Account: 'company', Opportunity: 'deal', Lead: 'lead' };

export const espocrm: CrmSite = {
  crm: 'espocrm',
  hosts: CRM_HOSTS.espocrm,
  recordFromUrl(url) {
    const hash = hashUrl(url);
    if (!hash) return null;
    const [entity, action, id] = segments(hash.pathname);
    if (!entity || action !== 'view' || !id || !/^[A-Za-z][A-Za-z0-9]*$/.test(entity) || !/^[A-Za-z0-9-]{6,64}$/.test(id)) return null;
    return record(ENTITIES[entity] ?? 'other', id);
  },
  selectors: espocrmSelectors,
  examples: [
    { url: 'https://acme.espocloud.com/#Contact/view/64f1c2a3b4d5e6f70', expect: { objectType: 'contact', recordId: '64f1c2a3b4d5e6f70' } },
    { url: 'https://acme.espocloud.com/#Account/view/5a9d1e2f3c4b5a697', expect: { objectType: 'company', recordId: '5a9d1e2f3c4b5a697' } },
    { url: 'https://acme.espocloud.com/#Opportunity/view/5a9d1e2f3c4b5a698', expect: { objectType: 'deal', recordId: '5a9d1e2f3c4b5a698' } },
    { url: 'https://acme.espocloud.com/#Lead/view/5a9d1e2f3c4b5a699', expect: { objectType: 'lead', recordId: '5a9d1e2f3c4b5a699' } },
    { url: 'https://acme.espocloud.com/#Case/view/5a9d1e2f3c4b5a600', expect: { objectType: 'other', recordId: '5a9d1e2f3c4b5a600' } },
    { url: 'https://acme.espocloud.com/#Contact', expect: null },
    { url: 'https://acme.espocloud.com/#Contact/create', expect: null },
    { url: 'https://acme.espocloud.com/#Admin', expect: null },
    { url: 'https://acme.espocloud.com/', expect: null },
    { url: 'https://acme.espocloud.com.evil.io/#Contact/view/64f1c2a3b4d5e6f70', expect: null },
  ],
};
