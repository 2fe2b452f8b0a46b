import { GMAIL_PATTERNS } from '../../lib/sites/hosts';
import { findComposeBodies, recognizePage } from '../../lib/sites';
import { bootSidebar } from '../../components/content/boot';

export default defineContentScript({
  matches: [...GMAIL_PATTERNS],
  runAt: 'document_end',
  async main(ctx) {
    await bootSidebar(ctx, { siteLabel: 'Gmail', questionMode: 'insert', recognize: recognizePage, findComposeBodies });
  },
});
