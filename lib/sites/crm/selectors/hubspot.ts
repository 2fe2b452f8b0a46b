import type { RecordSelectors } from '../types';

// HubSpot record pages (contacts, companies, deals: /contacts/{portal}/record/{type}/{id}). HubSpot marks its UI with
// data-selenium-test / data-test-id hooks for its own browser tests; time trackers that integrate with HubSpot read them:
// clockify/browser-extension src/integrations/hubspot.js and toggl/track-extension src/content/hubspot.js.
const CLOCKIFY = 'clockify/browser-extension src/integrations/hubspot.js';
const FIXTURE = 'hubspot-contact.html';

export const hubspotSelectors: RecordSelectors = {
  name: [
    { css: '[data-selenium-test="highlightTitle"]', source: `${CLOCKIFY}; toggl/track-extension src/content/hubspot.js`, seen: '2026-04', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    // Property inputs are named property-input-{internal property name}; "email" is read by public WebdriverIO suites
    // that drive HubSpot's contact forms, "company" by Clockify (below).
    { css: '[data-selenium-test="property-input-email"]', source: 'public WebdriverIO page objects for HubSpot contacts (property-input-email)', seen: '2024', checkedAgainst: { [FIXTURE]: 1 } },
    { css: '[data-test-id="record-highlight-main-content"] a[href^="mailto:"]', source: `derived: highlight card container from ${CLOCKIFY}; mailto: link inside`, seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '[data-selenium-test="property-input-company"]', source: `${CLOCKIFY} (reads its value)`, seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
    { css: '[data-selenium-test="company-chicklet-title-link"]', source: `${CLOCKIFY} (associated company card)`, seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [
    // "website" is the internal name of the Website URL property (https://knowledge.hubspot.com/properties/hubspots-default-contact-properties).
    { css: '[data-selenium-test="property-input-website"]', source: 'derived: property-input-{property} naming (above) with HubSpot\'s default property "website"', seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
};
