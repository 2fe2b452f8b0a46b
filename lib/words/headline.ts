// The one most important thing, read first: risk, then a champion move, then a missing person, then an opening.
import type { AccountInsight, LapseRisk, Opportunity, PeopleInsight } from '../model/insight';
import type { ChampionDeparture, MovedContactLead } from '../insights/people/types';
import { departureText } from './people';
import { riskWords } from './risk';
import { isolate } from './visible';

export interface HeadlineFacts {
  risk?: LapseRisk;
  /** Stored champion moves away from this account, strongest first. */
  departures: readonly ChampionDeparture[];
  /** The person on the page is known from another account (a move seen live by the matcher). */
  movedHere?: MovedContactLead;
  people: PeopleInsight;
  opportunities: readonly Opportunity[];
  accountName: string;
  today: string;
  staleAfterDays?: number;
}

export function headlineFor(facts: HeadlineFacts): AccountInsight['headline'] {
  const { risk, departures, movedHere, people, opportunities } = facts;
  if (movedHere) {
    const before = movedHere.formerEmail.split('@')[1] ?? movedHere.formerAccountName;
    return { kind: 'people', tone: 'danger', title: 'Your contact may have moved', reason: `${isolate(movedHere.name)} now writes from ${movedHere.newDomain} instead of ${before}.` };
  }
  const words = risk ? riskWords(risk, { today: facts.today, ...(facts.staleAfterDays ? { staleAfterDays: facts.staleAfterDays } : {}) }) : undefined;
  if (risk?.level === 'high') return { kind: 'risk', tone: 'danger', title: words!.headline, reason: words!.explanation.slice(0, 3).join('; ') };
  const departure = departures[0];
  if (departure) return { kind: 'people', tone: 'danger', title: 'Champion risk', reason: departureText(departure, facts.accountName, facts.today) };
  if (risk?.level === 'watch') return { kind: 'risk', tone: 'warning', title: words!.headline, reason: words!.explanation.slice(0, 2).join('; ') };
  if (people.missing.length) {
    return { kind: 'people', tone: 'warning', title: 'Missing decision-makers', reason: people.missing.slice(0, 2).map((m) => m.text).join('; ') || people.missing[0]!.why };
  }
  if (opportunities.length) return { kind: 'opening', tone: 'info', title: 'Opportunity', reason: opportunities[0]!.text };
  return {
    kind: 'ok',
    tone: 'good',
    title: words ? words.headline : 'No warning signs',
    reason: words?.explanation[0] ?? 'Orders, people and product mix look healthy.',
  };
}
