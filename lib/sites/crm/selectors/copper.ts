import type { RecordSelectors } from '../types';

// Copper (app.copper.com) renders its records client-side and documents no DOM hooks; no public code that reads Copper's
// record pages was found (searched 2026). Only web-standard hooks are used, so the sidebar still finds the person's
// address; expect the name to be wrong on some layouts until a saved page confirms a better hook.
const FIXTURE = 'copper-person.html';

export const copperSelectors: RecordSelectors = {
  name: [
    { css: 'h1', source: 'generic: the page heading (unverified against a saved Copper page)', seen: '2026', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: 'a[href^="mailto:"]', source: 'generic: mailto: links (RFC 6068; unverified against a saved Copper page)', seen: '2026', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  company: [],
  website: [],
};
