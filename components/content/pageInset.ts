import { insetCss, type SiteLayout } from '../../lib/sites/layout';

/**
 * Makes room for the sidebar: while it is open the page narrows by its width (lib/sites/layout.ts says which elements
 * and how, per site); collapsed, the page gets its width back. Another right-hand panel fixed to the viewport (another
 * extension's sidebar) is never covered: the sidebar sits beside it, at `offset` from the right edge, and the page
 * narrows by both. Panels in the page's own flow (Gmail's side panel) need nothing: they move left with the page.
 * See docs/ARCHITECTURE.md, "The sidebar and the page".
 */
export interface PageInset {
  /** Pixels between the viewport's right edge and the sidebar: the width of fixed panels it sits beside. */
  readonly offset: number;
  set(options: { layout: SiteLayout; open: boolean }): void;
  /** Looks again for fixed panels at the right edge (after the page changed) and re-applies. */
  check(): void;
  stop(): void;
}

export interface PageInsetDeps {
  doc: Document;
  win: Window;
  /** The sidebar's width when open. */
  width: number;
  /** Our own elements, never taken for another panel. */
  isOwn(element: Element): boolean;
  onOffset(offset: number): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
}

export const INSET_STYLE_ATTRIBUTE = 'data-keep-account-inset';

/** A fixed panel at the right edge: tall, not most of the width, reaching the edge. */
function panelWidth(element: Element, win: Window): number {
  const style = win.getComputedStyle(element);
  if (style.position !== 'fixed' || style.display === 'none' || style.visibility === 'hidden') return 0;
  const rect = element.getBoundingClientRect();
  const vw = win.innerWidth;
  const vh = win.innerHeight;
  const isPanel = rect.width >= 120 && rect.width <= vw * 0.6 && rect.height >= vh * 0.5 && rect.right >= vw - 2 && rect.left > 0;
  return isPanel ? rect.width : 0;
}

/**
 * The widest fixed panel among the children of <html> and <body> (where extensions put theirs), looking one level into
 * open shadow roots (a host around a fixed frame). Closed shadow roots cannot be seen into.
 */
function fixedPanelsWidth(doc: Document, win: Window, isOwn: (element: Element) => boolean): number {
  let widest = 0;
  const candidates = [...Array.from(doc.documentElement.children), ...Array.from(doc.body?.children ?? [])];
  for (const element of candidates) {
    if (element === doc.body || element === doc.head || isOwn(element)) continue;
    widest = Math.max(widest, panelWidth(element, win));
    for (const inner of Array.from(element.shadowRoot?.children ?? [])) widest = Math.max(widest, panelWidth(inner, win));
  }
  return Math.round(widest);
}

export function createPageInset(deps: PageInsetDeps): PageInset {
  const { doc, win } = deps;
  const style = doc.createElement('style');
  style.setAttribute(INSET_STYLE_ATTRIBUTE, '');
  let layout: SiteLayout | undefined;
  let open = false;
  let offset = 0;
  let stopped = false;

  function apply() {
    if (stopped || !layout) return;
    const css = insetCss(layout, open ? deps.width + offset : 0);
    if (style.textContent !== css) style.textContent = css;
    if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  }

  function check() {
    if (stopped) return;
    const next = fixedPanelsWidth(doc, win, (element) => element === style || deps.isOwn(element));
    if (next !== offset) {
      offset = next;
      deps.onOffset(offset);
    }
    apply();
  }

  // Panels come and go as children of <html> or <body>, or by a style change on them; the window may be resized.
  const observer = new MutationObserver(() => check());
  observer.observe(doc.documentElement, { childList: true, attributes: true, attributeFilter: ['style', 'class'] });
  if (doc.body) observer.observe(doc.body, { childList: true });
  deps.addEventListener(win, 'resize', () => check());

  return {
    get offset() {
      return offset;
    },
    set(options) {
      layout = options.layout;
      open = options.open;
      check();
    },
    check,
    stop() {
      stopped = true;
      observer.disconnect();
      style.remove();
    },
  };
}
