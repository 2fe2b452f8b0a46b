import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentMessage, Reply, TabMessage } from '../../lib/model/messages';
import type { PageContext } from '../../lib/model/page';
import { startSidebar, type PageWatch } from './sidebarController';

/** Wires the sidebar controller to the extension runtime; shared by the Gmail, Outlook and CRM content scripts. */
export async function bootSidebar(
  ctx: ContentScriptContext,
  options: {
    siteLabel: string;
    questionMode: 'insert' | 'copy';
    recognize(doc: Document, url: string): PageContext;
    findComposeBodies(doc: Document): HTMLElement[];
    watch?: (doc: Document, onChange: () => void) => PageWatch;
  },
) {
  const collapsedKey = `sidebar.collapsed.${location.hostname}`;
  const send = async (message: ContentMessage): Promise<Reply> => {
    if (!ctx.isValid) return { ok: false, error: 'Keep Account was updated: reload the page.' };
    return (await browser.runtime.sendMessage(message)) as Reply;
  };
  const controller = await startSidebar({
    doc: document,
    win: window,
    siteLabel: options.siteLabel,
    questionMode: options.questionMode,
    recognize: options.recognize,
    findComposeBodies: options.findComposeBodies,
    watch: options.watch,
    send,
    loadCollapsed: async () => Boolean((await browser.storage.local.get(collapsedKey))[collapsedKey]),
    saveCollapsed: async (collapsed) => {
      if (ctx.isValid) await browser.storage.local.set({ [collapsedKey]: collapsed });
    },
    ctx: {
      get isValid() {
        return ctx.isValid;
      },
      setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
      addEventListener: (target, type, handler) => ctx.addEventListener(target as Window, type as 'wxt:locationchange', handler),
      onInvalidated: (callback) => ctx.onInvalidated(callback),
    },
  });
  const onMessage = (raw: unknown) => {
    // Only the background can message a content script; still, accept nothing but the one known command.
    if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === ('toggleSidebar' satisfies TabMessage['type'])) controller.toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);
  // After an update or reload the old script is orphaned; WXT notices when its context is next checked. Check every
  // few seconds (one property read) so that the orphaned sidebar disappears even on a page that stays quiet.
  ctx.setInterval(() => undefined, 3000);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  return controller;
}
