// @vitest-environment happy-dom
// The sidebar's host element, the one part of it the page can see (its shadow root is closed).
import { describe, expect, it } from 'vitest';
import { mountSidebar, SIDEBAR_TAG } from '../../../components/sidebar/mount';
import { createSidebarStore, type SidebarActions } from '../../../components/sidebar/store';

const actions: SidebarActions = { toggle() {}, useQuestion() {}, openOptions() {}, chooseAccount() {}, forgetConversation() {}, captureNotice() {}, learnMoreAboutCapture() {} };

describe('the sidebar host', () => {
  it('says aria-busy while it looks the page up, and no longer once it shows an answer', () => {
    const doc = document;
    const store = createSidebarStore(false, 'Gmail');
    const mounted = mountSidebar(doc, { store, actions, questionMode: 'insert' });
    const host = doc.querySelector(SIDEBAR_TAG)!;
    expect(host.getAttribute('aria-busy')).toBe('true');
    store.view.value = { kind: 'state', state: { status: 'no-data' } };
    expect(host.getAttribute('aria-busy')).toBe('false');
    store.view.value = { kind: 'loading' };
    expect(host.getAttribute('aria-busy')).toBe('true');
    mounted.unmount();
    // Unmounted: the host is gone and a later change writes nothing.
    store.view.value = { kind: 'error', message: 'x' };
    expect(doc.querySelector(SIDEBAR_TAG)).toBeNull();
    expect(host.getAttribute('aria-busy')).toBe('true');
  });
});
