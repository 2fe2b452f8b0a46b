import { CaptureSettings, Settings } from './settings';
import { z } from 'zod';
import { PageContext } from './page';
import { PAGE_LIMITS } from './names';
import { Playbook } from './playbook';
import { ColumnMappingSchema, FileSettingsSchema } from './mapping';

// Messages between extension parts. Every message is parsed on arrival: a content script runs beside an
// untrusted page, so its messages get no more trust than the page itself.

/**
 * The largest message, in bytes of its JSON text (UTF-8), that Chrome passes between extension parts. Chrome sends
 * one-time messages as JSON ("a one-time JSON-serializable message",
 * https://developer.chrome.com/docs/extensions/develop/concepts/messaging) and refuses one whose JSON text is over
 * 64 MiB (Chromium 150 says "Message exceeded maximum allowed size of 64MiB.", seen in tests/e2e/reliability.spec.ts;
 * older versions "Message length exceeded maximum allowed length."; Chromium: kMaxMessageLength in
 * extensions/renderer/api/messaging/messaging_util.cc; TestMaximumMessageSize in messaging_util_unittest.cc refuses
 * 65 MiB). Firefox clones messages structurally instead; the Chrome limit is the one that holds in both.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** What a content script may ask: insights for what is on screen, and "I inserted this question". */
export const ContentMessage = z.discriminatedUnion('type', [
  /**
   * What the sidebar shows for the page. `remember`: ids of the page's messages whose headers to remember first, in
   * the same round trip (issue 16). The one write a content script may ask for this way, and acceptable because it
   * can only add: the background derives the touches itself from the page (never takes stored records from the page),
   * keeps only messages at accounts the book already knows (unless the rep allows new companies), never overwrites or
   * deletes a remembered message, and changes no other store. Its size is the page's schema: at most 100 messages of
   * at most 100 people (PageContext.messages). The worst a hostile page can do is add made-up messages about known
   * accounts, which it could make the rep open anyway.
   */
  z.object({
    type: z.literal('getSidebarState'),
    page: PageContext,
    accountId: z.string().max(300).optional(),
    remember: z.array(z.string().min(1).max(200)).max(100).optional(),
  }),
  z.object({
    type: z.literal('recordQuestion'),
    accountId: z.string().min(1).max(300),
    playbookId: z.string().min(1).max(80),
    questionId: z.string().min(1).max(80),
    text: z.string().min(1).max(1000),
    site: z.string().max(40),
  }),
  z.object({ type: z.literal('openOptions'), section: z.enum(['import', 'data', 'risk', 'playbooks', 'team']).optional() }),
  /**
   * "Forget this conversation" in the sidebar: forgets the remembered messages with these ids and, when the page
   * shows the conversation's id, every message remembered of that conversation (also those not on screen now, e.g.
   * collapsed or since deleted), nothing else. A page could only make the rep forget what was remembered of messages
   * or a conversation it names; no other data can be reached.
   */
  z.object({
    type: z.literal('forgetConversation'),
    site: z.enum(['gmail', 'outlook']),
    messageIds: z.array(z.string().min(1).max(200)).min(1).max(100),
    threadId: z.string().min(1).max(PAGE_LIMITS.threadId).optional(),
  }),
  /**
   * The one-time notice: seen, "Turn off", or "Don't remember on <site>" (`turnOffSite`, with the site). Can only hide
   * the notice or turn remembering off, everywhere or on one site, never on.
   */
  z.object({ type: z.literal('captureNotice'), action: z.enum(['seen', 'turnOff', 'turnOffSite']), site: z.enum(['gmail', 'outlook']).optional() }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/**
 * What only extension pages (the options page) may ask: every change to the database, playbooks and settings (the
 * background owns the database: docs/ARCHITECTURE.md, "Who owns the database"), and the playbook preview, which reads with the
 * background's clock and team policy.
 */
export const PageMessage = z.discriminatedUnion('type', [
  /** The import worker committed a file (the one writer besides the background): rescore. */
  z.object({ type: z.literal('dataChanged') }),
  z.object({ type: z.literal('rescore') }),
  z.object({ type: z.literal('deleteAccount'), accountId: z.string().min(1).max(300) }),
  z.object({ type: z.literal('deleteAll'), confirm: z.literal('delete everything') }),
  z.object({ type: z.literal('savePlaybooks'), playbooks: z.array(Playbook).max(100) }),
  /** Replace the database with a backup file's text (validated whole by the background before anything changes). */
  z.object({ type: z.literal('restoreBackup'), text: z.string().max(MAX_MESSAGE_BYTES) }),
  /** Remember the column mapping the user chose for files with these headers (lib/import/mapping.ts mappingKey). */
  z.object({ type: z.literal('saveMapping'), mappingKey: z.string().regex(/^map-[0-9a-f]{1,64}$/), mapping: ColumnMappingSchema }),
  /** Remember the currency / decimal mark the user chose for files with these headers (next to the saved mapping). */
  z.object({ type: z.literal('saveFileSettings'), mappingKey: z.string().regex(/^map-[0-9a-f]{1,64}$/), settings: FileSettingsSchema }),
  /** The questions an account would get with the playbooks as saved (the options page's preview). */
  z.object({ type: z.literal('previewQuestions'), accountId: z.string().min(1).max(300) }),
  z.object({ type: z.literal('saveSettings'), settings: Settings }),
  /** "This account (a customer number, a stub, a duplicate) is the same customer as that one": remembered, then the book is linked again. */
  z.object({ type: z.literal('linkAccounts'), fromId: z.string().min(1).max(300), intoId: z.string().min(1).max(300) }),
  /** Undo one of the user's links (lib/db/linking.ts). */
  z.object({ type: z.literal('unlinkAccounts'), linkId: z.string().min(1).max(320) }),
  /** Remembering conversations: the rep's settings (Data page). */
  z.object({ type: z.literal('saveCaptureSettings'), settings: CaptureSettings }),
  /** Forget every remembered conversation (Data page). */
  z.object({ type: z.literal('forgetAllConversations') }),
  /** "Not the same customer": an offered match the user answered no to (lib/service/linkDismissals.ts). */
  z.object({ type: z.literal('dismissLinkOffer'), offerId: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('addSelfHostedCrm'), origin: z.string().url().max(300), crm: z.enum(['twenty', 'espocrm', 'suitecrm', 'odoo']) }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** Background → content script: toggle the sidebar (keyboard command). Only the background can send it. */
export type TabMessage = { type: 'toggleSidebar' };

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };
