import type { RecordObjectType } from '../../model/page';
import { CRM_HOSTS } from '../hosts';
import { dynamicsSelectors } from './selectors/dynamics';
import { type CrmSite, hashUrl, record } from './types';

// Dynamics 365 / Dataverse model-driven apps: https://<org>.crm[N].dynamics.com/main.aspx?appid=...&pagetype=entityrecord
// &etn={entity logical name}&id={GUID}; without id it is a new-record form; pagetype=entitylist is a view
// (https://learn.microsoft.com/en-us/power-apps/developer/model-driven-apps/open-forms-views-dialogs-reports-url;
//  older: https://learn.microsoft.com/en-us/previous-versions/dynamicscrm-2015/developers-guide/gg328483(v=crm.7),
//  id given as %7B91330924-802A-4B0D-A900-34FD9D790829%7D).
const ENTITIES: Record<string, RecordObjectType> = { contact: 'contact', account: 'company', opportunity: 'deal', lead: 'lead' };
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

function paramsOf(url: URL): URLSearchParams {
  // Some links put the form parameters in the hash (main.aspx#...); merge both, the query wins.
  const merged = new URLSearchParams(hashUrl(url)?.search ?? '');
  url.searchParams.forEach((value, key) => merged.set(key, value));
  return merged;
}

function param(params: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of params) if (key.toLowerCase() === name) return value;
  return undefined;
}

export const dynamics: CrmSite = {
  crm: 'dynamics',
  hosts: CRM_HOSTS.dynamics,
  recordFromUrl(url) {
    if (!/\/main\.aspx$/i.test(url.pathname)) return null;
    const params = paramsOf(url);
    if ((param(params, 'pagetype') ?? '').toLowerCase() !== 'entityrecord') return null;
    const entity = (param(params, 'etn') ?? '').toLowerCase();
    const guid = GUID.exec((param(params, 'id') ?? '').trim());
    if (!entity || !guid) return null;
    return record(ENTITIES[entity] ?? 'other', guid[1]!.toLowerCase());
  },
  selectors: dynamicsSelectors,
  examples: [
    { url: 'https://contoso.crm.dynamics.com/main.aspx?appid=a96b9fae-b21a-e911-a843-000d3a5377b9&pagetype=entityrecord&etn=contact&id=566f08ee-2795-ea11-a811-000d3a1029ac', expect: { objectType: 'contact', recordId: '566f08ee-2795-ea11-a811-000d3a1029ac' } },
    { url: 'https://contoso.crm4.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D', expect: { objectType: 'company', recordId: '91330924-802a-4b0d-a900-34fd9d790829' } },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?etn=opportunity&pagetype=entityrecord&id={91330924-802A-4B0D-A900-34FD9D790829}', expect: { objectType: 'deal', recordId: '91330924-802a-4b0d-a900-34fd9d790829' } },
    { url: 'https://contoso.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=1b2c3d4e-0000-1111-2222-333344445555', expect: { objectType: 'lead', recordId: '1b2c3d4e-0000-1111-2222-333344445555' } },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?etn=incident&id={566F08EE-2795-EA11-A811-000D3A1029AC}&pagetype=entityrecord', expect: { objectType: 'other', recordId: '566f08ee-2795-ea11-a811-000d3a1029ac' } },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?appid=a96b9fae-b21a-e911-a843-000d3a5377b9&forceUCI=1&pagetype=entityrecord&etn=account&id=6a3f7c1e-1f2e-4e5d-9c8b-7a6b5c4d3e2f', expect: { objectType: 'company', recordId: '6a3f7c1e-1f2e-4e5d-9c8b-7a6b5c4d3e2f' } },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord', expect: null },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?etn=opportunity&pagetype=entitylist&viewid=%7b00000000-0000-0000-00AA-000010003006%7d&viewtype=1039', expect: null },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=dashboard', expect: null },
    { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=not-a-guid', expect: null },
    { url: 'https://contoso.crm.dynamics.com.evil.io/main.aspx?pagetype=entityrecord&etn=contact&id=566f08ee-2795-ea11-a811-000d3a1029ac', expect: null },
  ],
};
