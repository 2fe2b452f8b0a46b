// Remembering the conversations the rep opens (issue 16): the background's use cases. The content script sends the
// page it recognized (message `rememberConversation`); this reads what the book knows about its addresses, keeps the
// touches lib/insights/people/touches.ts allows and adds them. It never changes or deletes anything else.
import type { Db } from '../db/schema';
import type { ReadOnlyDb } from '../db/readOnly';
import type { PageContext } from '../model/page';
import type { Touch } from '../model/records';
import type { TeamPolicy } from '../model/playbook';
import { CaptureSettings, DEFAULT_CAPTURE } from '../model/settings';
import { companyDomainOfEmail } from '../model/identity';
import { loadMetaSettings, saveMetaSettings } from './settings';
import { addTouches, countRememberedIds, countTouches, forgetTouches, forgetTouchesBefore, touchesOfAccount } from '../db/touches';
import type { CaptureView } from '../model/insight';
import { captureText, dontRememberOn } from '../words/capture';
import { addressesOf, rememberedOf, retentionCutoff, touchesOf, withinRetention, type KnownAddress } from '../insights/people/touches';

export const CAPTURE_KEY = 'capture';
const KEY = CAPTURE_KEY;

export const loadCaptureSettings = (db: ReadOnlyDb): Promise<CaptureSettings> => loadMetaSettings(db, KEY, CaptureSettings, DEFAULT_CAPTURE);

export const saveCaptureSettings = (db: Db, settings: CaptureSettings): Promise<void> => saveMetaSettings(db, KEY, CaptureSettings, settings);

/** Whether the page's conversations may be remembered: the team's policy first, then the rep's switches. */
export function captureAllowed(settings: CaptureSettings, policy: TeamPolicy | undefined, site: PageContext['site']): boolean {
  if (policy?.capture === 'off' || !settings.enabled) return false;
  if (site === 'gmail') return settings.sites.gmail;
  if (site === 'outlook') return settings.sites.outlook;
  return false;
}

/** What the book knows about each address: a contact (and its account), else an account with its company domain. */
async function knownAddresses(db: ReadOnlyDb, emails: readonly string[]): Promise<Map<string, KnownAddress>> {
  const known = new Map<string, KnownAddress>();
  await Promise.all(
    emails.map(async (email) => {
      const contact = await db.get('contacts', email);
      const domain = companyDomainOfEmail(email);
      const byDomain = contact?.accountId || !domain ? undefined : (await db.getAllFromIndex('accounts', 'domains', domain))[0]?.id;
      const accountId = contact?.accountId ?? byDomain;
      if (contact || accountId) known.set(email, { contact: Boolean(contact), ...(accountId ? { accountId } : {}) });
    }),
  );
  return known;
}

export interface Remembered {
  /** Messages newly remembered (0 when the conversation was remembered already, or nothing may be kept). */
  added: number;
  /** Capture is on for this page. */
  on: boolean;
}

/** Remembers the touches of a recognized conversation. `today` (yyyy-mm-dd) applies the retention limit. */
export async function rememberConversation(db: Db, page: PageContext, options: { today: string; policy?: TeamPolicy }): Promise<Remembered> {
  const settings = await loadCaptureSettings(db);
  if (!captureAllowed(settings, options.policy, page.site) || !page.messages?.length) return { added: 0, on: captureAllowed(settings, options.policy, page.site) };
  const known = await knownAddresses(db, addressesOf(page));
  const touches = touchesOf(page, { known, ownDomains: settings.ownDomains, keepSubject: settings.keepSubject, rememberNewCompanies: settings.rememberNewCompanies });
  return { added: await addTouches(db, withinRetention(touches, options.today, settings.retentionMonths)), on: true };
}

/** The retention limit, applied on rescoring: touches older than the setting are forgotten. */
export async function applyRetention(db: Db, today: string): Promise<number> {
  if (!(await countTouches(db))) return 0;
  const settings = await loadCaptureSettings(db);
  return forgetTouchesBefore(db, retentionCutoff(today, settings.retentionMonths));
}

/** What the sidebar shows about remembering the conversation on screen (Gmail and Outlook threads only). */
export async function captureView(
  db: ReadOnlyDb,
  page: PageContext,
  policy: TeamPolicy | undefined,
  account?: { id: string; name: string; touches?: readonly Touch[] },
): Promise<CaptureView | undefined> {
  if ((page.site !== 'gmail' && page.site !== 'outlook') || !page.messages?.length) return undefined;
  const site = page.site;
  const settings = await loadCaptureSettings(db);
  const on = captureAllowed(settings, policy, site);
  const setByTeam = policy?.capture === 'off';
  const [remembered, touches] = await Promise.all([
    countRememberedIds(db, page.messages.map((message) => `${site}:${message.id}`)),
    account ? account.touches ?? touchesOfAccount(db, account.id) : Promise.resolve([]),
  ]);
  const facts = {
    on,
    setByTeam,
    site,
    siteOff: !setByTeam && settings.enabled && !settings.sites[site],
    remembered,
    showNotice: on && !settings.noticeSeen,
    ...(touches.length ? { account: rememberedOf(touches) } : {}),
  };
  return { ...facts, text: captureText(facts, account?.name), ...(on ? { siteSwitch: dontRememberOn(site) } : {}) };
}

/**
 * "Forget this conversation": the remembered messages with these ids go, and with the conversation's id (Gmail's
 * thread id, Outlook's conversation id) every message remembered of it, also those no longer on screen.
 */
export async function forgetConversation(db: Db, site: 'gmail' | 'outlook', messageIds: readonly string[], threadId?: string): Promise<number> {
  return forgetTouches(db, messageIds.map((id) => `${site}:${id}`), threadId === undefined ? undefined : `${site}:${threadId}`);
}

/**
 * The one-time notice: seen, "Turn off", or "Don't remember on <site>" (the notice counts as seen too). Never turns
 * remembering on.
 */
export async function answerCaptureNotice(db: Db, action: 'seen' | 'turnOff' | 'turnOffSite', site?: 'gmail' | 'outlook'): Promise<void> {
  const settings = await loadCaptureSettings(db);
  if (action === 'turnOffSite' && !site) throw new Error('Which site should conversations no longer be remembered on? None was named.');
  const change = action === 'turnOff' ? { enabled: false } : action === 'turnOffSite' && site ? { sites: { ...settings.sites, [site]: false } } : {};
  await saveCaptureSettings(db, { ...settings, noticeSeen: true, ...change });
}
