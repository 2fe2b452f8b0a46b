// Constants shared with content scripts, kept free of zod so the content-script bundle stays small.

/** CRMs whose record pages we recognize (issue 6). */
export const CRM_NAMES = [
  'hubspot',
  'salesforce',
  'pipedrive',
  'zoho',
  'dynamics',
  'twenty',
  'espocrm',
  'suitecrm',
  'odoo',
  'freshsales',
  'copper',
  'close',
] as const;

/** Bounds of a PageContext (the zod schema in page.ts uses the same numbers). */
export const PAGE_LIMITS = { people: 200, namedOnly: 50, email: 320, name: 200, subject: 500, bodyText: 20_000, companyName: 300, domain: 253, reason: 500, messages: 100, messagePeople: 100, messageId: 200, threadId: 300 } as const;
