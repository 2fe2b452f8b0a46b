// What the sidebar and the Data page say about remembering conversations (issue 16).
import type { CaptureView, RememberedCount } from '../model/insight';
import { count } from './format';
import { isolate } from './visible';

export const CAPTURE_NOTICE =
  'Keep Account remembers who wrote to whom and when in the customer conversations you open — on this computer only, never the message text. It feeds who you know at each account.';

type MailSite = CaptureView['site'];

export const MAIL_SITE_NAMES: Record<MailSite, string> = { gmail: 'Gmail', outlook: 'Outlook' };

/** "12 conversations (48 messages)": a message remembered before conversations were kept counts as one of its own. */
export function rememberedCount(remembered: RememberedCount): string {
  return `${count(remembered.conversations, 'conversation')} (${count(remembered.messages, 'message')})`;
}

/** The Data page's line: "12 conversations (48 messages) remembered on this computer." */
export function rememberedOnThisComputer(remembered: RememberedCount): string {
  return remembered.messages ? `${rememberedCount(remembered)} remembered on this computer.` : 'Nothing remembered yet.';
}

/** The per-site switch: "Don't remember on Outlook". */
export const dontRememberOn = (site: MailSite): string => `Don't remember on ${MAIL_SITE_NAMES[site]}`;

/** The toast once the rep turned remembering off, everywhere or on one site. */
export function turnedOffText(site?: MailSite): string {
  return `Remembering conversations is off${site ? ` on ${MAIL_SITE_NAMES[site]}` : ''}. Turn it on again on the Data page.`;
}

export function captureText(view: Omit<CaptureView, 'text' | 'siteSwitch'>, accountName?: string): string {
  if (view.setByTeam) return 'Remembering conversations is off — set by your team.';
  if (view.siteOff) return `Remembering conversations is off on ${MAIL_SITE_NAMES[view.site]}.`;
  if (!view.on) return 'Remembering conversations is off.';
  if (view.showNotice) return CAPTURE_NOTICE;
  const here = view.remembered ? `${count(view.remembered, 'message')} of this conversation remembered on this computer.` : 'Nothing of this conversation is remembered.';
  if (!view.account?.messages || !accountName) return here;
  return `${here} With ${isolate(accountName)}: ${rememberedCount(view.account)} in all.`;
}
