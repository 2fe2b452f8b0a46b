import { useEffect, useState } from 'preact/hooks';
import { signal } from '@preact/signals';
import { loadSettings } from '../../lib/service/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { browser } from 'wxt/browser';
import type { PageMessage, Reply } from '../../lib/model/messages';
import { openReadOnlyDb, type ReadOnlyDb } from '../../lib/db/readOnly';
import { loadBook, type Book } from '../../lib/service/accountViews';
import { moneyExact } from '../../lib/words/format';

let dbPromise: Promise<ReadOnlyDb> | undefined;

/**
 * True once this page's connection was closed for a schema upgrade opened elsewhere (a newer version of the
 * extension): the page runs the old code, so it asks the user to reload (App.tsx) instead of opening again.
 */
export const replacedByUpgrade = signal(false);

/**
 * The options page reads the IndexedDB the background owns (same extension origin) through a read-only handle; every
 * change goes to the background as a message (`ask`). The import worker is the one exception (lib/db/owner.ts).
 */
export const optionsDb = () => (dbPromise ??= openReadOnlyDb({ onVersionChange: () => (replacedByUpgrade.value = true) }));

/**
 * The whole book for the account views. loadBook only reads (one readonly transaction and a meta get) but its
 * parameter is still typed with the writable `Db` (lib/service/accountViews.ts); until it takes a ReadOnlyDb, this is
 * the one place the read-only handle is passed as one. At run time it is still the read-only view: a write would
 * fail (no such method, or a ReadOnlyError), not write. tests/unit/dbOwner.test.ts names this bridge.
 */
export const readBook = async (): Promise<Book> => loadBook((await optionsDb()) as unknown as Parameters<typeof loadBook>[0]);

/** Sends a privileged message to the background; throws its error text so the UI can show it. */
export async function ask<T = unknown>(message: PageMessage): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('The extension did not answer; reload this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const formatNumber = (n: number) => new Intl.NumberFormat('en').format(n);
/** Money in the options page's tables: the orders' currency, or no symbol when they carry none (as the sidebar). */
export function formatMoney(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined || !Number.isFinite(amount)) return '—';
  return moneyExact(amount, currency);
}

/** The user's settings as stored (defaults for any missing); written only through `ask({ type: 'saveSettings' })`. */
export const readSettings = async (): Promise<Settings> => loadSettings(await optionsDb());

/** The settings, loaded once per component (defaults until they are read). */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => void readSettings().then(setSettings).catch(() => undefined), []);
  return settings;
}
