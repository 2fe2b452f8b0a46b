// The signals the question engine sees, built from the insights' facts: one place for every strength formula.
// A signal's `about` names the fact it comes from; lib/words turns that fact into the "why" a rep reads.
import type { LapseRisk } from '../model/insight';
import type { SignalKind } from '../model/playbook';
import type { ExpansionGap } from '../insights/expansion';
import { departureWeight } from '../insights/people/moves';
import type { CheckedRole } from '../insights/people/roles';
import type { ChampionDeparture, CoverageGap, MovedContactLead, Newcomer, PeopleFacts } from '../insights/people/types';

export type SignalAbout =
  | { type: 'risk'; risk: LapseRisk }
  | { type: 'healthy' }
  | { type: 'gap'; gap: CoverageGap }
  | { type: 'departure'; departure: ChampionDeparture }
  | { type: 'newcomer'; newcomer: Newcomer }
  | { type: 'opportunity'; gap: ExpansionGap }
  | { type: 'lead'; lead: MovedContactLead }
  /** Words an email uses (quoted in the reason), as lib/playbooks/phrases.ts found them. */
  | { type: 'email'; phrases: string[] };

export interface SignalDraft {
  kind: SignalKind;
  strength: number;
  about: SignalAbout;
}

/** Lapse risk as signals. */
export function riskSignals(risk: LapseRisk | undefined): SignalDraft[] {
  if (!risk) return [];
  const about: SignalAbout = { type: 'risk', risk };
  const signals: SignalDraft[] = [];
  if (risk.level === 'high') signals.push({ kind: 'lapse-high', strength: Math.min(1, 0.7 + (1 - (risk.pActive ?? 0.5)) * 0.3), about });
  if (risk.level === 'watch') signals.push({ kind: 'lapse-watch', strength: 0.6, about });
  if (risk.daysSinceLastOrder !== undefined && risk.medianGapDays && risk.daysSinceLastOrder > 1.5 * risk.medianGapDays) {
    signals.push({ kind: 'overdue', strength: Math.min(1, risk.daysSinceLastOrder / risk.medianGapDays / 4), about });
  }
  if (risk.level === 'low') signals.push({ kind: 'check-in', strength: 0.3, about: { type: 'healthy' } });
  return signals;
}

const GAP_SIGNAL: Partial<Record<CheckedRole, SignalKind>> = {
  'economic-buyer': 'missing-economic-buyer',
  finance: 'missing-finance',
  technical: 'missing-technical',
};

const GAP_STRENGTH: Record<CheckedRole, Record<'no-one' | 'never-contacted' | 'stale', number>> = {
  'economic-buyer': { 'no-one': 0.85, 'never-contacted': 0.7, stale: 0.55 },
  finance: { 'no-one': 0.65, 'never-contacted': 0.6, stale: 0.45 },
  technical: { 'no-one': 0.55, 'never-contacted': 0.5, stale: 0.4 },
  user: { 'no-one': 0.3, 'never-contacted': 0.25, stale: 0.2 },
};

function gapSignal(gap: CoverageGap): SignalDraft | undefined {
  const about: SignalAbout = { type: 'gap', gap };
  switch (gap.kind) {
    case 'no-one':
    case 'never-contacted':
    case 'stale': {
      const kind = GAP_SIGNAL[gap.role];
      return kind ? { kind, strength: GAP_STRENGTH[gap.role][gap.kind], about } : undefined;
    }
    case 'no-senior-contact':
      return { kind: 'missing-economic-buyer', strength: 0.6, about };
    case 'single-threaded':
      // One known contact is single-threaded from CRM data alone: a fixed, moderate strength; activity adds evidence.
      return { kind: 'single-threaded', strength: gap.basis === 'one-contact' ? Math.max(0.5, Math.min(0.95, gap.total / 20)) : Math.min(0.95, gap.share * Math.min(1, gap.total / 20)), about };
    case 'no-regular-contact':
      return undefined;
  }
}

/** People facts and champion moves as signals. */
export function peopleSignals(facts: PeopleFacts, departures: readonly ChampionDeparture[]): SignalDraft[] {
  return [
    ...facts.gaps.flatMap((g) => gapSignal(g) ?? []),
    ...departures.map((d) => ({ kind: 'champion-left' as const, strength: departureWeight(d), about: { type: 'departure' as const, departure: d } })),
    ...facts.newcomers.map((n) => ({ kind: 'new-contact' as const, strength: n.economicBuyer ? 0.7 : 0.5, about: { type: 'newcomer' as const, newcomer: n } })),
  ];
}

/**
 * The top expansion gap as a signal. The strength grows with the share of peers that buy the product and is
 * raised when peers spend at least three times what this account does: both facts make the question worth asking
 * (this is the formula expansionSignals had; the sidebar's own 0.4 + share / 2 ignored the spend, so a product
 * every peer buys a little of outranked one they spend ten times more on).
 */
export function expansionSignals(gaps: readonly ExpansionGap[]): SignalDraft[] {
  return gaps.slice(0, 1).map((gap) => ({
    kind: 'expansion-gap' as const,
    strength: Math.min(1, Math.round((0.3 + 0.5 * gap.peerShare + (gap.spendRatio !== undefined && gap.spendRatio >= 3 ? 0.15 : 0)) * 100) / 100),
    about: { type: 'opportunity' as const, gap },
  }));
}

/** A known person writing from a new company: an opening (stronger when the company is not an account yet). */
export function leadSignals(lead: MovedContactLead): SignalDraft[] {
  return [{ kind: 'contact-moved-here', strength: lead.newAccountId ? 0.6 : 0.8, about: { type: 'lead', lead } }];
}

/** One signal per kind (the strongest), so that a question is not triggered twice by the same fact. */
export function strongestPerKind<T extends { kind: SignalKind; strength: number }>(signals: readonly T[]): T[] {
  const best = new Map<SignalKind, T>();
  for (const s of signals) {
    const current = best.get(s.kind);
    if (!current || s.strength > current.strength) best.set(s.kind, s);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}
