// What the sidebar says about remembering conversations (issue 16).
import type { CaptureView } from '../model/insight';
import { count } from './format';

export const CAPTURE_NOTICE =
  'Keep Account remembers who wrote to whom and when in the customer conversations you open — on this computer only, never the message text. It feeds who you know at each account.';

export function captureText(view: Omit<CaptureView, 'text'>): string {
  if (view.setByTeam) return 'Remembering conversations is off — set by your team.';
  if (!view.on) return 'Remembering conversations is off.';
  if (view.showNotice) return CAPTURE_NOTICE;
  if (!view.remembered) return 'Nothing of this conversation is remembered.';
  return `${count(view.remembered, 'message')} of this conversation remembered on this computer.`;
}
