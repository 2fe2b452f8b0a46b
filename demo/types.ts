// The shape of the demo data set handed to the demo script and the end-to-end tests.

import { z } from 'zod';

export const DemoParty = z.object({ email: z.string(), name: z.string() });
export type DemoParty = z.infer<typeof DemoParty>;

export const DemoScenarioId = z.enum(['lapsing', 'single-threaded', 'champion-moved', 'expansion', 'playbook']);
export type DemoScenarioId = z.infer<typeof DemoScenarioId>;

export const DemoMessage = z.object({
  from: DemoParty,
  to: z.array(DemoParty),
  cc: z.array(DemoParty).optional(),
  /** ISO 8601 UTC timestamp. */
  date: z.string(),
  body: z.string(),
});
export type DemoMessage = z.infer<typeof DemoMessage>;

/** What a demo Gmail page shows: a thread, oldest message first, the buyer's latest email last. */
export const DemoGmailThread = z.object({ subject: z.string(), messages: z.array(DemoMessage).min(1) });
export type DemoGmailThread = z.infer<typeof DemoGmailThread>;

/** What a demo CRM record page shows. */
export const DemoCrmRecord = z.object({
  crm: z.enum(['hubspot', 'salesforce']),
  recordId: z.string(),
  objectType: z.enum(['contact', 'company']),
  recordName: z.string(),
  email: z.string().optional(),
  company: z.string().optional(),
  website: z.string().optional(),
  title: z.string().optional(),
});
export type DemoCrmRecord = z.infer<typeof DemoCrmRecord>;

export const DemoScenario = z.object({
  id: DemoScenarioId,
  title: z.string(),
  accountName: z.string(),
  accountDomain: z.string(),
  gmail: DemoGmailThread.optional(),
  crm: DemoCrmRecord.optional(),
  /** Short phrases the sidebar should show for this story (across its Gmail and CRM views). */
  expect: z.array(z.string()),
});
export type DemoScenario = z.infer<typeof DemoScenario>;

export const DemoFile = z.object({ name: z.string(), text: z.string() });
export type DemoFile = z.infer<typeof DemoFile>;

export const DemoData = z.object({
  today: z.string(),
  files: z.array(DemoFile),
  scenarios: z.array(DemoScenario),
  me: DemoParty,
});
export type DemoData = z.infer<typeof DemoData>;

export interface DemoOptions {
  /** yyyy-mm-dd (UTC): the day the demo's stories are told as of. Required: the demo never reads the clock; the
   *  demo script passes the day it runs, tests pass a fixed day (or the browser's day, for end-to-end tests). */
  today: string;
  seed?: number;
}
