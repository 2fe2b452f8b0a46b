import { signal, type Signal } from '@preact/signals';
import type { SidebarState, SuggestedQuestion } from '../../lib/model/insight';

export type SidebarView =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'state'; state: SidebarState };

/** The sidebar's state: the controller writes it, the components read it. */
export interface SidebarStore {
  collapsed: Signal<boolean>;
  view: Signal<SidebarView>;
  toast: Signal<string | null>;
  /** Where the sidebar is: "Gmail", "HubSpot", … */
  siteLabel: Signal<string>;
  /** Pixels from the viewport's right edge: the width of another fixed panel the sidebar sits beside. */
  offsetRight: Signal<number>;
}

export function createSidebarStore(collapsed = false, siteLabel = ''): SidebarStore {
  return { collapsed: signal(collapsed), view: signal<SidebarView>({ kind: 'loading' }), toast: signal(null), siteLabel: signal(siteLabel), offsetRight: signal(0) };
}

export interface SidebarActions {
  toggle(): void;
  useQuestion(question: SuggestedQuestion, accountId: string): void;
  openOptions(): void;
  chooseAccount(accountId: string): void;
  /** Remembering conversations (issue 16): forget the one on screen, answer the one-time notice, read more. */
  forgetConversation(): void;
  captureNotice(action: 'seen' | 'turnOff' | 'turnOffSite'): void;
  learnMoreAboutCapture(): void;
}
