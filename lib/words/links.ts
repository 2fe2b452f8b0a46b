// Why the options page offers two accounts as possibly one customer ("Link customers", components/options/LinkSection.tsx):
// the typed reason in (the offer's kind and the key or name the accounts share), the sentence out.
import type { LinkKey } from '../model/records';
import { isolate } from './visible';

export type LinkReason = { kind: 'same-name'; name: string } | { kind: 'shared-key'; key: LinkKey };

const CRM_LABELS: Record<string, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce', pipedrive: 'Pipedrive', zoho: 'Zoho CRM', dynamics: 'Dynamics 365', twenty: 'Twenty', espocrm: 'EspoCRM', suitecrm: 'SuiteCRM', odoo: 'Odoo', freshsales: 'Freshsales', copper: 'Copper', close: 'Close', erp: 'ERP' };

/** The shared key as a reader names it: "customer number 10190", "the Salesforce record 001A000001", "anna@acme.com". */
function keyWords(key: LinkKey): string {
  const value = isolate(key.value);
  switch (key.kind) {
    case 'customer-number':
      return `customer number ${value}`;
    case 'vat-id':
      return `VAT id ${value}`;
    case 'email':
      return `the buyer address ${value}`;
    case 'domain':
      return `the website ${value}`;
    case 'crm-record':
      return `the ${CRM_LABELS[key.crm] ?? 'CRM'} record ${value}`;
    case 'account-id':
      return `the key ${value}`;
  }
}

/** "the same name (“mueller”), but different websites, customer numbers or CRM records"; "both have customer number 10190, but different websites". */
export function linkOfferReason(reason: LinkReason): string {
  return reason.kind === 'same-name'
    ? `the same name (“${isolate(reason.name)}”), but different websites, customer numbers or CRM records`
    : `both have ${keyWords(reason.key)}, but different websites`;
}
