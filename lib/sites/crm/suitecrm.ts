import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { suitecrmSelectors } from './selectors/suitecrm';
import { type CrmSite, hashUrl, record, segments } from './types';

// SuiteCRM (self-hosted only).
// 7.x: index.php?module=Contacts&action=DetailView&record={id} — the SugarCRM-derived detail view
//   (e.g. SugarApplication::redirect('index.php?' . http_build_query(['module'=>'Accounts','action'=>'DetailView','record'=>$id])),
//   https://gist.github.com/jmertic/4627608); the Ajax UI wraps it: index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3D...
// 8.x: Angular front end, #/{module}/record/{id} (https://docs.suitecrm.com/8.x/ — record view routes "/:module/record/:id").
const MODULES: Record<string, RecordObjectType> = { contacts: 'contact', accounts: 'company', opportunities: 'deal', leads: 'lead' };
const ID = /^[A-Za-z0-9-]{8,64}$/;

function fromLegacyQuery(params: URLSearchParams): ReturnType<CrmSite['recordFromUrl']> {
  const module = (params.get('module') ?? '').toLowerCase();
  const id = params.get('record') ?? '';
  if (params.get('action') !== 'DetailView' || !module || !ID.test(id)) return null;
  return record(MODULES[module] ?? 'other', id);
}

export const suitecrm: CrmSite = {
  crm: 'suitecrm',
  hosts: CRM_HOSTS.suitecrm,
  recordFromUrl(url) {
    if (/\/index\.php$/i.test(url.pathname)) {
      const direct = fromLegacyQuery(url.searchParams);
      if (direct) return direct;
      const ajax = /ajaxUILoc=([^&]+)/.exec(url.hash);
      if (ajax) {
        try {
          const inner = new URL(decodeURIComponent(ajax[1]!), 'https://suite.invalid/');
          return fromLegacyQuery(inner.searchParams);
        } catch {
          return null;
        }
      }
    }
    const hash = hashUrl(url);
    if (!hash) return null;
    const [module, kind, id] = segments(hash.pathname);
    if (!module || kind !== 'record' || !id || !ID.test(id)) return null;
    return record(MODULES[module.toLowerCase()] ?? 'other', id);
  },
  selectors: suitecrmSelectors,
  examples: [
    { url: 'https://crm.example.org/index.php?module=Contacts&action=DetailView&record=8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', expect: { objectType: 'contact', recordId: '8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' } },
    { url: 'https://crm.example.org/suitecrm/index.php?module=Accounts&action=DetailView&record=1a2b3c4d-0000-1111-2222-333344445555', expect: { objectType: 'company', recordId: '1a2b3c4d-0000-1111-2222-333344445555' } },
    { url: 'https://crm.example.org/index.php?module=Opportunities&offset=1&return_module=Opportunities&action=DetailView&record=9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9', expect: { objectType: 'deal', recordId: '9e8d7c6b-5a49-3827-1605-f4e3d2c1b0a9' } },
    { url: 'https://crm.example.org/index.php?action=ajaxui#ajaxUILoc=index.php%3Fmodule%3DLeads%26action%3DDetailView%26record%3D5b6c7d8e-1111-2222-3333-444455556666', expect: { objectType: 'lead', recordId: '5b6c7d8e-1111-2222-3333-444455556666' } },
    { url: 'https://crm.example.org/#/contacts/record/8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', expect: { objectType: 'contact', recordId: '8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' } },
    { url: 'https://crm.example.org/public/#/accounts/record/1a2b3c4d-0000-1111-2222-333344445555', expect: { objectType: 'company', recordId: '1a2b3c4d-0000-1111-2222-333344445555' } },
    { url: 'https://crm.example.org/#/cases/record/1a2b3c4d-0000-1111-2222-333344445599', expect: { objectType: 'other', recordId: '1a2b3c4d-0000-1111-2222-333344445599' } },
    { url: 'https://crm.example.org/index.php?module=Contacts&action=index', expect: null },
    { url: 'https://crm.example.org/index.php?module=Contacts&action=EditView&return_module=Contacts', expect: null },
    { url: 'https://crm.example.org/#/contacts', expect: null },
    { url: 'https://crm.example.org/#/contacts/edit', expect: null },
  ],
};
