import type { RecordSelectors } from '../types';

// Dynamics 365 / Dataverse model-driven forms (Unified Interface). Every field control carries
// data-id="{attribute logical name}.fieldControl…", the header title data-id="header_title", and a lookup's chosen
// record data-id="{attr}.fieldControl-LookupResultsDropdown_{attr}_selected_tag…": Microsoft's own UI-test framework reads
// these (microsoft/EasyRepro Microsoft.Dynamics365.UIAutomation.Api.UCI/DTO/AppElementReference.cs: Entity_HeaderTitle,
// Entity_TextFieldValue, Entity_LookupFieldExistingValue), as do public Playwright/Selenium suites
// (emailaddress1.fieldControl-mail-text-input, …_selected_tag_text). Attribute names are Dataverse's: emailaddress1,
// parentcustomerid, companyname, websiteurl.
const EASYREPRO = 'microsoft/EasyRepro Api.UCI/DTO/AppElementReference.cs';
const CONTACT = 'dynamics-contact.html';
const ACCOUNT = 'dynamics-account.html';

export const dynamicsSelectors: RecordSelectors = {
  name: [
    { css: '[data-id="header_title"]', source: `${EASYREPRO} (Entity_HeaderTitle)`, seen: '2023-07', checkedAgainst: { [CONTACT]: 1, [ACCOUNT]: 1 } },
  ],
  email: [
    { css: 'input[data-id^="emailaddress1.fieldControl"]', source: `${EASYREPRO} (Entity_TextFieldValue: input[@data-id contains '{NAME}.fieldControl']); public suites: emailaddress1.fieldControl-mail-text-input`, seen: '2025', checkedAgainst: { [CONTACT]: 1, [ACCOUNT]: 1 } },
  ],
  company: [
    { css: '[data-id="parentcustomerid.fieldControl-LookupResultsDropdown_parentcustomerid_selected_tag_text"]', source: 'public Playwright/Selenium suites (…_selected_tag_text)', seen: '2025', checkedAgainst: { [CONTACT]: 1, [ACCOUNT]: 0 } },
    { css: '[data-id^="parentcustomerid.fieldControl-LookupResultsDropdown_parentcustomerid_selected_tag"][role="link"]', source: `${EASYREPRO} (Entity_LookupFieldExistingValue)`, seen: '2023-07', checkedAgainst: { [CONTACT]: 1, [ACCOUNT]: 0 } },
  ],
  website: [
    { css: 'input[data-id^="websiteurl.fieldControl"]', source: `${EASYREPRO} (Entity_TextFieldValue); public suites: {attr}.fieldControl-url-text-input`, seen: '2025', checkedAgainst: { [CONTACT]: 0, [ACCOUNT]: 1 } },
  ],
};
