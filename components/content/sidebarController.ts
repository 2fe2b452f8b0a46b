import type { PageContext } from '../../lib/model/page';
import type { SidebarState, SuggestedQuestion } from '../../lib/model/insight';
import type { ContentMessage, Reply } from '../../lib/model/messages';
import { createSidebarStore, type SidebarActions, type SidebarStore } from '../sidebar/store';
import { mountSidebar, SIDEBAR_TAG } from '../sidebar/mount';
import { SIDEBAR_WIDTH } from '../sidebar/styles';
import { siteLayout } from '../../lib/sites/layout';
import { insertAtCaret, rememberCaret } from './insertText';
import { createPageInset, INSET_STYLE_ATTRIBUTE } from './pageInset';
import { turnedOffText } from '../../lib/words/capture';

/** What the controller needs from its surroundings; the entry point passes the real ones. */
export interface SidebarDeps {
  doc: Document;
  win: Window;
  siteLabel: string;
  questionMode: 'insert' | 'copy';
  recognize(doc: Document, url: string): PageContext;
  findComposeBodies(doc: Document): HTMLElement[];
  send(message: ContentMessage): Promise<Reply>;
  loadCollapsed(): Promise<boolean>;
  saveCollapsed(collapsed: boolean): Promise<void>;
  /** WXT's ContentScriptContext timers and listeners: they stop when the extension is reloaded. */
  ctx: {
    isValid: boolean;
    setTimeout(handler: () => void, ms: number): number;
    addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
    onInvalidated(callback: () => void): void;
  };
  /** How long the page must be quiet before it is read again. */
  debounceMs?: number;
  /** What to observe for the page's own re-rendering (default: the body's subtree, for Gmail and the CRMs). */
  watch?: (doc: Document, onChange: () => void) => PageWatch;
}

/** An observer of the page: `recheck()` after navigation lets it re-find what it watches; `stop()` disconnects it. */
export interface PageWatch {
  recheck(): void;
  stop(): void;
}

/** The body's subtree (filtered attributes), ignoring our own host so the sidebar never triggers itself. */
export function watchBody(doc: Document, onChange: () => void): PageWatch {
  // Our own sidebar and the page inset's style element (pageInset.ts) are not the page changing.
  const ours = (node: Node) => (node as Element).closest?.(SIDEBAR_TAG) || (node as Element).tagName?.toLowerCase() === SIDEBAR_TAG || (node as Element).hasAttribute?.(INSET_STYLE_ATTRIBUTE);
  const observer = new MutationObserver((mutations) => {
    if (mutations.every((m) => ours(m.target))) return;
    onChange();
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['email', 'aria-hidden', 'data-thread-perm-id'] });
  return { recheck: () => undefined, stop: () => observer.disconnect() };
}

export interface SidebarController {
  store: SidebarStore;
  refresh(force?: boolean): void;
  toggle(): void;
  stop(): void;
}

const SITE_LABELS: Partial<Record<PageContext['site'], string>> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  dynamics: 'Dynamics 365',
  twenty: 'Twenty',
  espocrm: 'EspoCRM',
  suitecrm: 'SuiteCRM',
  odoo: 'Odoo',
  freshsales: 'Freshsales',
  copper: 'Copper',
  close: 'Close',
};

const sameContext = (a: PageContext | undefined, b: PageContext) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

