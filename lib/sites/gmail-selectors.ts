// Gmail selectors as data, InboxSDK-style: stable hooks first (attributes Gmail uses for its own features: email/name on
// contact spans, data-*-id on threads and messages, role/aria-*, form field names), obfuscated class names kept as dated
// fallbacks. Each group lists the fixtures (tests/fixtures/sites/gmail/*.html) where it must match, and how many times —
// checked by tests/unit/sites/gmailSelectors.test.ts.
//
// Sources for the structure (public code that reads live Gmail):
// - InboxSDK (InboxSDK/InboxSDK, src/platform-implementation-js/dom-driver/gmail/): h2.hP subject, div.adn message,
//   .gD sender, .g2 recipients, .a3s body, compose div[role=dialog] / .M9, textarea[name=to], input[name=subjectbox],
//   div[g_editable=true] body.
// - Thread/message ids: h2[data-legacy-thread-id], [data-legacy-message-id] (e.g. extensions reading
//   `h2[data-legacy-thread-id]` to find the open conversation; "Gmail keeps previously opened conversations in the DOM, hidden").
// - Sender `<span class="gD" email="x@y.com" name="Name">` and recipients `<span class="g2" email=... name=...>` in the
//   header line "to me, X" (`span.hb`), list rows `tr.zA` with `span[email]` (several public Gmail fixtures, 2023-2025).

export interface DatedSelector {
  css: string;
  /** When Gmail started (or was last seen) using it: oldest fallbacks last. */
  seen: string;
}

export interface SelectorGroup {
  /** Why we look for it, as a reason when nothing matches. */
  label: string;
  selectors: readonly DatedSelector[];
  /** fixture file → number of elements the first matching selector must find (0 = must not match). */
  checkedAgainst: Readonly<Record<string, number>>;
}

