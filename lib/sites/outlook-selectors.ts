// Outlook on the web selectors as data, in the same shape as gmail-selectors.ts: ids, data-* attributes and roles first
// (OWA translates its aria-labels: a German tenant reads "Lesebereich", "Von:", "Nachrichtentext"), label texts only as
// dated fallbacks in en, de, fr, es and nl. Each group lists the fixtures (tests/fixtures/sites/outlook/*.html) where
// it must match and how many times, checked by tests/unit/sites/outlookSelectors.test.ts.
//
// The fixtures are hand-built in the structure public code reads from live OWA (read 2026-12; none of their code is
// copied here):
// - toggl/track-extension src/content/outlook.js (history: 2021-12 first version, 2022-02/04 fixes, 2023-01 "new
//   Outlook UI", last change 2024-09): relies on `#ReadingPaneContainerId`, `div[role="heading"][title]` for the open
//   conversation's subject, `div[data-testid="ComposeSendButton"]` for an open compose form, `div[role="tabpanel"]`.
//   Only outlook.office.com.
// - clockify/browser-extension src/integrations/outlook.js (2019-05 first, 2019-12 and 2020-10 fixes, 2023-01, 2025-07
//   re-render on navigation, 2026-03 calendar): relies on English labels (`[aria-label="Reading Pane"] [role="heading"]`,
//   `[aria-label="Add a subject"]`, `button[name="Send"]`) and, since 2026-03, `[data-app-section=ReadingPane]`.
//   Registered for outlook.live.com.
// - Briskine src/content/plugins/outlook.js (2021-10 .. 2026-03, about twenty changes): detects OWA by
//   `head [href*="cdn.office.net"]`, `meta[content*="owamail"]` (2023-03 after the cdn.office.net move); the compose
//   form is `[role=main]` or, in the pop-out, `[data-app-section="Form_Content"]` (2022-11); the message editor is the
//   `[aria-multiline]` contenteditable, the to/cc/bcc wells the other `[contenteditable=true]` boxes in that order
//   (2025-10; before: `[role=combobox]` parents, 2021; `[role=textbox]:not([dir])`, 2025-06); recipient chips carry
//   "Name <address>" in their aria-label or text, or the name only (its tests expect chips without an address);
//   the signed-in user's name is in `#O365_MainLink_Me`; the subject is the last `input[type=text][autocomplete=off]`.
// - Other public readers of OWA (2024-2026) show the same hooks: `[data-app-section="MailReadCompose"]` (reading pane),
//   `[data-app-section="ConversationContainer"]`, `[role="heading"][id^="CONV_"][id$="_SUBJECT"]`, per message
//   `[id^="MSG_"][id$="_FROM"]` and `[id^="UniqueMessageBody"]` (role=document), `div[data-testid="RecipientWell"]`
//   with `span[data-lpc-hover-target-id]` personas (text "Name<address>" or the name only: the signed-in user and
//   people of the same organisation come without an address), `#mectrl_currentAccount_secondary` (the account
//   manager's address), list rows `[role="option"][data-convid]` in `[role="listbox"]`, the compose subject
//   `input[id^="MSG_"][id$="_SUBJECT"]`.
import type { SelectorGroup } from './gmail-selectors';

/** A label OWA shows in five languages: only a fallback, dated by when it was last seen. */
export interface DatedLabels {
  seen: string;
  en: readonly string[];
  de: readonly string[];
  fr: readonly string[];
  es: readonly string[];
  nl: readonly string[];
}

export const anyLabel = (labels: DatedLabels): string[] => [...labels.en, ...labels.de, ...labels.fr, ...labels.es, ...labels.nl];

/**
 * `[attr="x"], [attr="y"]` for every language of a label; with `^=`, a prefix, and only the forms ending in a colon
 * ("To:" must not match "Toolbar").
 */
export function labelCss(labels: DatedLabels, prefix = '', attr = 'aria-label', op: '=' | '^=' = '='): string {
  const forms = [...new Set(anyLabel(labels))].filter((label) => op === '=' || label.endsWith(':'));
  return forms.map((label) => `${prefix}[${attr}${op}"${label}"]`).join(', ');
}

