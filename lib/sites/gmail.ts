// Gmail: who is in the open conversation and in the reply/compose boxes. Selectors live in gmail-selectors.ts.
import type { MessageOnPage, PageContext, PersonRole } from '../model/page';
import { normalizeEmail } from '../model/identity';
import { all, emailsInText, emailsInTextNodes, first, isVisible, outermost, PeopleCollector, plainText, textOf } from './dom';
import { dateOrderOf, pageLangOf, sentAtOf } from './messageDate';
import { GMAIL, joined, LIST_VIEWS, LIST_VIEWS_WITH_ARGUMENT, NON_CUSTOMER_VIEWS, QUOTED, type SelectorGroup } from './gmail-selectors';

const MAX_MESSAGES = 100;
const BODY_LIMIT = 20_000;
const THREAD_ID = /^[A-Za-z0-9_-]{16,}$/;

type HashView = { kind: 'list' | 'thread' | 'other' | 'unknown'; compose: boolean };

/** What Gmail's hash route says: #inbox (list), #inbox/FMfcg... (thread), #search/q/ID, #label/X/ID, #settings/... */
export function gmailHashView(url: URL): HashView {
  if (/^\/chat\b/.test(url.pathname)) return { kind: 'other', compose: false };
  const raw = url.hash.replace(/^#/, '');
  const [route = '', query = ''] = raw.split('?');
  const compose = /(^|&)compose=/.test(query);
  if (!route) return { kind: 'unknown', compose };
  const parts = route.split('/').filter(Boolean);
  const head = (parts[0] ?? '').toLowerCase();
  if (NON_CUSTOMER_VIEWS.has(head)) return { kind: 'other', compose };
  const idAt = LIST_VIEWS_WITH_ARGUMENT.has(head) ? 2 : LIST_VIEWS.has(head) ? 1 : -1;
  if (idAt < 0) return { kind: 'unknown', compose };
  return { kind: parts[idAt] && THREAD_ID.test(parts[idAt]!) ? 'thread' : 'list', compose };
}

/** The signed-in address: account switcher aria-label, else the window title "Inbox - me@x.com - Gmail". */
export function gmailUser(doc: Document): string | undefined {
  const switcher = first(doc, GMAIL.accountSwitcher.selectors.map((selector) => selector.css));
  const found = switcher && (emailsInText(switcher.getAttribute('aria-label') ?? '')[0] ?? emailsInTextNodes(switcher)[0]);
  if (found) return found;
  const title = /-\s*([^\s]+@[^\s]+)\s*-\s*[^-]*$/.exec(doc.title ?? '');
  return normalizeEmail(title?.[1]);
}

function firstMatch(root: ParentNode, group: SelectorGroup, skip?: (element: Element) => boolean): Element | undefined {
  for (const { css } of group.selectors) {
    if (!skip) {
      const found = first(root, [css]);
      if (found) return found;
      continue;
    }
    for (const element of all(root, css)) if (!skip(element)) return element;
  }
  return undefined;
}

function messagesOf(scope: Element): Element[] {
  for (const { css } of GMAIL.message.selectors) {
    const found = outermost(all(scope, css));
    if (found.length) return found;
  }
  return [];
}

function bodyTextOf(message: Element): string | undefined {
  const body = firstMatch(message, GMAIL.body);
  return body ? plainText(body, QUOTED, BODY_LIMIT) : undefined;
}

function roleOfLabel(label: string): PersonRole | 'from' | undefined {
  const text = label.trim().toLowerCase();
  if (/^(bcc|cci|bcc|ccn|bkopie)/.test(text)) return 'bcc';
  if (/^(cc|kopie|copie|cópia)/.test(text)) return 'cc';
  if (/^(from|von|de|da|van|från|od)\b/.test(text)) return 'from';
  return text ? 'to' : undefined;
}

const SENDER_FALLBACK = GMAIL.sender.selectors.map((selector) => selector.css);
const RECIPIENT_SELECTORS = GMAIL.recipients.selectors.map((selector) => selector.css);
/** One walk of the message: every contact span, the body and the details rows. */
const MESSAGE_PARTS = `[email], ${joined(GMAIL.body)}, ${joined(GMAIL.detailRows)}`;

function readMessage(message: Element, people: PeopleCollector): boolean {
  const parts = all(message, MESSAGE_PARTS);
  const body = parts.find((element) => !element.hasAttribute('email') && element.matches(joined(GMAIL.body)));
  const rows = parts.filter((element) => element.tagName.toLowerCase() === 'tr');
  const contacts = parts.filter((element) => element.hasAttribute('email') && !(body && body.contains(element)));
  const inDetails = (element: Element) => rows.some((row) => row.contains(element));
  const headerContacts = contacts.filter((element) => !inDetails(element));

  let sender: Element | undefined;
  for (const css of SENDER_FALLBACK) {
    sender = headerContacts.find((element) => element.matches(css) && !element.closest('.hb'));
    if (sender) break;
  }
  if (sender) people.add(sender.getAttribute('email'), 'from', sender.getAttribute('name') ?? textOf(sender, 200));

  let labelled = false;
  for (const row of rows) {
    const cells = row.children;
    if (cells.length < 2) continue;
    const role = roleOfLabel(textOf(cells[0], 40));
    if (!role) continue;
    for (const span of contacts.filter((element) => cells[1]!.contains(element))) {
      if (role === 'from') {
        if (!sender) people.add(span.getAttribute('email'), 'from', span.getAttribute('name'));
        continue;
      }
      labelled = people.add(span.getAttribute('email'), role, span.getAttribute('name') ?? textOf(span, 200)) || labelled;
    }
  }
  if (!labelled) {
    for (const css of RECIPIENT_SELECTORS) {
      const found = headerContacts.filter((element) => element !== sender && element.matches(css));
      for (const span of found) people.add(span.getAttribute('email'), 'to', span.getAttribute('name') ?? textOf(span, 200));
      if (found.length) break;
    }
  }
  return Boolean(sender);
}

/** The compose window (dialog, pop-out or inline reply) an editable body belongs to. */
function composeContainerOf(body: Element): Element {
  let node: Element | null = body;
  for (let depth = 0; node && depth < 25; depth += 1, node = node.parentElement) {
    if (node.getAttribute('role') === 'dialog' || node.querySelector('input[name="subjectbox"], input[name="to"], textarea[name="to"], [name="to"]')) return node;
  }
  return body.parentElement ?? body;
}

function recipientRole(element: Element): PersonRole {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const name = (node.getAttribute('name') ?? '').toLowerCase();
    if (name === 'cc' || name === 'bcc' || name === 'to') return name;
    const label = (node.getAttribute('aria-label') ?? '').toLowerCase();
    if (/^bcc\b/.test(label)) return 'bcc';
    if (/^cc\b/.test(label)) return 'cc';
    if (/^to\b/.test(label)) return 'to';
    if (node.getAttribute('role') === 'dialog') break;
  }
  return 'to';
}

function readCompose(body: Element, people: PeopleCollector): { subject?: string } {
  const container = composeContainerOf(body);
  for (const element of all(container, joined(GMAIL.composeRecipient))) {
    if (body.contains(element) || element.closest(QUOTED)) continue;
    const tag = element.tagName.toLowerCase();
    if (tag === 'input' || tag === 'textarea') {
      const role = (element.getAttribute('name') ?? 'to').toLowerCase() as PersonRole;
      const value = (element as HTMLInputElement).value ?? element.getAttribute('value') ?? '';
      for (const email of emailsInText(String(value))) people.add(email, role);
      continue;
    }
    const email = element.getAttribute('email') ?? element.getAttribute('data-hovercard-id');
    people.add(email, recipientRole(element), element.getAttribute('name') ?? element.getAttribute('data-name') ?? textOf(element, 200));
  }
  const subjectBox = container.querySelector(joined(GMAIL.composeSubject)) as HTMLInputElement | null;
  const subject = (subjectBox?.value ?? subjectBox?.getAttribute('value') ?? '').trim();
  return subject ? { subject: subject.slice(0, 500) } : {};
}

const MESSAGE_ID = /^[#A-Za-z0-9:_-]{6,200}$/;

/** The message's stable id (the legacy hex id, else the msg-f id), its date, and everyone on it, the user included. */
function headerOf(message: Element, people: PeopleCollector): MessageOnPage | undefined {
  const id = message.getAttribute('data-legacy-message-id') ?? message.getAttribute('data-message-id') ?? '';
  if (!MESSAGE_ID.test(id) || !people.people.length) return undefined;
  const dated = first(message, GMAIL.messageDate.selectors.map((selector) => selector.css));
  const sentAt = sentAtOf(dated?.getAttribute('title'), dateOrderOf(pageLangOf(message)));
  return { id, ...(sentAt ? { sentAt } : {}), people: people.people.slice(0, 100) };
}

/** Editable message bodies of every open reply, forward and compose box, newest first. */
export function findGmailComposeBodies(doc: Document): HTMLElement[] {
  const found = all(doc, joined(GMAIL.composeBody)).filter((element) => {
    const editable = (element.getAttribute('contenteditable') ?? '').toLowerCase();
    if (editable !== 'true' && editable !== 'plaintext-only') return false;
    if (element.getAttribute('role') !== 'textbox' && element.getAttribute('g_editable') !== 'true') return false;
    return isVisible(element);
  });
  return outermost(found as HTMLElement[]).reverse();
}

/** The main view holding the open conversation: Gmail keeps hidden copies of earlier views. */
function visibleMain(doc: Document): { main?: Element; subject?: Element } {
  // Fast path: the first thread heading, when visible, names its main view (one short query instead of a full scan).
  const quick = firstMatch(doc, GMAIL.threadSubject);
  const quickMain = quick?.closest(joined(GMAIL.main));
  if (quick && quickMain && isVisible(quick)) return { main: quickMain, subject: quick };
  const mains = all(doc, joined(GMAIL.main));
  let fallback: Element | undefined;
  for (const main of mains) {
    const subject = firstMatch(main, GMAIL.threadSubject);
    if (subject && isVisible(subject)) return { main, subject };
    if (!fallback && isVisible(main)) fallback = main;
  }
  return { main: fallback };
}

export function recognizeGmail(doc: Document, url: URL): PageContext {
  const hash = gmailHashView(url);
  if (hash.kind === 'other') return { site: 'gmail', view: 'other', people: [], reason: 'Gmail settings, chat or another view that is not a conversation.' };
  const me = gmailUser(doc);
  const people = new PeopleCollector(me);
  const composeBodies = findGmailComposeBodies(doc);
  let composeSubject: string | undefined;
  const readComposes = () => {
    for (const body of composeBodies) composeSubject ??= readCompose(body, people).subject;
  };

  const { main, subject } = hash.kind === 'list' ? {} : visibleMain(doc);
  const messages = main && (subject || hash.kind === 'thread') ? messagesOf(main) : [];
  if (!messages.length) {
    if (composeBodies.length) {
      readComposes();
      const context: PageContext = { site: 'gmail', view: 'compose', people: people.people };
      if (composeSubject) context.subject = composeSubject;
      return context;
    }
    if (hash.kind === 'thread') {
      return { site: 'gmail', view: 'thread', people: [], reason: `Gmail's conversation was not found (selector ${GMAIL.message.selectors[0]!.css}).` };
    }
    return { site: 'gmail', view: hash.kind === 'list' ? 'list' : 'other', people: [], reason: 'No conversation is open.' };
  }

  const recent = messages.slice(-MAX_MESSAGES);
  let missingHeaders = 0;
  const headers: MessageOnPage[] = [];
  for (let i = recent.length - 1; i >= 0; i -= 1) {
    // Each message is read once into its own list (the user kept, for the direction), then added to the page's people.
    const own = new PeopleCollector();
    if (!readMessage(recent[i]!, own)) missingHeaders += 1;
    for (const person of own.people) people.add(person.email, person.role, person.name);
    const header = headerOf(recent[i]!, own);
    if (header) headers.unshift(header);
  }
  readComposes();

  const context: PageContext = { site: 'gmail', view: 'thread', people: people.people };
  if (me) context.signedIn = me;
  if (headers.length) context.messages = headers;
  // The thread id of the visible heading (GMAIL.threadId), as the message ids: what the remembered messages are grouped by.
  const threadId = subject?.matches(joined(GMAIL.threadId)) ? subject.getAttribute('data-legacy-thread-id') ?? '' : '';
  if (headers.length && MESSAGE_ID.test(threadId)) context.threadId = threadId;
  const subjectText = subject ? textOf(subject, 500) : '';
  if (subjectText) context.subject = subjectText;
  for (let i = recent.length - 1; i >= 0; i -= 1) {
    const text = bodyTextOf(recent[i]!);
    if (text) {
      context.bodyText = text;
      break;
    }
  }
  if (missingHeaders) {
    context.reason = `Gmail's message header was not found in ${missingHeaders} of ${recent.length} messages (selector ${GMAIL.sender.selectors[0]!.css}).`;
  }
  return context;
}
