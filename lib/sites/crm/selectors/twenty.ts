import type { RecordSelectors } from '../types';

// Twenty record show pages (/object/{object}/{id}), read from Twenty's open-source front end (twentyhq/twenty,
// packages/twenty-front): the record's title sits in data-testid="top-bar-title" after a role="button" "Back to …"
// prefix; EmailsDisplay renders each address as a link href="mailto:{email}"
// (src/modules/ui/field/display/components/EmailsDisplay.tsx); relation chips link to the related record's show page,
// /object/company/{id} for a person's company (src/modules/types/AppPath.ts, RecordShowPage).
const FIXTURE = 'twenty-person.html';
const FRONT = 'twentyhq/twenty packages/twenty-front';

export const twentySelectors: RecordSelectors = {
  name: [
    // The title container holds a role="button" "Back to {objects}" prefix, then the title cell, then "(n of m)".
    { css: '[data-testid="top-bar-title"] > [role="button"] + *', source: `${FRONT} record show page title (data-testid="top-bar-title")`, seen: '2026', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: 'a[href^="mailto:"]', source: `${FRONT} src/modules/ui/field/display/components/EmailsDisplay.tsx`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [
    { css: 'a[href*="/object/company/"]', source: `${FRONT} src/modules/types/AppPath.ts (RecordShowPage route)`, seen: '2025', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [],
};
