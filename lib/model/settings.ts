import { z } from 'zod';

/** The user's settings, kept in the `meta` store by the background (the options page sends `saveSettings`). */
export const Settings = z.object({
  /** Order data older than this many days (before today) is called out as stale wherever lapse risk is shown. */
  staleAfterDays: z.number().int().min(1).max(365).default(14),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/**
 * Remembering conversations (issue 16), kept in the `meta` store under "capture": what the rep chose. Team policy
 * (`TeamPolicy.capture`) may turn it off for everyone, which wins.
 */
export const CaptureSettings = z.object({
  enabled: z.boolean().default(true),
  /** Per site: Gmail, Outlook on the web. */
  sites: z.object({ gmail: z.boolean().default(true), outlook: z.boolean().default(true) }).default({ gmail: true, outlook: true }),
  /** Keep each message's subject too (off: only who wrote to whom and when). */
  keepSubject: z.boolean().default(false),
  /** Keep conversations with companies not in the imported data yet. */
  rememberNewCompanies: z.boolean().default(false),
  /** Further domains of the rep's own company (the signed-in address's domain always counts). */
  ownDomains: z.array(z.string().min(3).max(253)).max(50).default([]),
  /** Touches older than this many months are forgotten. */
  retentionMonths: z.number().int().min(1).max(120).default(24),
  /** The sidebar has shown its one-time notice. */
  noticeSeen: z.boolean().default(false),
});
export type CaptureSettings = z.infer<typeof CaptureSettings>;

export const DEFAULT_CAPTURE: CaptureSettings = CaptureSettings.parse({});
