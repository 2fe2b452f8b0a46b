import { z } from 'zod';
import { CrmName } from './page';

/** ISO calendar date, yyyy-mm-dd. Orders and activity are dated by day. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a yyyy-mm-dd date');

export const CrmId = z.object({ crm: z.union([CrmName, z.literal('erp'), z.literal('other')]), recordId: z.string().min(1) });
export type CrmId = z.infer<typeof CrmId>;

/**
 * A customer company. Keyed by its main web domain ("acme.com"); accounts without a known domain are
 * keyed "name:<normalized name>" until one is seen.
 */
export const Account = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  domains: z.array(z.string()),
  crmIds: z.array(CrmId),
  /** Keys an order log uses for this account (ERP customer numbers...). */
  customerKeys: z.array(z.string()).default([]),
  /** Buyer addresses an order log or customer master pairs with this account (a key like the others, lib/import/link.ts). */
  emails: z.array(z.string()).optional(),
  /** VAT ids (EU VAT number, USt-IdNr.) a customer master gives, upper-case without spaces. */
  taxIds: z.array(z.string()).optional(),
  industry: z.string().optional(),
  employees: z.number().int().nonnegative().optional(),
  annualRevenue: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  owner: z.string().optional(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const ContactStatus = z.enum(['active', 'left', 'unknown']);

/** A person, keyed by lower-cased email. */
export const Contact = z.object({
  email: z.string().min(3),
  accountId: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  name: z.string(),
  title: z.string().optional(),
  phone: z.string().optional(),
  crmIds: z.array(CrmId),
  status: ContactStatus.default('unknown'),
  lastActivity: IsoDate.optional(),
  createdAt: IsoDate.optional(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

/** One order line (or a whole order when the log has no lines). */
export const Order = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  date: IsoDate,
  amount: z.number().finite(),
  currency: z.string().length(3).optional(),
  product: z.string().optional(),
  quantity: z.number().finite().optional(),
  /** The order source (feed) the line came from: its as-of date says up to when the source's data is complete. */
  feed: z.string().max(80).optional(),
  /**
   * The identity key the row named when it was imported ("customer:10190", "acme.com", "name:acme"): the order belongs
   * to the account that holds the key, so that undoing a link (lib/db/linking.ts) knows which orders go back.
   */
  key: z.string().optional(),
  /** The buyer's address the invoice line names (lower-cased): the person who ordered. */
  buyer: z.string().optional(),
});
export type Order = z.infer<typeof Order>;

/**
 * An order source: one export that is imported again and again (same format and headers). `asOf` is the day its data
 * is complete to — by default the newest order in the file, corrected by the user in the import preview. Silence is
 * measured to it, never to today. Read from the import history (lib/db/feeds.ts), not stored on its own.
 */
export const OrderFeed = z.object({
  id: z.string().min(1).max(80),
  /** The file name of its latest import. */
  label: z.string().max(300),
  asOf: IsoDate,
  importedAt: z.string(),
});
export type OrderFeed = z.infer<typeof OrderFeed>;

export const Product = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  category: z.string().optional(),
});
export type Product = z.infer<typeof Product>;

/** An email or meeting touch with a contact, from CRM activity exports or seen in Gmail. */
export const Activity = z.object({
  id: z.string().min(1),
  accountId: z.string().optional(),
  email: z.string().min(3),
  date: IsoDate,
  kind: z.enum(['email-in', 'email-out', 'meeting', 'call']),
  /**
   * Only on activity read from a remembered touch (never stored in `activities`): how the person was on the message.
   * 'cc' (or another recipient of an incoming message) says they were seen, not written to: it dates them, it does not
   * count as a touch of theirs.
   */
  seenAs: z.enum(['from', 'to', 'cc']).optional(),
});
export type Activity = z.infer<typeof Activity>;

export const TouchAddress = z.object({ email: z.string().min(3).max(320), name: z.string().max(200).optional() });
export type TouchAddress = z.infer<typeof TouchAddress>;

/**
 * One message of a conversation the rep opened, remembered on this computer (issue 16): who wrote to whom and when,
 * never the body; the subject only when the rep allows it. Keyed by site and message id, so opening the conversation
 * again adds nothing. Addresses of the rep's own company, free-mail strangers and no-reply senders are never in it.
 */
export const Touch = z.object({
  /** "gmail:<message id>" or "outlook:<message id>". */
  id: z.string().min(1).max(220),
  site: z.enum(['gmail', 'outlook']),
  messageId: z.string().min(1).max(200),
  /**
   * "gmail:<thread id>" or "outlook:<conversation id>": the conversation it belongs to, when the site showed its id
   * (remembered since v7; a message remembered before counts as a conversation of its own).
   */
  thread: z.string().min(1).max(320).optional(),
  /** ISO date-time it was sent. */
  at: z.string().min(10).max(40),
  date: IsoDate,
  accountId: z.string().optional(),
  /** 'out': the rep wrote it; 'in': written to the rep. */
  direction: z.enum(['in', 'out']),
  from: TouchAddress,
  to: z.array(TouchAddress).max(100),
  cc: z.array(TouchAddress).max(100),
  subject: z.string().max(500).optional(),
});
export type Touch = z.infer<typeof Touch>;

export const QuestionAsked = z.object({
  id: z.string().min(1),
  accountId: z.string().min(1),
  playbookId: z.string(),
  questionId: z.string(),
  text: z.string(),
  askedAt: z.string(),
  site: z.string(),
});
export type QuestionAsked = z.infer<typeof QuestionAsked>;

/**
 * "This account is the same customer as that one", said by the user in the options page: remembered (store `links`,
 * and in the backup) so that it holds after every re-import, and undone with the snapshot of the account it absorbed.
 */
export const AccountLink = z.object({
  id: z.string().min(1),
  /** The account that was merged away, as it was just before the link. */
  from: Account,
  intoId: z.string().min(1),
  /** The keys the surviving account gained by the link (removed again on undo). */
  addedKeys: z.array(z.string()),
  linkedAt: z.string(),
});
export type AccountLink = z.infer<typeof AccountLink>;

/**
 * One key of an account as data (lib/import/link.ts keysOf writes each as the string the linking joins on): what a
 * "possibly the same customer" offer names as the key two accounts share.
 */
export type LinkKey =
  | { kind: 'account-id' | 'domain' | 'customer-number' | 'vat-id' | 'email'; value: string }
  | { kind: 'crm-record'; crm: string; value: string };

/** "Not the same customer": the ids of the link offers the user answered no to (meta "linkDismissals", and backups). */
export const LinkDismissals = z.array(z.string().max(2000)).max(10_000);


export const ImportRecord = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  source: z.string(),
  kind: z.enum(['contacts', 'companies', 'deals', 'orders', 'activities', 'backup', 'demo']),
  rowsRead: z.number().int().nonnegative(),
  rowsImported: z.number().int().nonnegative(),
  rowsRejected: z.number().int().nonnegative(),
  importedAt: z.string(),
  /** Order files: the source they belong to and the day its data is complete to (see OrderFeed). */
  feed: z.string().min(1).max(80).optional(),
  asOf: IsoDate.optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;
