import type { RecordSelectors } from '../types';

// Freshsales (Freshworks CRM) record pages. A public lead-capture extension's content script reads live contact and
// account pages (fs_contact_detail / fs_account_detail): the name from ".entity-card--inline-content .text-truncate", a
// field's value from [data-field-rawname="{field}"] .inline-edit-content, where {field} is the API field name
// (emails, job_title, work_number; https://developers.freshworks.com/crm/api/ names a contact's accounts sales_accounts).
const FIXTURE = 'freshsales-contact.html';
const CAPTURE = 'public lead-capture extension content script for Freshsales (fs_contact_detail)';

export const freshsalesSelectors: RecordSelectors = {
  name: [
    { css: '.entity-card--inline-content .text-truncate', source: CAPTURE, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: '[data-field-rawname="emails"] .inline-edit-content', source: CAPTURE, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '[data-field-rawname="sales_accounts"] .inline-edit-content', source: `derived: ${CAPTURE} (data-field-rawname = API field name) with the API's sales_accounts`, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [],
};
