import type { RecordSelectors } from '../types';

// Salesforce record pages. Lightning: record fields carry data-target-selection-name="sfdc:RecordField.{Object}.{Field}"
// (API names, so the same in every language); the highlights panel shows the name in a [slot="primaryField"] element.
// Classic: detail cells have ids {prefix}{n}_ileinner (con15 = Contact.Email, lea11 = Lead.Email, con4 = Contact.Account).
// Sources are public UI-test page objects and extensions that read those pages (named per selector).
const LEAD = 'salesforce-lead.html';
const CONTACT = 'salesforce-contact.html';
const CLASSIC = 'salesforce-classic-contact.html';
const PAGE_OBJECTS = 'public Playwright/Selenium page objects for Lightning record pages';
const CLASSIC_OBJECTS = 'public Selenium page objects for Salesforce Classic detail pages';

export const salesforceSelectors: RecordSelectors = {
  name: [
    { css: 'records-highlights2 [slot="primaryField"]', source: `${PAGE_OBJECTS} (lightning-formatted-name[slot="primaryField"]); records-highlights2 from a public copy-record extension`, seen: '2025', checkedAgainst: { [LEAD]: 1, [CONTACT]: 1, [CLASSIC]: 0 } },
    { css: '.slds-page-header__title lightning-formatted-name', source: 'toggl/track-extension src/content/force.js', seen: '2021-12', checkedAgainst: { [LEAD]: 1, [CONTACT]: 1, [CLASSIC]: 0 } },
    { css: '.pageDescription', source: 'toggl/track-extension src/content/force.js (Classic detail view)', seen: '2021-12', checkedAgainst: { [LEAD]: 0, [CONTACT]: 0, [CLASSIC]: 1 } },
  ],
  email: [
    { css: '[data-target-selection-name="sfdc:RecordField.Contact.Email"], [data-target-selection-name="sfdc:RecordField.Lead.Email"]', source: `${PAGE_OBJECTS} (…Contact.Email"]//lightning-formatted-email)`, seen: '2025', checkedAgainst: { [LEAD]: 1, [CONTACT]: 1, [CLASSIC]: 0 } },
    { css: '#con15_ileinner, #lea11_ileinner', source: CLASSIC_OBJECTS, seen: '2020', checkedAgainst: { [LEAD]: 0, [CONTACT]: 0, [CLASSIC]: 1 } },
  ],
  company: [
    { css: '[data-target-selection-name="sfdc:RecordField.Contact.AccountId"] a, [data-target-selection-name="sfdc:RecordField.Opportunity.AccountId"] a', source: `derived: ${PAGE_OBJECTS} (field hook), lookup shown as a link`, seen: '2025', checkedAgainst: { [LEAD]: 0, [CONTACT]: 1, [CLASSIC]: 0 } },
    { css: '[data-target-selection-name="sfdc:RecordField.Lead.Company"] lightning-formatted-text', source: `${PAGE_OBJECTS} (…//lightning-formatted-text)`, seen: '2025', checkedAgainst: { [LEAD]: 1, [CONTACT]: 0, [CLASSIC]: 0 } },
    { css: '#con4_ileinner a', source: CLASSIC_OBJECTS, seen: '2020', checkedAgainst: { [LEAD]: 0, [CONTACT]: 0, [CLASSIC]: 1 } },
  ],
  website: [
    { css: '[data-target-selection-name="sfdc:RecordField.Account.Website"] a, [data-target-selection-name="sfdc:RecordField.Lead.Website"] a', source: `${PAGE_OBJECTS} (sfdc:RecordField.Account.Website)`, seen: '2025', checkedAgainst: { [LEAD]: 1, [CONTACT]: 0, [CLASSIC]: 0 } },
  ],
};
