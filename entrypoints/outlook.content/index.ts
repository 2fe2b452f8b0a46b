import { browser } from 'wxt/browser';
import { OUTLOOK_PATTERNS } from '../../lib/sites/hosts';
import { findComposeBodies, outlookMailbox, recognizePage, setOutlookMailbox } from '../../lib/sites';
import { bootSidebar } from '../../components/content/boot';
import { watchOutlook } from '../../components/content/outlookWatch';

export default defineContentScript({
  matches: [...OUTLOOK_PATTERNS],
  runAt: 'document_end',
  async main(ctx) {
    // Pop-out windows have no account manager: the signed-in mailbox seen in the main window is remembered per host.
    const key = `outlook.mailbox.${location.hostname}`;
    const stored = (await browser.storage.local.get(key))[key];
    if (stored && typeof stored === 'object') setOutlookMailbox(stored);
    let saved = JSON.stringify(stored ?? {});
    const recognize = (doc: Document, url: string) => {
      const mailbox = outlookMailbox(doc);
      const seen = JSON.stringify(mailbox);
      if (mailbox.email && seen !== saved && ctx.isValid) {
        saved = seen;
        setOutlookMailbox(mailbox);
        void browser.storage.local.set({ [key]: mailbox }).catch(() => undefined);
      }
      return recognizePage(doc, url);
    };
    await bootSidebar(ctx, { siteLabel: 'Outlook', questionMode: 'insert', recognize, findComposeBodies, watch: watchOutlook });
  },
});
