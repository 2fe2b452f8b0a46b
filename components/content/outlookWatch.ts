import { OUTLOOK } from '../../lib/sites/outlook-selectors';
import type { PageWatch } from './sidebarController';

/** The reading pane by the first selector that finds one (a wrapper found by a later selector is not the pane). */
function findPane(doc: Document): Element | null {
  for (const { css } of OUTLOOK.readingPane.selectors) {
    const found = doc.querySelector(css);
    if (found) return found;
  }
  return null;
}

/**
 * Outlook re-renders the reading pane in place when the rep opens another message (no navigation needed). Observe
 * narrowly: the reading pane's subtree, and each of its ancestors' direct children only (no subtree), so that a
 * replaced pane is found again. Nothing observes the whole document: mutations in the message list, the folder pane,
 * the suite header or anywhere else never wake the sidebar. Without a reading pane (calendar, settings), only the
 * body's direct children are watched; navigation (WXT's locationchange) triggers a recheck through the controller.
 */
export function watchOutlook(doc: Document, onChange: () => void): PageWatch {
  let pane: Element | null = null;
  let chain: Element[] = [];
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const paneObserver = new Observer(() => onChange());
  const chainObserver = new Observer(() => {
    attach();
    onChange();
  });

  function attach(): void {
    const next = findPane(doc);
    const root = doc.body ?? doc.documentElement;
    if (next === pane && chain.every((element) => element.isConnected)) return;
    paneObserver.disconnect();
    chainObserver.disconnect();
    pane = next;
    chain = [];
    if (pane) {
      paneObserver.observe(pane, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['id', 'title', 'aria-label', 'aria-expanded', 'contenteditable', 'hidden', 'style'] });
      for (let node = pane.parentElement; node; node = node.parentElement) {
        chain.push(node);
        if (node === root) break;
      }
    } else chain.push(root);
    for (const element of chain) chainObserver.observe(element, { childList: true });
  }

  attach();
  return {
    recheck: attach,
    stop() {
      paneObserver.disconnect();
      chainObserver.disconnect();
    },
  };
}
