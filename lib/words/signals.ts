// Why a question is suggested: the fact behind each signal, in words.
import type { Signal } from '../model/playbook';
import type { SignalAbout, SignalDraft } from '../playbooks/signals';
import { opportunityText } from './opportunities';
import { departureText, gapText, leadTitle, newcomerText } from './people';
import { riskWords } from './risk';

export interface ReasonContext {
  accountName: string;
  today: string;
  pageCompanyName?: string;
  staleAfterDays?: number;
}

export function signalReason(about: SignalAbout, context: ReasonContext): string {
  switch (about.type) {
    case 'risk': {
      const words = riskWords(about.risk, { today: context.today, ...(context.staleAfterDays ? { staleAfterDays: context.staleAfterDays } : {}) });
      return `Lapse risk: ${words.explanation[0] ?? words.headline}`;
    }
    case 'healthy':
      return 'Healthy account: a good moment to ask how the partnership is going';
    case 'gap':
      return gapText(about.gap);
    case 'departure':
      return departureText(about.departure, context.accountName, context.today);
    case 'newcomer':
      return newcomerText(about.newcomer);
    case 'opportunity':
      return `Opportunity: ${opportunityText(about.gap)}`;
    case 'lead':
      return leadTitle(about.lead, context.today, { pageCompanyName: context.pageCompanyName });
    case 'email':
      return `mentions ${about.phrases.map((p) => `"${p}"`).join(' and ')}`;
  }
}

/** Drafts with their reasons, as the question engine takes them. */
export function worded(drafts: readonly SignalDraft[], context: ReasonContext): Signal[] {
  return drafts.map((d) => ({ kind: d.kind, strength: d.strength, reason: signalReason(d.about, context) }));
}