export const LABELS = {
  readingPane: { seen: '2024', en: ['Reading Pane', 'Reading pane'], de: ['Lesebereich'], fr: ['Volet de lecture'], es: ['Panel de lectura'], nl: ['Leesvenster'] },
  messageBody: { seen: '2024', en: ['Message body'], de: ['Nachrichtentext'], fr: ['Corps du message'], es: ['Cuerpo del mensaje'], nl: ['Berichttekst'] },
  /** Prefix of the sender's aria-label ("From: Ana Lopez <ana@...>"). */
  from: { seen: '2024', en: ['From:'], de: ['Von:'], fr: ['De :', 'De:'], es: ['De:'], nl: ['Van:'] },
  to: { seen: '2024', en: ['To:', 'To'], de: ['An:', 'An'], fr: ['À :', 'À:', 'À'], es: ['Para:', 'Para'], nl: ['Aan:', 'Aan'] },
  cc: { seen: '2024', en: ['Cc:', 'Cc'], de: ['Cc:', 'Cc'], fr: ['Cc :', 'Cc:', 'Cc'], es: ['CC:', 'CC', 'Cc:'], nl: ['CC:', 'CC', 'Cc:'] },
  bcc: { seen: '2024', en: ['Bcc:', 'Bcc'], de: ['Bcc:', 'Bcc'], fr: ['Cci :', 'Cci:', 'Cci'], es: ['CCO:', 'CCO'], nl: ['BCC:', 'BCC'] },
  subject: { seen: '2023', en: ['Add a subject', 'Subject'], de: ['Betreff hinzufügen', 'Betreff'], fr: ['Ajouter un objet', 'Objet'], es: ['Agregar un asunto', 'Asunto'], nl: ['Onderwerp toevoegen', 'Onderwerp'] },
} satisfies Record<string, DatedLabels>;

