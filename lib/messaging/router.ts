import type { z } from 'zod';
import { ContentMessage, PageMessage, type Reply } from '../model/messages';

/** The parts of chrome.runtime.MessageSender the router trusts. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export type Handlers = {
  [K in ContentMessage['type']]: (message: Extract<ContentMessage, { type: K }>, sender: SenderInfo) => Promise<unknown>;
} & {
  [K in PageMessage['type']]: (message: Extract<PageMessage, { type: K }>, sender: SenderInfo) => Promise<unknown>;
};

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid message';
  const path = first.path.length ? `${first.path.join('.')}: ` : '';
  return `${path}${first.message}`;
}

/**
 * Routes one incoming message. Checks who sent it before anything else: only this extension's own parts,
 * and for data changes only extension pages (our own origin, never a content script in a web page).
 */
export async function routeMessage(
  raw: unknown,
  sender: SenderInfo,
  self: { id: string; origin: string },
  handlers: Handlers,
): Promise<Reply> {
  try {
    if (sender.id !== self.id) return { ok: false, error: 'message from another extension refused' };
    // An extension page (the options page, even when open in a tab) has our own origin; a content script's
    // sender carries the web page's URL and origin.
    const fromExtensionPage =
      typeof sender.url === 'string' && sender.url.startsWith(self.origin) && (sender.origin === undefined || `${sender.origin}/` === self.origin);
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    const pageTypes = PageMessage.options.map((o) => o.shape.type.value) as string[];
    if (typeof type === 'string' && pageTypes.includes(type)) {
      if (!fromExtensionPage) return { ok: false, error: `"${type}" is only accepted from the extension's own pages` };
      const parsed = PageMessage.safeParse(raw);
      if (!parsed.success) return { ok: false, error: `bad "${type}" message: ${describeZodError(parsed.error)}` };
      const handler = handlers[parsed.data.type] as (m: PageMessage, s: SenderInfo) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, sender) };
    }
    const parsed = ContentMessage.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: typeof type === 'string' ? `bad "${type}" message: ${describeZodError(parsed.error)}` : 'unknown message' };
    }
    const handler = handlers[parsed.data.type] as (m: ContentMessage, s: SenderInfo) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
