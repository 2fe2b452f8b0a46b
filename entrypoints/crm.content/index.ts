import { browser } from 'wxt/browser';
import { CLOUD_HOST_PATTERNS } from '../../lib/sites/hosts';
import { findComposeBodies, recognizePage, setSelfHostedCrms } from '../../lib/sites';
import { bootSidebar } from '../../components/content/boot';

export default defineContentScript({
  matches: [...CLOUD_HOST_PATTERNS],
  runAt: 'document_end',
  async main(ctx) {
    // Self-hosted CRMs the user added in the options (this script is registered for their origins at that moment).
    const { selfHostedCrms } = await browser.storage.local.get('selfHostedCrms');
    if (Array.isArray(selfHostedCrms)) setSelfHostedCrms(selfHostedCrms);
    await bootSidebar(ctx, { siteLabel: 'CRM', questionMode: 'copy', recognize: recognizePage, findComposeBodies });
  },
});