export const OUTLOOK = {
  /** The reading pane, also the whole content of a pop-out reading window. */
  readingPane: {
    label: "Outlook's reading pane",
    selectors: [
      { css: '[data-app-section="MailReadCompose"]', seen: '2023' },
      { css: '#ReadingPaneContainerId', seen: '2019' },
      { css: labelCss(LABELS.readingPane), seen: LABELS.readingPane.seen },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'reply-open.html': 1, 'compose-new.html': 1, 'popout-read.html': 1, 'message-list.html': 1, 'calendar.html': 0 },
  },
  conversation: {
    label: "the conversation's messages",
    selectors: [{ css: '[data-app-section="ConversationContainer"]', seen: '2020' }],
    checkedAgainst: { 'reading-pane-en.html': 1, 'conversation.html': 1, 'reply-open.html': 1, 'popout-read.html': 1, 'message-list.html': 0, 'compose-new.html': 0 },
  },
  subject: {
    label: "the conversation's subject heading",
    selectors: [
      { css: '[role="heading"][id^="CONV_"][id$="_SUBJECT"]', seen: '2024' },
      { css: '[role="heading"][aria-level="2"]', seen: '2019' },
      { css: 'div[role="heading"][title]', seen: '2023' },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'popout-read.html': 1, 'message-list.html': 0 },
  },
  /** One per message, expanded or collapsed: starts a message in document order. */
  sender: {
    label: "Outlook's message header (From)",
    selectors: [
      { css: '[id^="MSG_"][id$="_FROM"]', seen: '2024' },
      { css: labelCss(LABELS.from, 'span', 'aria-label', '^='), seen: LABELS.from.seen },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 3, 'reply-open.html': 2, 'popout-read.html': 1, 'hover-card-only.html': 1, 'message-list.html': 0 },
  },
  /** When the message was sent ("Wed 11/25/2026 8:01 AM"), in the expanded message's header. */
  sentTime: {
    label: "the message's date",
    selectors: [{ css: '[data-testid="SentReceivedSavedTime"]', seen: '2024' }],
    checkedAgainst: { 'conversation.html': 1, 'reading-pane-en.html': 1, 'message-list.html': 0 },
  },
  recipients: {
    label: "the message's recipients (To, Cc)",
    selectors: [
      { css: '[data-testid="RecipientWell"]', seen: '2023' },
      { css: [LABELS.to, LABELS.cc, LABELS.bcc].map((labels) => labelCss(labels, 'div', 'aria-label', '^=')).join(', '), seen: LABELS.to.seen },
    ],
    // The German fixture is an older build without the data-testid: one labelled line each for An: and Cc:.
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 2, 'conversation.html': 1, 'reply-open.html': 1, 'popout-read.html': 1 },
  },
  /** A person in a header, a recipient well or a compose chip (Live Persona Card hover target). */
  persona: {
    label: 'a person in the message header',
    selectors: [{ css: '[data-lpc-hover-target-id]', seen: '2022' }],
    checkedAgainst: { 'reading-pane-en.html': 4, 'reading-pane-de.html': 0, 'conversation.html': 6, 'reply-open.html': 5, 'compose-new.html': 2 },
  },
  body: {
    label: 'the message body',
    selectors: [
      { css: '[id^="UniqueMessageBody"]', seen: '2019' },
      { css: 'div[role="document"]', seen: '2019' },
      { css: labelCss(LABELS.messageBody, 'div'), seen: LABELS.messageBody.seen },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'reply-open.html': 1, 'popout-read.html': 1 },
  },
  composeBody: {
    label: 'the message body being written',
    selectors: [
      { css: 'div[role="textbox"][aria-multiline="true"][contenteditable="true"]', seen: '2019' },
      { css: '[contenteditable="true"][aria-multiline="true"]', seen: '2021' },
      { css: labelCss(LABELS.messageBody, 'div[contenteditable="true"]'), seen: LABELS.messageBody.seen },
    ],
    checkedAgainst: { 'reply-open.html': 1, 'compose-new.html': 1, 'reading-pane-en.html': 0, 'message-list.html': 0 },
  },
  /** The form a compose body belongs to: inline reply or new message (`docking`), the pop-out's form, a dialog. */
  composeForm: {
    label: 'the compose form',
    selectors: [
      { css: '[id^="docking_InitVisiblePart"]', seen: '2021' },
      { css: '[data-app-section="Form_Content"]', seen: '2022' },
      { css: '[role="dialog"]', seen: '2019' },
    ],
    checkedAgainst: { 'reply-open.html': 1, 'compose-new.html': 1 },
  },
  /** The to, cc and bcc wells of a compose form, in that order: the contenteditable boxes that are not the body. */
  composeWell: {
    label: 'recipients typed in a compose form',
    selectors: [{ css: '[contenteditable="true"]:not([aria-multiline="true"])', seen: '2025-10' }],
    checkedAgainst: { 'reply-open.html': 1, 'compose-new.html': 2 },
  },
  composeSubject: {
    label: 'the subject being written',
    selectors: [
      { css: 'input[id^="MSG_"][id$="_SUBJECT"]', seen: '2024' },
      { css: labelCss(LABELS.subject, 'input'), seen: LABELS.subject.seen },
    ],
    checkedAgainst: { 'compose-new.html': 1 },
  },
  /** The signed-in mailbox: the account manager's address, else the folder pane's mailbox node. */
  mailbox: {
    label: 'the signed-in mailbox',
    selectors: [
      { css: '#mectrl_currentAccount_secondary', seen: '2020' },
      { css: '[role="tree"] [role="treeitem"][title*="@"]', seen: '2019' },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'message-list.html': 1, 'calendar.html': 1, 'popout-read.html': 0 },
  },
  /** The signed-in user's display name (their own messages and recipients show only the name). */
  mailboxName: {
    label: "the signed-in user's name",
    selectors: [
      { css: '#mectrl_currentAccount_primary', seen: '2020' },
      { css: '#O365_MainLink_Me > div > div:first-child', seen: '2021' },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'reply-open.html': 1, 'popout-read.html': 0 },
  },
  /** Conversation rows of the message list; the selected one is open in the reading pane. */
  /**
   * The open conversation's id (Touch.thread: conversations are counted by it): the selected list row's data-convid,
   * else the subject heading's CONV_<id>_SUBJECT (a pop-out has no list; its /mail/deeplink/readconv/<id> URL is read first).
   */
  conversationId: {
    label: "the conversation's id",
    selectors: [
      { css: '[role="listbox"] [role="option"][aria-selected="true"][data-convid]', seen: '2020' },
      { css: '[role="heading"][id^="CONV_"][id$="_SUBJECT"]', seen: '2024' },
    ],
    checkedAgainst: { 'reading-pane-en.html': 1, 'reading-pane-de.html': 1, 'conversation.html': 1, 'popout-read.html': 1, 'message-list.html': 0, 'calendar.html': 0 },
  },
  listRow: {
    label: 'the message list',
    selectors: [{ css: '[role="listbox"] [role="option"][data-convid]', seen: '2020' }],
    checkedAgainst: { 'reading-pane-en.html': 3, 'message-list.html': 3, 'calendar.html': 0 },
  },
} satisfies Record<string, SelectorGroup>;

/** Quoted history inside a message body or a reply being written, left out of bodyText. */
export const QUOTED = '#divRplyFwdMsg, #appendonsend, [id^="divRplyFwdMsg"], blockquote, .gmail_quote';

/** Route segments under /mail that are never a customer (settings), or not mail at all (the other apps). */
export const NON_MAIL_APPS = new Set(['calendar', 'people', 'contacts', 'tasks', 'todo', 'files', 'bookings', 'groups', 'options', 'settings']);
