import { render } from 'preact';
import { effect } from '@preact/signals';
import { Sidebar } from './Sidebar';
import { SIDEBAR_CSS } from './styles';
import type { SidebarActions, SidebarStore } from './store';

export const SIDEBAR_TAG = 'keep-account-sidebar';

/**
 * Mounts the sidebar in a closed shadow root: page scripts cannot reach into it, page CSS cannot style it.
 * DOM is built with createElement/textContent only (Gmail enforces Trusted Types).
 */
export function mountSidebar(
  doc: Document,
  props: { store: SidebarStore; actions: SidebarActions; questionMode: 'insert' | 'copy' },
): { host: HTMLElement; unmount(): void } {
  // A sidebar left by a previous (reloaded) copy of the extension is removed, never duplicated.
  for (const stale of Array.from(doc.querySelectorAll(SIDEBAR_TAG))) stale.remove();
  const host = doc.createElement(SIDEBAR_TAG);
  host.setAttribute('data-keep-account', '');
  // Inline !important outranks page stylesheets, so the page cannot hide or restyle the host element itself.
  host.setAttribute('style', 'all: initial !important; display: block !important; position: static !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = SIDEBAR_CSS;
  const container = doc.createElement('div');
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  render(<Sidebar {...props} />, container);
  // The host says whether the sidebar is still looking the page up (the shadow root is closed): assistive technology
  // and the speed benchmark (scripts/bench/capture-browser.ts) read it from outside.
  const stopBusy = effect(() => host.setAttribute('aria-busy', String(props.store.view.value.kind === 'loading')));
  return {
    host,
    unmount() {
      stopBusy();
      render(null, container);
      host.remove();
    },
  };
}
