import { z } from 'zod';

/** What the engine can see and a question can be triggered by. */
export const SIGNAL_KINDS = [
  'lapse-high',
  'lapse-watch',
  'overdue',
  'missing-economic-buyer',
  'missing-finance',
  'missing-technical',
  'single-threaded',
  'champion-left',
  'contact-moved-here',
  'new-contact',
  'expansion-gap',
  'email-competitor',
  'email-price',
  'email-delay',
  'email-reviewing-suppliers',
  'email-complaint',
  'email-order-change',
  'check-in',
] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = z.infer<typeof SignalKind>;

/** A signal seen for the account on screen, with its strength and the words that explain it. */
export const Signal = z.object({
  kind: SignalKind,
  /** 0..1: how strongly the evidence points this way. */
  strength: z.number().min(0).max(1),
  reason: z.string(),
});
export type Signal = z.infer<typeof Signal>;

export const PLAYBOOK_VARIABLES = [
  'firstName',
  'company',
  'product',
  'gapProduct',
  'competitor',
  'weeksSinceLastOrder',
] as const;

export const Question = z.object({
  id: z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
  text: z.string().min(5).max(500),
  signals: z.array(SignalKind).min(1),
  /** 1 (low) .. 5 (high). */
  priority: z.number().int().min(1).max(5),
  tags: z.array(z.string().max(40)).max(10).optional(),
  enabled: z.boolean().default(true),
});
export type Question = z.infer<typeof Question>;

export const Playbook = z.object({
  id: z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes'),
  name: z.string().min(1).max(120),
  description: z.string().max(1000).default(''),
  enabled: z.boolean(),
  questions: z.array(Question).max(200),
});
export type Playbook = z.infer<typeof Playbook>;

/** The file a manager shares with the team. */
export const PLAYBOOK_FILE_FORMAT = 'keep-account/playbooks';
export const PlaybookFile = z.object({
  format: z.literal(PLAYBOOK_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  playbooks: z.array(Playbook).min(1).max(100),
});
export type PlaybookFile = z.infer<typeof PlaybookFile>;

/** Team policy pushed through Chrome enterprise policy (storage.managed); see public/managed_schema.json. */
export const TeamPolicy = z.object({
  enabledPlaybooks: z.array(z.string()).optional(),
  lockedPlaybooks: z.array(z.string()).optional(),
  disabledPlaybooks: z.array(z.string()).optional(),
  customPlaybooks: z.array(Playbook).optional(),
  /** "off": nothing of the conversations reps open is remembered, and reps cannot turn it on (shown as "set by your team"). */
  capture: z.enum(['off', 'allowed']).optional(),
});
export type TeamPolicy = z.infer<typeof TeamPolicy>;
