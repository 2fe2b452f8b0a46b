import { CLOUD_HOST_PATTERNS } from '../../lib/sites/hosts';
import { findComposeBodies, recognizePage } from '../../lib/sites';
import { bootSidebar } from '../../lib/content/boot';

export default defineContentScript({
  matches: [...CLOUD_HOST_PATTERNS],
  runAt: 'document_end',
  async main(ctx) {
    await bootSidebar(ctx, { siteLabel: 'CRM', questionMode: 'copy', recognize: recognizePage, findComposeBodies });
  },
});
