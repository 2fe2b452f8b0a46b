import { browser } from 'wxt/browser';
import type { PageMessage, Reply } from '../../lib/model/messages';
import { openKeepAccountDb, type Db } from '../../lib/db/schema';

let dbPromise: Promise<Db> | undefined;
/** The options page reads the same IndexedDB the background owns (same extension origin). */
export const optionsDb = () => (dbPromise ??= openKeepAccountDb());

/** Sends a privileged message to the background; throws its error text so the UI can show it. */
export async function ask<T = unknown>(message: PageMessage): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('The extension did not answer; reload this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export const formatNumber = (n: number) => new Intl.NumberFormat('en').format(n);
export function formatMoney(amount: number | undefined, currency = 'EUR'): string {
  if (amount === undefined || !Number.isFinite(amount)) return '—';
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}