export const GMAIL = {
  main: {
    label: "Gmail's main view",
    selectors: [{ css: '[role="main"]', seen: '2014' }, { css: 'div.nH.bkK', seen: '2014' }],
    checkedAgainst: { 'thread-expanded.html': 1, 'inbox-list.html': 1 },
  },
  threadSubject: {
    label: "the conversation's subject heading",
    selectors: [
      { css: 'h2[data-thread-perm-id]', seen: '2018-04' },
      { css: 'h2[data-legacy-thread-id]', seen: '2018-04' },
      { css: 'h2.hP', seen: '2011' },
      { css: 'h2', seen: '2011' },
    ],
    checkedAgainst: { 'thread-expanded.html': 1, 'thread-reply-open.html': 1, 'inbox-list.html': 0 },
  },
  /** The open conversation's id, read from its subject heading (Touch.thread: conversations are counted by it). */
  threadId: {
    label: "the conversation's thread id",
    selectors: [{ css: 'h2[data-legacy-thread-id]', seen: '2018-04' }],
    // thread-reply-open keeps a hidden earlier view with its own heading; the visible one is read.
    checkedAgainst: { 'thread-expanded.html': 1, 'thread-reply-open.html': 2, 'inbox-list.html': 0 },
  },
  message: {
    label: "the conversation's messages",
    selectors: [
      { css: '[data-message-id], [data-legacy-message-id]', seen: '2018-04' },
      { css: 'div.adn, div.kv, div.h7', seen: '2011' },
      { css: '[role="listitem"]', seen: '2018' },
    ],
    checkedAgainst: { 'thread-expanded.html': 3, 'thread-reply-open.html': 3, 'inbox-list.html': 0 },
  },
  sender: {
    label: "Gmail's message header (sender)",
    selectors: [
      { css: '.gD[email]', seen: '2011' },
      { css: 'h3 span[email]', seen: '2014' },
      { css: '.gE span[email], .gF span[email]', seen: '2014' },
      { css: 'span[email][name]', seen: '2011' },
    ],
    // Headers plus the details table's from: row; the hidden earlier view counts in thread-reply-open.
    checkedAgainst: { 'thread-expanded.html': 4, 'thread-reply-open.html': 3 },
  },
  recipients: {
    label: "the message's recipients line",
    selectors: [
      { css: '.hb span[email]', seen: '2011' },
      { css: '.g2[email]', seen: '2011' },
    ],
    checkedAgainst: { 'thread-expanded.html': 5, 'thread-reply-open.html': 2 },
  },
  /** The date cell of a message header: its title holds the full date and time ("Mon, Nov 16, 2026, 9:02 AM"). */
  messageDate: {
    label: "the message's date",
    selectors: [{ css: '.g3[title]', seen: '2011' }, { css: '.gH [title][role="gridcell"]', seen: '2018' }],
    checkedAgainst: { 'thread-expanded.html': 3, 'thread-reply-open.html': 0 },
  },
  /** The "show details" table: rows labelled from:/to:/cc:/bcc: with span[email] cells. */
  detailRows: {
    label: "the message's details table",
    selectors: [{ css: 'table.ajC tr, .ajA tr', seen: '2013' }],
    checkedAgainst: { 'thread-expanded.html': 3 },
  },
  body: {
    label: "the message body",
    selectors: [{ css: '.a3s', seen: '2011' }, { css: '[data-message-id] .ii', seen: '2014' }],
    checkedAgainst: { 'thread-expanded.html': 2, 'thread-reply-open.html': 3 },
  },
  composeBody: {
    label: 'the message body being written',
    selectors: [
      { css: 'div[role="textbox"][contenteditable="true"]', seen: '2014' },
      { css: '[g_editable="true"][contenteditable="true"]', seen: '2011' },
      { css: 'div[aria-label="Message Body"][contenteditable="true"]', seen: '2014' },
    ],
    // The reply box's hidden look-alike matches too: findComposeBodies filters it out.
    checkedAgainst: { 'thread-reply-open.html': 2, 'compose-dialog.html': 1, 'inbox-list.html': 0 },
  },
  composeRecipient: {
    label: 'recipients typed in a compose box',
    selectors: [
      { css: '[data-hovercard-id]', seen: '2019' },
      { css: 'span[email]', seen: '2011' },
      { css: 'input[name="to"], textarea[name="to"], input[name="cc"], textarea[name="cc"], input[name="bcc"], textarea[name="bcc"]', seen: '2011' },
    ],
    checkedAgainst: { 'compose-dialog.html': 2, 'thread-reply-open.html': 2 },
  },
  composeSubject: {
    label: 'the subject being written',
    selectors: [{ css: 'input[name="subjectbox"]', seen: '2011' }],
    checkedAgainst: { 'compose-dialog.html': 1 },
  },
  accountSwitcher: {
    label: 'the signed-in account',
    selectors: [
      { css: '[aria-label^="Google Account:"]', seen: '2020' },
      { css: 'a[href*="accounts.google.com/SignOutOptions"]', seen: '2018' },
    ],
    checkedAgainst: { 'thread-expanded.html': 1, 'inbox-list.html': 1 },
  },
} satisfies Record<string, SelectorGroup>;

/** One CSS string per group (all dated selectors joined), for one querySelectorAll call. */
export const joined = (group: SelectorGroup): string => group.selectors.map((selector) => selector.css).join(', ');

/** Quoted history inside a message body, left out of bodyText. */
export const QUOTED = '.gmail_quote, .gmail_extra, blockquote, .adL, .h5, .im';

/** Hash views that are never a customer. */
export const NON_CUSTOMER_VIEWS = new Set(['settings', 'chat', 'spaces', 'rooms', 'meet', 'calls', 'contacts', 'create-filter']);
/** Hash views that list conversations; a third segment (or second for plain boxes) is an open conversation. */
export const LIST_VIEWS_WITH_ARGUMENT = new Set(['label', 'search', 'category', 'advanced-search', 'section_query', 'apps']);
export const LIST_VIEWS = new Set(['inbox', 'starred', 'snoozed', 'sent', 'drafts', 'imp', 'all', 'spam', 'trash', 'scheduled', 'chats', 'purchases']);
