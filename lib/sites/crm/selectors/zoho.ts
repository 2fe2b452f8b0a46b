import type { RecordSelectors } from '../types';

// Zoho CRM detail pages (/crm/{org}/tab/{Module}/{id}). Zoho renders each field's value in an element whose id is
// {role}_{COLUMN} with the field's upper-case column name: subvalue_EMAIL, subvalue_COMPANY, subvalue_WEBSITE,
// headervalue_LASTNAME, and (2026) titlecard_FULLNAME in the record header. Read by public scripts against live Zoho:
// a userscript ("#titlecard_FULLNAME … Zoho drifted LASTNAME -> FULLNAME (2026-08-04)"), a lead-capture extension's
// content script (zh_ld_detail: headervalue_LASTNAME, subvalue_EMAIL, subvalue_COMPANY, subvalue_WEBSITE) and Selenium
// page objects (//a[@id='subvalue_EMAIL'], mouseArea__PHONE).
const FIXTURE = 'zoho-lead.html';
const CAPTURE = 'public lead-capture extension content script for Zoho CRM (zh_ld_detail)';

export const zohoSelectors: RecordSelectors = {
  name: [
    { css: '#titlecard_FULLNAME, #titlecard_LASTNAME', source: 'public Zoho CRM userscript (verified against live records 2026-08/09)', seen: '2026-09', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: '#subvalue_EMAIL', source: `${CAPTURE}; public Selenium page objects (//a[@id='subvalue_EMAIL'])`, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '#subvalue_COMPANY', source: `${CAPTURE} (Leads)`, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [
    { css: '#subvalue_WEBSITE', source: `${CAPTURE} (Leads)`, seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
  ],
};
