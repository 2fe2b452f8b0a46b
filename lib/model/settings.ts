import { z } from 'zod';

/** The user's settings, kept in the `meta` store by the background (the options page sends `saveSettings`). */
export const Settings = z.object({
  /** Order data older than this many days (before today) is called out as stale wherever lapse risk is shown. */
  staleAfterDays: z.number().int().min(1).max(365).default(14),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});
