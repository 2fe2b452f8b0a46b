import type { RecordSelectors } from '../types';

// Pipedrive person / organization / deal detail views. Clockify's Pipedrive integration hangs on the ".detailView" container
// of a contact's page and on [data-testid="header-title"] of a deal (clockify/browser-extension
// src/integrations/selectors.json, "pipedrive"). Inside the view, the stable hooks are the links themselves: mailto: for
// addresses, /organization/{id} for the person's organization (Pipedrive's own record URL, lib/sites/crm/pipedrive.ts).
const CLOCKIFY = 'clockify/browser-extension src/integrations/selectors.json (pipedrive)';
const FIXTURE = 'pipedrive-person.html';

export const pipedriveSelectors: RecordSelectors = {
  name: [
    { css: '.detailView h1', source: `derived: ${CLOCKIFY} contactView (.detailView); its heading`, seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: '.detailView a[href^="mailto:"]', source: `generic: mailto: links inside ${CLOCKIFY} contactView container`, seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: '.detailView a[href*="/organization/"]', source: 'generic: link to the organization record (/organization/{id}, https://support.pipedrive.com/en/article/company-domain)', seen: '2026-03', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [],
};
