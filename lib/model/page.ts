import { z } from 'zod';

import { CRM_NAMES, PAGE_LIMITS } from './names';

export { CRM_NAMES };
export const CrmName = z.enum(CRM_NAMES);
export type CrmName = z.infer<typeof CrmName>;

export const RecordObjectType = z.enum(['contact', 'company', 'deal', 'lead', 'other']);
export type RecordObjectType = z.infer<typeof RecordObjectType>;

/** A CRM record as its URL names it. */
export const RecordRef = z.object({
  crm: CrmName,
  objectType: RecordObjectType,
  recordId: z.string().min(1).max(200),
});
export type RecordRef = z.infer<typeof RecordRef>;

export const PersonRole = z.enum(['from', 'to', 'cc', 'bcc', 'record', 'mentioned']);
export type PersonRole = z.infer<typeof PersonRole>;

export const PersonOnPage = z.object({
  email: z.string().min(3).max(320),
  name: z.string().max(200).optional(),
  role: PersonRole,
});
export type PersonOnPage = z.infer<typeof PersonOnPage>;

/**
 * Someone the page shows by name only (Outlook shows many recipients, and people of the signed-in mailbox's own
 * organisation, without an address). The matcher may resolve the name against the contacts of the account it found.
 */
export const NamedPerson = z.object({
  name: z.string().min(1).max(200),
  role: PersonRole,
});
export type NamedPerson = z.infer<typeof NamedPerson>;

export const SiteName = z.union([z.literal('gmail'), z.literal('outlook'), CrmName, z.literal('unknown')]);
export type SiteName = z.infer<typeof SiteName>;

/**
 * One message of an open conversation, as its header shows it: a stable id, when it was sent and who was on it (the
 * signed-in user included, so that the direction can be told). Never the body. Feeds the remembered touches
 * (lib/insights/people/touches.ts).
 */
export const MessageOnPage = z.object({
  /** The site's own message id ("18ba1c0f2e3d4c11" in Gmail, the MSG_ id in Outlook). */
  id: z.string().min(1).max(200),
  /** When it was sent, as an ISO date-time (the page's local time read by the content script). */
  sentAt: z.string().min(10).max(40).optional(),
  people: z.array(PersonOnPage).max(100),
});
export type MessageOnPage = z.infer<typeof MessageOnPage>;

/** What recognition found on the page: who is on screen. Sent from content scripts, so it is parsed. */
export const PageContext = z.object({
  site: SiteName,
  view: z.enum(['thread', 'compose', 'list', 'record', 'other']),
  people: z.array(PersonOnPage).max(200),
  /** People shown by name only, without an address (Outlook); never the signed-in user. */
  namedOnly: z.array(NamedPerson).max(50).optional(),
  subject: z.string().max(500).optional(),
  /** Plain text of the newest open message, trimmed; used for phrase signals (price talk, delays...). */
  bodyText: z.string().max(20_000).optional(),
  record: RecordRef.optional(),
  /** Company name or website shown on a CRM record page. */
  companyName: z.string().max(300).optional(),
  companyDomain: z.string().max(253).optional(),
  reason: z.string().max(500).optional(),
  /** The signed-in address (Gmail, Outlook), when the page shows it. */
  signedIn: z.string().min(3).max(320).optional(),
  /** The open conversation's messages with an id, newest last (Gmail, Outlook). */
  messages: z.array(MessageOnPage).max(100).optional(),
  /** The open conversation's own id, when the site shows one: Gmail's thread id, Outlook's conversation id. */
  threadId: z.string().min(1).max(PAGE_LIMITS.threadId).optional(),
});
export type PageContext = z.infer<typeof PageContext>;

/** Why the page is this account, as facts; the matcher (lib/db/match.ts) finds it, lib/words/sidebar.ts
 * `matchReason` writes the sentence. */
export type MatchEvidence =
  | { by: 'email'; email: string; contactName?: string; accountName: string }
  | { by: 'crm-id'; crm: string; recordId: string; contactName?: string; accountName: string }
  | { by: 'domain'; domain: string; seenAs: { email: string } | { website: true }; accountName: string }
  | { by: 'company-name'; pageName: string; accountName: string };

