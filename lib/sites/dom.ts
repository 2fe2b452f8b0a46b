// Small DOM readers shared by the Gmail and CRM recognizers. They take elements as parameters and never touch
// globals, so that tests can pass a happy-dom or linkedom document.
import type { PersonOnPage, PersonRole } from '../model/page';
import { normalizeEmail } from '../model/identity';

const ELEMENT_NODE = 1;

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === ELEMENT_NODE;
}

/** querySelectorAll that never throws (an invalid selector in the data yields no elements). */
export function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function first(root: ParentNode, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector the engine does not support: try the next one.
    }
  }
  return undefined;
}

/** Collapsed whitespace text of an element. */
export function textOf(element: Element | null | undefined, max = 20_000): string {
  if (!element) return '';
  const raw = element.textContent ?? '';
  return raw.slice(0, max * 2).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Hidden by markup: the hidden attribute, aria-hidden, or an inline display:none / visibility:hidden. */
export function hiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Visible as far as markup and computed style tell (layout is absent in happy-dom, so offsetWidth is not used).
 * Checks the element and its ancestors up to `root`.
 */
export function isVisible(element: Element, stopAt?: Element | null, styledLevels = 4): boolean {
  const view = element.ownerDocument?.defaultView as (Window & typeof globalThis) | null | undefined;
  let level = 0;
  for (let node: Element | null = element; node && node !== stopAt; node = node.parentElement, level += 1) {
    if (hiddenByMarkup(node)) return false;
    // Computed style is costly in DOM emulations: ask it for the element and its nearest ancestors only.
    if (level < styledLevels && view && typeof view.getComputedStyle === 'function') {
      try {
        const style = view.getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
      } catch {
        // No computed style in this engine: markup checks above decide.
      }
    }
  }
  return true;
}

/** Outermost matches only: a container nested in another is the same thing (input in document order). */
export function outermost<T extends Element>(elements: T[]): T[] {
  // querySelectorAll returns document order: a nested match can only sit inside the last kept one.
  const kept: T[] = [];
  for (const element of elements) {
    const last = kept[kept.length - 1];
    if (!last || !last.contains(element)) kept.push(element);
  }
  return kept;
}

/** Text of a node, leaving out quoted history (`quoted`), hidden parts, scripts and styles; blocks become new lines. */
function ownText(node: Node, quoted: string, out: string[], budget: { left: number }): void {
  for (let child = node.firstChild; child && budget.left > 0; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child.nodeValue ?? '';
      out.push(text);
      budget.left -= text.length;
    } else if (isElement(child)) {
      if (child.matches(quoted) || hiddenByMarkup(child) || /^(script|style)$/i.test(child.tagName)) continue;
      if (/^(p|div|br|li|tr)$/i.test(child.tagName)) out.push('\n');
      ownText(child, quoted, out, budget);
    }
  }
}

/** A message body as plain text without its quoted history, whitespace tidied, at most `limit` characters. */
export function plainText(body: Element, quoted: string, limit: number): string | undefined {
  const out: string[] = [];
  ownText(body, quoted, out, { left: limit * 2 });
  const text = out.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, limit);
  return text || undefined;
}

/** Every address in a text such as `"Ann Lee" <ann@x.com>, bob@y.org`. */
export function emailsInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[^\s<>()"',;:\[\]]+@[a-z0-9.-]+\.[a-z]{2,}/gi)) {
    const email = normalizeEmail(match[0]);
    if (email) found.push(email);
  }
  return found;
}

/**
 * Addresses written in an element's text, read node by node: joining text across elements could invent an address
 * ("ana@x.com" followed by "acme" in the next element must not read as "ana@x.comacme").
 */
export function emailsInTextNodes(element: Element, maxNodes = 500): string[] {
  const found: string[] = [];
  const stack: Node[] = [element];
  let visited = 0;
  while (stack.length && visited < maxNodes) {
    const node = stack.pop()!;
    visited += 1;
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').includes('@')) found.push(...emailsInText(node.nodeValue ?? ''));
      continue;
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return found;
}

/** Addresses of a mailto: link (several may be separated by commas; query string dropped). */
export function emailsOfMailto(href: string): string[] {
  const target = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Keep the raw text.
  }
  return decoded
    .split(/[,;]/)
    .map((part) => normalizeEmail(part.trim()))
    .filter((email): email is string => Boolean(email));
}

/** Collects people with no duplicate email per role, leaving out the signed-in user. */
export class PeopleCollector {
  private readonly seen = new Set<string>();
  readonly people: PersonOnPage[] = [];
  constructor(private readonly me?: string) {}

  add(rawEmail: string | null | undefined, role: PersonRole, rawName?: string | null): boolean {
    const email = normalizeEmail(rawEmail);
    if (!email || email === this.me || this.people.length >= 200) return false;
    const key = `${role}|${email}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const name = cleanName(rawName, email);
    this.people.push(name ? { email, name, role } : { email, role });
    return true;
  }

  has(email: string): boolean {
    return this.people.some((person) => person.email === email);
  }
}

function cleanName(raw: string | null | undefined, email: string): string | undefined {
  const name = (raw ?? '').replace(/\s+/g, ' ').replace(/^["']|["']$/g, '').trim().slice(0, 200);
  if (!name || name.toLowerCase() === email || name.toLowerCase() === 'me') return undefined;
  return name;
}
