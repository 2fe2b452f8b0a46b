import type { RecordSelectors } from '../types';

// Close (app.close.com) builds its pages with CSS-module class names (Table_Column_list_…, OpportunityCard_card_…), so the
// stable hooks are links: a public extractor for Close reads contacts' addresses from a[href^="mailto:"] and phones
// from a[href^="tel:"], and leads from a[href*="/lead/"] (divyansharma001/Swadesh-AI-Assignment src/content/index.ts).
// A Close lead is the company you sell to (lib/sites/crm/close.ts): its heading is the company name, and every
// contact address on it belongs to that company.
const FIXTURE = 'close-lead.html';
const EXTRACTOR = 'divyansharma001/Swadesh-AI-Assignment src/content/index.ts';

export const closeSelectors: RecordSelectors = {
  name: [
    { css: 'h1', source: 'generic: the lead page heading (unverified against a saved Close page)', seen: '2026', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  email: [
    { css: 'a[href^="mailto:"]', source: `${EXTRACTOR} (mailto: links on Close pages)`, seen: '2025', checkedAgainst: { [FIXTURE]: 2 } },
  ],
  company: [
    { css: 'h1', source: 'generic: a Close lead is the company; its heading (unverified against a saved Close page)', seen: '2026', checkedAgainst: { [FIXTURE]: 1 } },
  ],
  website: [],
};
