import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { twentySelectors } from './selectors/twenty';
import { type CrmSite, record, segments } from './types';

// Twenty: cloud workspaces https://<workspace>.twenty.com, or self-hosted. The front end routes a record's show page
// as /object/:objectNameSingular/:objectRecordId and lists as /objects/:objectNamePlural
// (twentyhq/twenty, packages/twenty-front/src/modules/types/AppPath.ts: RecordIndexPage = '/objects/:objectNamePlural',
// RecordShowPage = '/object/:objectNameSingular/:objectRecordId' — checked in the public source).
const OBJECTS: Record<string, RecordObjectType> = { person: 'contact', company: 'company', opportunity: 'deal' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const twenty: CrmSite = {
  crm: 'twenty',
  hosts: CRM_HOSTS.twenty,
  recordFromUrl(url) {
    const [object, name, id] = segments(url.pathname);
    if (object !== 'object' || !name || !id || !UUID.test(id)) return null;
    return record(OBJECTS[name] ?? 'other', id.toLowerCase());
  },
  selectors: twentySelectors,
  examples: [
    { url: 'https://acme.twenty.com/object/person/20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b', expect: { objectType: 'contact', recordId: '20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b' } },
    { url: 'https://acme.twenty.com/object/company/0aa5f9d6-8b9c-4d3e-a1b2-c3d4e5f6a7b8', expect: { objectType: 'company', recordId: '0aa5f9d6-8b9c-4d3e-a1b2-c3d4e5f6a7b8' } },
    { url: 'https://acme.twenty.com/object/opportunity/7C1E2D3F-4A5B-4C6D-8E9F-0A1B2C3D4E5F', expect: { objectType: 'deal', recordId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' } },
    { url: 'https://acme.twenty.com/object/note/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', expect: { objectType: 'other', recordId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' } },
    { url: 'https://acme.twenty.com/objects/people', expect: null },
    { url: 'https://acme.twenty.com/objects/companies?viewId=1', expect: null },
    { url: 'https://acme.twenty.com/settings/accounts', expect: null },
    { url: 'https://acme.twenty.com/object/person/new', expect: null },
    { url: 'https://twenty.com/object/person/20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b', expect: null },
    { url: 'https://acme.twenty.com.evil.io/object/person/20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b', expect: null },
  ],
};
