import { z } from 'zod';
import { PageContext } from './page';
import { Playbook } from './playbook';

// Messages between extension parts. Every message is parsed on arrival: a content script runs beside an
// untrusted page, so its messages get no more trust than the page itself.

/** What a content script may ask: insights for what is on screen, and "I inserted this question". */
export const ContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getSidebarState'), page: PageContext, accountId: z.string().max(300).optional() }),
  z.object({
    type: z.literal('recordQuestion'),
    accountId: z.string().min(1).max(300),
    playbookId: z.string().min(1).max(80),
    questionId: z.string().min(1).max(80),
    text: z.string().min(1).max(1000),
    site: z.string().max(40),
  }),
  z.object({ type: z.literal('openOptions'), section: z.enum(['import', 'data', 'risk', 'playbooks', 'team']).optional() }),
]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** What only extension pages (the options page) may ask: changes to data, playbooks and settings. */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dataChanged') }),
  z.object({ type: z.literal('rescore') }),
  z.object({ type: z.literal('deleteAccount'), accountId: z.string().min(1).max(300) }),
  z.object({ type: z.literal('deleteAll'), confirm: z.literal('delete everything') }),
  z.object({ type: z.literal('savePlaybooks'), playbooks: z.array(Playbook).max(100) }),
  z.object({ type: z.literal('addSelfHostedCrm'), origin: z.string().url().max(300), crm: z.enum(['twenty', 'espocrm', 'suitecrm', 'odoo']) }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** Background → content script: toggle the sidebar (keyboard command). Only the background can send it. */
export type TabMessage = { type: 'toggleSidebar' };

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };
