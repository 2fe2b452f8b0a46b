// Outlook on the web: who is in the conversation open in the reading pane (or a pop-out window) and in the compose
// forms. Selectors and labels live in outlook-selectors.ts with their sources.
import type { MessageOnPage, NamedPerson, PageContext, PersonRole } from '../model/page';
import { dateOrderOf, pageLangOf, sentAtOf } from './messageDate';
import { all, emailsInText, emailsInTextNodes, first, isVisible, outermost, PeopleCollector, plainText, textOf } from './dom';
import type { SelectorGroup } from './gmail-selectors';
import { anyLabel, LABELS, OUTLOOK, QUOTED } from './outlook-selectors';
import { outlookMailbox, outlookRoute } from './outlook-page';

export { outlookMailbox, outlookRoute, setOutlookMailbox, type Mailbox, type OutlookRoute } from './outlook-page';

const MAX_MESSAGES = 100;
const BODY_LIMIT = 20_000;

const joined = (group: SelectorGroup): string => group.selectors.map((selector) => selector.css).join(', ');

const base = (label: string) => label.replace(/\s*:$/, '');
const ROLE_WORDS: [PersonRole, string[]][] = (['bcc', 'cc', 'to'] as const).map((role) => [role, [...new Set(anyLabel(LABELS[role]).map(base))]]);

/** The role a line's label names ("Cc: ...", "An", "Cci :"), in any of the five languages; undefined when none. */
export function roleOfLabel(label: string): PersonRole | undefined {
  const text = label.trim().toLowerCase();
  for (const [role, words] of ROLE_WORDS) {
    for (const word of words) {
      const w = word.toLowerCase();
      if (text === w || text.startsWith(`${w}:`) || text.startsWith(`${w} :`)) return role;
    }
  }
  return undefined;
}

/** "Name<address>", "Name <address>", "Name" or "address", from the text, aria-label or title of a persona. */
function readPersona(element: Element): { email?: string; name?: string } {
  const label = element.getAttribute('aria-label') ?? '';
  const email = emailsInTextNodes(element, 50)[0] ?? emailsInText(label)[0] ?? emailsInText(element.getAttribute('title') ?? '')[0];
  // Only a trailing "<address>" goes: a display name may itself hold angle brackets.
  const clean = (text: string) => text.replace(/\s*<[^<>]*@[^<>]*>?\s*[;,]?\s*$/, '').replace(/^[^:<@]{1,12}:\s*/, '').replace(/[;,]\s*$/, '').trim();
  let name = clean(textOf(element, 300));
  if (!name || name.includes('@')) name = clean(label);
  if (name.includes('@')) name = '';
  return { ...(email ? { email } : {}), ...(name ? { name } : {}) };
}

/** Collects people shown by name only, leaving out the signed-in user and anyone also shown with an address. */
class NamedCollector {
  readonly named: NamedPerson[] = [];
  constructor(private readonly me?: string) {}
  add(name: string | undefined, role: PersonRole): boolean {
    const clean = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!clean || (this.me && clean.toLowerCase() === this.me.toLowerCase())) return false;
    if (this.named.length >= 50 || this.named.some((p) => p.role === role && p.name.toLowerCase() === clean.toLowerCase())) return false;
    this.named.push({ name: clean, role });
    return true;
  }
  /** The names left once those the page also shows with an address are added to `people` under that address. */
  resolveOn(people: PeopleCollector): NamedPerson[] {
    const byName = new Map<string, string>();
    for (const person of people.people) if (person.name && !byName.has(person.name.toLowerCase())) byName.set(person.name.toLowerCase(), person.email);
    return this.named.filter((named) => {
      const email = byName.get(named.name.toLowerCase());
      if (email) people.add(email, named.role, named.name);
      return !email;
    });
  }
}

interface Collect {
  people: PeopleCollector;
  named: NamedCollector;
}

/** One person element in a role: an address when there is one, else the name. False when it names nobody. */
function addPersona(element: Element, role: PersonRole, into: Collect): boolean {
  const { email, name } = readPersona(element);
  if (email) {
    into.people.add(email, role, name);
    return true;
  }
  if (name) into.named.add(name, role);
  return Boolean(name);
}

const PERSONA = joined(OUTLOOK.persona);

/** The people in a header or line without persona hover targets (older builds): its child elements but the label. */
function childPeople(scope: Element): Element[] {
  const children = Array.from(scope.children).filter((child) => !roleOfLabel(textOf(child, 20)) && textOf(child, 5));
  return children.length ? children : [scope];
}

/** A part of a message header (the From line or a recipient well) with the personas found inside it. */
interface Part {
  element: Element;
  personas: Element[];
}

interface Message {
  sender: Part;
  wells: Part[];
  body?: Element;
}

/** The line of a well a persona sits on: its ancestor right under the well. */
function lineOf(persona: Element, well: Element): Element {
  let node = persona;
  while (node.parentElement && node.parentElement !== well) node = node.parentElement;
  return node.parentElement === well ? node : well;
}

/** The lines of a recipient well ("To: ...", "Cc: ..."): first line To, later lines by their label, else Cc. */
function readRecipients(well: Part, into: Collect): void {
  const own = roleOfLabel(well.element.getAttribute('aria-label') ?? '');
  const roleOf = (line: Element, index: number): PersonRole => {
    const role = own ?? roleOfLabel(line.getAttribute('aria-label') ?? '') ?? roleOfLabel(textOf(line, 20)) ?? (index === 0 ? 'to' : 'cc');
    return role === 'from' ? 'to' : role;
  };
  if (well.personas.length) {
    const lines: Element[] = [];
    for (const persona of outermost(well.personas)) {
      const line = own ? well.element : lineOf(persona, well.element);
      if (!lines.includes(line)) lines.push(line);
      addPersona(persona, roleOf(line, lines.indexOf(line)), into);
    }
    return;
  }
  const lines = own ? [well.element] : Array.from(well.element.children).filter((line) => (line.textContent ?? '').includes('@') || textOf(line, 5));
  (lines.length ? lines : [well.element]).forEach((line, index) => {
    for (const person of childPeople(line)) addPersona(person, roleOf(line, index), into);
  });
}

/** The first selector of a group that matches anything in `scope` ('' when none does). */
function matchingCss(scope: ParentNode, group: SelectorGroup): string {
  for (const { css } of group.selectors) if (first(scope, [css])) return css;
  return '';
}

const FORMS = OUTLOOK.composeForm.selectors.slice(0, 2).map((selector) => selector.css).join(', ');
const PERSONA_ATTRIBUTE = OUTLOOK.persona.selectors[0]!.css.slice(1, -1);

/**
 * Messages in document order, in one query of the pane: each header (From) starts one; recipient wells, a body and
 * personas after it belong to it; compose forms and editors are skipped whole. Document order makes containment cheap
 * to follow: once a part is not inside the open body, form or header part, no later part is. OWA shows the newest
 * message on top by default: the first `max` messages are read and the walk stops there.
 */
function messagesOf(pane: Element, max: number): Message[] {
  const [sender, wells, body] = [matchingCss(pane, OUTLOOK.sender), matchingCss(pane, OUTLOOK.recipients), matchingCss(pane, OUTLOOK.body)];
  if (!sender) return [];
  let found: NodeListOf<Element>;
  try {
    found = pane.querySelectorAll([sender, wells, body, PERSONA, FORMS, '[contenteditable="true"]'].filter(Boolean).join(', '));
  } catch {
    return [];
  }
  const messages: Message[] = [];
  let closed: Element | undefined; // the open body, form or editor: everything inside it is passed over
  let openPart: Part | undefined;
  for (let i = 0; i < found.length; i += 1) {
    const part = found[i]!;
    if (closed && closed.contains(part)) continue;
    closed = undefined;
    if (openPart && part.hasAttribute(PERSONA_ATTRIBUTE) && openPart.element.contains(part)) {
      openPart.personas.push(part);
      continue;
    }
    if (part.getAttribute('contenteditable') === 'true' || part.matches(FORMS)) {
      closed = part;
      continue;
    }
    const current = messages[messages.length - 1];
    if (part.matches(sender)) {
      if (openPart && openPart === current?.sender && openPart.element.contains(part)) continue;
      if (messages.length === max) break;
      openPart = { element: part, personas: [] };
      messages.push({ sender: openPart, wells: [] });
    } else if (current && wells && part.matches(wells)) {
      openPart = { element: part, personas: [] };
      current.wells.push(openPart);
    } else if (current && body && part.matches(body) && !current.body) {
      current.body = closed = part;
      openPart = undefined;
    }
  }
  return messages;
}

/** The reading pane on screen (a pop-out window's whole content): the first visible match of the first selector. */
function readingPane(doc: Document): Element | undefined {
  for (const { css } of OUTLOOK.readingPane.selectors) {
    const panes = all(doc, css);
    const visible = panes.find((pane) => isVisible(pane));
    if (visible) return visible;
  }
  return undefined;
}

/** Editable message bodies of every open reply, forward and new message, newest (last in the page) first. */
export function findOutlookComposeBodies(doc: Document): HTMLElement[] {
  // The first selector that finds a box decides (the label fallbacks are only asked when the roles are gone).
  for (const { css } of OUTLOOK.composeBody.selectors) {
    const found = all(doc, css).filter((element) => {
      const editable = (element.getAttribute('contenteditable') ?? '').toLowerCase();
      return (editable === 'true' || editable === 'plaintext-only') && isVisible(element);
    });
    if (found.length) return outermost(found as HTMLElement[]).reverse();
  }
  return [];
}

function composeFormOf(body: Element): Element {
  for (const { css } of OUTLOOK.composeForm.selectors) {
    const form = body.closest(css);
    if (form) return form;
  }
  return body.closest(joined(OUTLOOK.readingPane)) ?? body.parentElement ?? body;
}

const WELL_ROLES: readonly PersonRole[] = ['to', 'cc', 'bcc'];

/** Recipients as chips in the to, cc and bcc wells (by label when it names one, else by order), and the subject. */
function readCompose(body: Element, into: Collect): string | undefined {
  const form = composeFormOf(body);
  const wells = all(form, joined(OUTLOOK.composeWell)).filter((well) => !body.contains(well) && !well.closest(QUOTED));
  outermost(wells).forEach((well, index) => {
    const role = roleOfLabel(well.getAttribute('aria-label') ?? '') ?? WELL_ROLES[index] ?? 'bcc';
    // A chip is the well's non-editable child ("Name <address>" in its aria-label, or the name only), else a persona.
    const direct = Array.from(well.children).filter((child) => child.getAttribute('contenteditable') === 'false' || child.matches(PERSONA));
    const chips = direct.length ? direct : outermost(all(well, PERSONA));
    for (const chip of chips) addPersona(chip, role, into);
    // Addresses typed but not yet turned into a chip.
    for (const email of emailsInTextNodes(well, 200)) if (!chips.some((chip) => (chip.textContent ?? '').toLowerCase().includes(email))) into.people.add(email, role);
  });
  const subjectBox = first(form, OUTLOOK.composeSubject.selectors.map((selector) => selector.css)) as HTMLInputElement | undefined;
  const subject = (subjectBox?.value ?? subjectBox?.getAttribute('value') ?? '').trim();
  return subject ? subject.slice(0, 500) : undefined;
}

/** OWA expands the newest message; its default order is newest on top, so an expanded first message is the newest. */
function newestBody(messages: Message[]): Element | undefined {
  if (messages[0]?.body) return messages[0].body;
  for (let i = messages.length - 1; i >= 0; i -= 1) if (messages[i]!.body) return messages[i]!.body;
  return undefined;
}

const OUTLOOK_ID = /^MSG_([A-Za-z0-9_=+-]{4,180})_FROM$/;
const SENT_TIME = joined(OUTLOOK.sentTime);

/** The message's id (its From line's MSG_ id), the sent time its header shows, and everyone on it with an address. */
function headerOf(message: Message, people: PeopleCollector): MessageOnPage | undefined {
  const from = message.sender.element.closest('[id^="MSG_"]') ?? first(message.sender.element, ['[id^="MSG_"][id$="_FROM"]']);
  const id = OUTLOOK_ID.exec(from?.id ?? '')?.[1];
  if (!id || !people.people.length) return undefined;
  const item = message.sender.element.closest('[role="listitem"]');
  const sentAt = sentAtOf(item ? textOf(item.querySelector(SENT_TIME), 80) : undefined, dateOrderOf(pageLangOf(item)));
  return { id, ...(sentAt ? { sentAt } : {}), people: people.people.slice(0, 100) };
}

const CONVERSATION_ID = /^[A-Za-z0-9%_=+\/.-]{4,300}$/;

/** The open conversation's id (OUTLOOK.conversationId): the selected row, a pop-out's readconv URL, the heading. */
function conversationIdOf(doc: Document, url: URL): string | undefined {
  const [row, heading] = OUTLOOK.conversationId.selectors.map((selector) => first(doc, [selector.css]));
  const parts = (url.searchParams.get('path') ?? url.pathname).split('/');
  const readconv = parts.findIndex((part) => part.toLowerCase() === 'readconv');
  let fromUrl: string | undefined;
  try {
    fromUrl = readconv >= 0 ? decodeURIComponent(parts[readconv + 1] ?? '') : undefined;
  } catch {
    fromUrl = undefined;
  }
  const headingId = heading?.id.slice('CONV_'.length, -'_SUBJECT'.length);
  return [row?.getAttribute('data-convid') ?? undefined, fromUrl, headingId].find((id) => id !== undefined && CONVERSATION_ID.test(id));
}

function finish(context: PageContext, into: Collect): PageContext {
  const named = into.named.resolveOn(into.people);
  if (named.length) context.namedOnly = named;
  return context;
}

export function recognizeOutlook(doc: Document, url: URL): PageContext {
  const route = outlookRoute(url);
  if (route.kind === 'other') return { site: 'outlook', view: 'other', people: [], reason: 'Outlook calendar, people, settings or another view that is not mail.' };
  const me = outlookMailbox(doc);
  const into: Collect = { people: new PeopleCollector(me.email), named: new NamedCollector(me.name) };
  const composeBodies = findOutlookComposeBodies(doc);
  const readComposes = () => {
    let subject: string | undefined;
    for (const body of composeBodies) subject ??= readCompose(body, into);
    return subject;
  };
  const pane = readingPane(doc);
  const messages = pane ? messagesOf(pane, MAX_MESSAGES) : [];

  if (!messages.length) {
    if (composeBodies.length) {
      const subject = readComposes();
      return finish({ site: 'outlook', view: 'compose', people: into.people.people, ...(subject ? { subject } : {}) }, into);
    }
    if (route.kind === 'thread') {
      return { site: 'outlook', view: 'thread', people: [], reason: `Outlook's conversation was not found (selector ${OUTLOOK.sender.selectors[0]!.css}).` };
    }
    const list = route.kind === 'list' || first(doc, [joined(OUTLOOK.listRow)]);
    return { site: 'outlook', view: list ? 'list' : 'other', people: [], reason: 'No conversation is open.' };
  }

  let missingHeaders = 0;
  const headers: MessageOnPage[] = [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    // Each message is read into its own lists (the user kept, for the direction), then added to the page's.
    const own: Collect = { people: new PeopleCollector(), named: new NamedCollector(me.name) };
    const people = message.sender.personas.length ? outermost(message.sender.personas) : childPeople(message.sender.element);
    const named = people.map((persona) => addPersona(persona, 'from', own));
    if (!named.some(Boolean)) missingHeaders += 1;
    // OWA shows the signed-in user by name only: a message from that name is the rep's own (its direction is 'out').
    const mine = me.email && me.name && !own.people.people.some((person) => person.role === 'from') && people.some((persona) => readPersona(persona).name?.toLowerCase() === me.name!.toLowerCase());
    if (mine) own.people.add(me.email, 'from', me.name);
    for (const well of message.wells) readRecipients(well, own);
    for (const person of own.people.people) into.people.add(person.email, person.role, person.name);
    for (const person of own.named.named) into.named.add(person.name, person.role);
    const header = headerOf(message, own.people);
    if (header) headers.push(header);
  }
  readComposes();

  const context: PageContext = { site: 'outlook', view: composeBodies.length ? 'compose' : 'thread', people: into.people.people };
  if (me.email) context.signedIn = me.email;
  // OWA shows the newest message on top: newest last, as Gmail gives them.
  if (headers.length) context.messages = headers;
  const conversation = headers.length ? conversationIdOf(doc, url) : undefined;
  if (conversation) context.threadId = conversation;
  const heading = pane && first(pane, OUTLOOK.subject.selectors.map((selector) => selector.css));
  const subject = heading ? (heading.getAttribute('title') ?? '').trim() || textOf(heading, 500) : '';
  if (subject) context.subject = subject.slice(0, 500);
  const body = newestBody(messages);
  const bodyText = body && plainText(body, QUOTED, BODY_LIMIT);
  if (bodyText) context.bodyText = bodyText;
  if (missingHeaders) {
    context.reason = `Outlook's message header was not found in ${missingHeaders} of ${messages.length} messages (selector ${OUTLOOK.sender.selectors[0]!.css}).`;
  } else if (!context.people.length) {
    context.reason = 'Outlook shows the people of this conversation by name only, without their addresses (older Outlook shows an address only in the contact card on hover).';
  }
  return finish(context, into);
}