export async function startSidebar(deps: SidebarDeps): Promise<SidebarController> {
  const { doc, ctx } = deps;
  let chosenAccount: string | undefined;
  /** Messages the rep chose to forget on this page ("Forget this conversation"): never remembered again from it. */
  const forgotten = new Set<string>();
  /** Conversations forgotten here: none of their messages (also ones expanded later) is sent again from this page. */
  const forgottenThreads = new Set<string>();

  /**
   * One round trip: the page's messages are remembered first, so that the sidebar already counts the conversation on
   * screen (issue 16), then the state is built. Only headers travel for remembering (the background drops the body);
   * messages and conversations the rep forgot here are not remembered again.
   */
  const ask = (context: PageContext): Promise<Reply> => {
    const fresh = context.threadId && forgottenThreads.has(context.threadId) ? [] : (context.messages ?? []).filter((message) => !forgotten.has(message.id));
    return deps
      .send({ type: 'getSidebarState', page: context, accountId: chosenAccount, ...(fresh.length ? { remember: fresh.map((message) => message.id) } : {}) })
      .catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
  };
  // The page is read and the background asked while the sidebar's collapsed state is read: the first answer is on
  // its way before the sidebar is mounted.
  const collapsed = deps.loadCollapsed().catch(() => false);
  const first = deps.recognize(doc, deps.win.location.href);
  const firstReply = ask(first);
  const store = createSidebarStore(await collapsed, deps.siteLabel);
  let lastContext: PageContext | undefined;
  let request = 0;
  let timer: number | undefined;
  let stopped = false;
  let watcher: PageWatch | undefined;

  const caret = rememberCaret(doc, (el) => deps.findComposeBodies(doc).some((body) => body === el || body.contains(el)));

  const showToast = (text: string) => {
    store.toast.value = text;
    ctx.setTimeout(() => {
      if (store.toast.value === text) store.toast.value = null;
    }, 2500);
  };

  async function load(context: PageContext, quiet = false, asked?: Promise<Reply>) {
    const id = ++request;
    if (!quiet) store.view.value = { kind: 'loading' };
    const reply = await (asked ?? ask(context));
    if (id !== request || stopped || !ctx.isValid) return;
    if (!reply.ok) {
      store.view.value = { kind: 'error', message: reply.error };
      return;
    }
    // The background is the trusted side (it parsed our request); a shape check guards against a version mismatch.
    const state = reply.value as SidebarState | undefined;
    store.view.value =
      state && typeof state === 'object' && typeof state.status === 'string'
        ? { kind: 'state', state }
        : { kind: 'error', message: 'The extension answered with something this page cannot show. Reload the page.' };
  }

  function refresh(force = false, early?: { context: PageContext; reply: Promise<Reply> }) {
    if (stopped || !ctx.isValid) return;
    watcher?.recheck();
    const context = early?.context ?? deps.recognize(doc, deps.win.location.href);
    if (!force && sameContext(lastContext, context)) return;
    if (lastContext && (lastContext.record?.recordId !== context.record?.recordId || lastContext.subject !== context.subject)) chosenAccount = undefined;
    lastContext = context;
    store.siteLabel.value = SITE_LABELS[context.site] ?? deps.siteLabel;
    applyInset();
    void load(context, false, early?.reply);
  }

  /** The page narrows while the sidebar is open (lib/sites/layout.ts for this site) and gets its width back collapsed. */
  function applyInset() {
    inset.set({ layout: siteLayout(lastContext?.site), open: !store.collapsed.value });
  }

  function scheduleRefresh() {
    if (timer !== undefined || stopped) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      // A fixed panel may have opened or closed with the page's change (another extension's sidebar).
      inset.check();
      refresh();
    }, deps.debounceMs ?? 50);
  }

  function toggle() {
    store.collapsed.value = !store.collapsed.value;
    applyInset();
    void deps.saveCollapsed(store.collapsed.value).catch(() => undefined);
  }

  async function useQuestion(question: SuggestedQuestion, accountId: string) {
    if (deps.questionMode === 'insert') {
      const body = deps.findComposeBodies(doc)[0];
      if (!body) {
        showToast('Open a reply or a new message first, then insert the question.');
        return;
      }
      insertAtCaret(doc, body, question.text, caret.lastRange());
      showToast('Question inserted into your reply.');
    } else {
      try {
        await deps.win.navigator.clipboard.writeText(question.text);
        showToast('Question copied — paste it into your note or email.');
      } catch {
        showToast('Copying was blocked by the browser; select the question text and copy it.');
        return;
      }
    }
    if (accountId) {
      const recorded = await deps.send({
        type: 'recordQuestion',
        accountId,
        playbookId: question.playbookId,
        questionId: question.questionId,
        text: question.text,
        site: store.siteLabel.value,
      });
      // Show it under "Questions asked" and offer the next question, without the loading skeleton.
      if (recorded.ok && lastContext) void load(lastContext, true);
    }
  }

  const actions: SidebarActions = {
    toggle,
    useQuestion: (q, accountId) => void useQuestion(q, accountId),
    openOptions: () => void deps.send({ type: 'openOptions', section: 'import' }),
    chooseAccount: (accountId) => {
      chosenAccount = accountId;
      if (lastContext) void load(lastContext);
    },
    forgetConversation: () => void forgetConversation(),
    captureNotice: (action) => void answerNotice(action),
    learnMoreAboutCapture: () => void deps.send({ type: 'openOptions', section: 'data' }),
  };

  /** Forgets the remembered messages of the conversation on screen; shown again without remembering it anew. */
  async function forgetConversation() {
    const context = lastContext;
    const site = context?.site;
    const ids = context?.messages?.map((message) => message.id) ?? [];
    if (!context || (site !== 'gmail' && site !== 'outlook') || !ids.length) return;
    for (const id of ids) forgotten.add(id);
    if (context.threadId) forgottenThreads.add(context.threadId);
    const reply = await deps.send({ type: 'forgetConversation', site, messageIds: ids, ...(context.threadId ? { threadId: context.threadId } : {}) });
    showToast(reply.ok ? 'This conversation is forgotten.' : reply.error);
    if (reply.ok) void load(context, true);
  }

  async function answerNotice(action: 'seen' | 'turnOff' | 'turnOffSite') {
    const site = lastContext?.site === 'gmail' || lastContext?.site === 'outlook' ? lastContext.site : undefined;
    if (action === 'turnOffSite' && !site) return;
    const reply = await deps.send({ type: 'captureNotice', action, ...(action === 'turnOffSite' ? { site } : {}) });
    if (action !== 'seen') showToast(reply.ok ? turnedOffText(action === 'turnOffSite' ? site : undefined) : reply.error);
    if (lastContext) void load(lastContext, true);
  }

  const mounted = mountSidebar(doc, { store, actions, questionMode: deps.questionMode });
  const inset = createPageInset({
    doc,
    win: deps.win,
    width: SIDEBAR_WIDTH,
    isOwn: (element) => element === mounted.host,
    onOffset: (offset) => (store.offsetRight.value = offset),
    addEventListener: (target, type, handler) => ctx.addEventListener(target, type, handler),
  });

  // Single-page navigation: URL changes (WXT's locationchange, hash changes) and the page's own re-rendering, as
  // the site's watcher observes it (by default the body), debounced.
  ctx.addEventListener(deps.win, 'wxt:locationchange', () => scheduleRefresh());
  ctx.addEventListener(deps.win, 'hashchange', () => scheduleRefresh());
  watcher = (deps.watch ?? watchBody)(doc, scheduleRefresh);

  const stop = () => {
    if (stopped) return;
    stopped = true;
    watcher?.stop();
    caret.stop();
    inset.stop();
    mounted.unmount();
  };
  ctx.onInvalidated(stop);

  refresh(true, { context: first, reply: firstReply });
  return { store, refresh, toggle, stop };
}
