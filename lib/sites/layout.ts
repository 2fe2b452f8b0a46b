// How each site gives the sidebar its width: the page narrows by the sidebar's width, as Gmail's own side panel makes
// it narrow, so nothing of the page is hidden behind the sidebar. Which elements narrow, and how, is data per site; a
// new site needs one entry here (or none: the default narrows the root element, which suits any page whose layout
// follows the width of <html>). components/content/pageInset.ts applies it; docs/ARCHITECTURE.md, "The sidebar and the
// page", explains the whole mechanism and what it does about other right-hand panels.
//
// The two ways an element gives up width:
// - 'margin': an element in the page's flow (the root element, or a container whose width follows its parent) gets a
//   right margin as wide as the inset, and at most its containing block's width less the inset (so that a reset such as
//   `html { width: 100% }` cannot undo the margin); its content reflows into the narrower box. The root element's margin is what
//   PixieBrix's injected sidebar used for the same purpose (pixiebrix/pixiebrix-extension
//   src/contentScript/sidebarDomControllerLite.ts: `margin-right` on <html> plus the sidebar width).
// - 'fixed': a position: fixed element laid out against the viewport, which a margin on <html> does not move (a fixed
//   header spanning the width, a pop-up pinned to the right edge): its `right` becomes the inset and its width at
//   most the viewport less the inset, so one pinned right moves left and one spanning the width ends at the sidebar.
//
// Selectors are data like the recognizers' (lib/sites/gmail-selectors.ts): a source, a date, and how many elements
// each matches on the saved fixture pages (tests/fixtures/sites/**), checked by tests/unit/sites/layout.test.ts.
import type { SiteName } from '../model/page';

export type InsetHow = 'margin' | 'fixed';

/** A CSS selector for an element of the site's page, as data. */
export interface PageHook {
  css: string;
  source: string;
  /** When the source was seen using the hook (YYYY or YYYY-MM). */
  seen: string;
  /** fixture file (under tests/fixtures/sites/) → number of elements the selector matches there. */
  checkedAgainst: Readonly<Record<string, number>>;
}

export interface InsetTarget extends PageHook {
  how: InsetHow;
}

export interface SiteLayout {
  /** The elements that give up the sidebar's width, and how. */
  narrow: readonly InsetTarget[];
  /**
   * The site's own right-hand panels (Gmail's side panel), for the record: they sit in the page's flow, so they move
   * left with the page and the sidebar sits beside them; nothing is done to them. Checked like `narrow`.
   */
  ownPanels?: readonly PageHook[];
}

const ROOT: InsetTarget = {
  css: 'html',
  how: 'margin',
  source: 'the root element; pixiebrix/pixiebrix-extension src/contentScript/sidebarDomControllerLite.ts narrows <html> by its right margin',
  seen: '2024',
  checkedAgainst: { 'gmail/thread-reply-open.html': 1, 'crm/hubspot-contact.html': 1 },
};

/** Any site without an entry: the root element narrows, and the page's own layout follows it. */
export const DEFAULT_LAYOUT: SiteLayout = { narrow: [ROOT] };

const INBOX_SDK_GETTER = 'InboxSDK/InboxSDK src/platform-implementation-js/dom-driver/gmail/gmail-element-getter.ts';

export const SITE_LAYOUTS: Partial<Record<SiteName, SiteLayout>> = {
  gmail: {
    narrow: [
      ROOT,
      // The compose pop-ups ("moles") live in .dw at the bottom right, fixed to the viewport (getComposeWindowContainer,
      // getMoleParent: '.dw .nH > .nH > .no'). (The full-screen compose window, '.aSs .aSt' there, has no fixture yet.)
      { css: '.dw', how: 'fixed', source: `${INBOX_SDK_GETTER} (getComposeWindowContainer, getMoleParent)`, seen: '2023', checkedAgainst: { 'gmail/compose-dialog.html': 1, 'gmail/thread-reply-open.html': 0 } },
    ],
    ownPanels: [
      // Gmail's side panel (Calendar, Keep, Tasks, add-ons; Gemini opens beside it): the content pane and the icon strip,
      // <div class="brC-aT5-aOt-Jw" role="navigation" aria-label="Side panel">.
      { css: '.brC-brG', source: `${INBOX_SDK_GETTER} (getCompanionSidebarContentContainerElement)`, seen: '2023', checkedAgainst: { 'gmail/thread-side-panel.html': 1, 'gmail/thread-reply-open.html': 0 } },
      { css: '.brC-aT5-aOt-Jw', source: `${INBOX_SDK_GETTER} (getCompanionSidebarIconContainerElement)`, seen: '2023', checkedAgainst: { 'gmail/thread-side-panel.html': 1 } },
    ],
  },
  salesforce: {
    narrow: [
      ROOT,
      // Lightning's global header (search, favourites, setup, the user's avatar) is fixed to the top of the viewport:
      // public Lightning components switch it to position: static to open full-page modals
      // (".slds-global-header_container{position:static}" in several public Aura components), i.e. it is positioned.
      { css: '.slds-global-header_container', how: 'fixed', source: 'Salesforce Lightning Design System global header; public Aura components override its position', seen: '2024', checkedAgainst: { 'crm/salesforce-contact.html': 1, 'crm/salesforce-classic-contact.html': 0 } },
    ],
  },
};

export function siteLayout(site: SiteName | undefined): SiteLayout {
  return (site && SITE_LAYOUTS[site]) || DEFAULT_LAYOUT;
}

/**
 * The style sheet that narrows the page by `inset` pixels (the sidebar's width, plus any fixed panel it sits beside);
 * '' when there is nothing to narrow. `!important` outranks the page's own rules and inline styles (not its own
 * `!important` inline styles).
 */
export function insetCss(layout: SiteLayout, inset: number): string {
  const px = Math.max(0, Math.round(inset));
  if (px === 0) return '';
  return layout.narrow
    .map((target) =>
      target.how === 'margin'
        ? `${target.css} { margin-right: ${px}px !important; max-width: calc(100% - ${px}px) !important; }`
        : `${target.css} { right: ${px}px !important; max-width: calc(100% - ${px}px) !important; }`,
    )
    .join('\n');
}
