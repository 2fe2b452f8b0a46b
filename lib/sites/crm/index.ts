import type { CrmName } from '../../model/page';
import { close } from './close';
import { copper } from './copper';
import { dynamics } from './dynamics';
import { espocrm } from './espocrm';
import { freshsales } from './freshsales';
import { hubspot } from './hubspot';
import { odoo } from './odoo';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { suitecrm } from './suitecrm';
import type { CrmSite } from './types';
import { twenty } from './twenty';
import { zoho } from './zoho';

export type { CrmSelector, CrmSite, RecordSelectors, UrlExample } from './types';

/** Every CRM we recognize, one module each. */
export const CRM_SITES: readonly CrmSite[] = [hubspot, salesforce, pipedrive, zoho, dynamics, twenty, espocrm, suitecrm, odoo, freshsales, copper, close];

export const crmSite = (name: CrmName): CrmSite | undefined => CRM_SITES.find((site) => site.crm === name);
