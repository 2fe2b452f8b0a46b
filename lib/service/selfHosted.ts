import { browser } from 'wxt/browser';
import { z } from 'zod';

// A self-hosted CRM (Twenty, EspoCRM, SuiteCRM, Odoo on the customer's own host) is added by the user in the
// options page: the page asks for the host permission (optional_host_permissions, inside the click), then the
// background registers the CRM content script for that origin only.
const STORAGE_KEY = 'selfHostedCrms';
export const SelfHostedCrm = z.object({ origin: z.string().url(), crm: z.enum(['twenty', 'espocrm', 'suitecrm', 'odoo']) });
export type SelfHostedCrm = z.infer<typeof SelfHostedCrm>;

export async function listSelfHostedCrms(): Promise<SelfHostedCrm[]> {
  const raw = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  const parsed = z.array(SelfHostedCrm).safeParse(raw ?? []);
  return parsed.success ? parsed.data : [];
}

// URL.host is already lower-case letters, digits, dots and hyphens (punycode for IDNs), plus ':' before a port.
const scriptId = (origin: string) => `self-hosted-${new URL(origin).host.replaceAll(':', '_')}`;

export async function addSelfHostedCrm(origin: string, crm: SelfHostedCrm['crm']): Promise<SelfHostedCrm[]> {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error('Only https:// CRM addresses can be added.');
  const normalized = url.origin;
  const granted = await browser.permissions.contains({ origins: [`${normalized}/*`] });
  if (!granted) throw new Error(`Permission for ${normalized} was not granted.`);
  const list = (await listSelfHostedCrms()).filter((entry) => entry.origin !== normalized);
  list.push({ origin: normalized, crm });
  await browser.storage.local.set({ [STORAGE_KEY]: list });
  await registerScript(normalized);
  return list;
}

async function registerScript(origin: string) {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [`${origin}/*`], js: ['content-scripts/crm.js'], runAt: 'document_end', persistAcrossSessions: true },
  ]);
}

export async function restoreSelfHostedScripts(): Promise<void> {
  for (const entry of await listSelfHostedCrms()) {
    if (await browser.permissions.contains({ origins: [`${entry.origin}/*`] })) await registerScript(entry.origin).catch(() => undefined);
  }
}
