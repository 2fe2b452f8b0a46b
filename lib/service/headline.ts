import type { Signal } from '../model/playbook';
import type { AccountInsight, LapseRisk, Opportunity, PeopleInsight } from '../model/insight';
import type { Order } from '../model/records';
import type { MovedContact } from '../sites';

/** Lapse risk as signals for the question engine. */
export function riskSignals(risk: LapseRisk | undefined): Signal[] {
  if (!risk) return [];
  const reason = `Lapse risk: ${risk.explanation[0] ?? risk.headline}`;
  const signals: Signal[] = [];
  if (risk.level === 'high') signals.push({ kind: 'lapse-high', strength: Math.min(1, 0.7 + (1 - (risk.pAlive ?? 0.5)) * 0.3), reason });
  if (risk.level === 'watch') signals.push({ kind: 'lapse-watch', strength: 0.6, reason });
  if (risk.daysSinceLastOrder !== undefined && risk.medianGapDays && risk.daysSinceLastOrder > 1.5 * risk.medianGapDays) {
    signals.push({ kind: 'overdue', strength: Math.min(1, risk.daysSinceLastOrder / risk.medianGapDays / 4), reason });
  }
  if (risk.level === 'low') signals.push({ kind: 'check-in', strength: 0.3, reason: 'Healthy account: a good moment to ask how the partnership is going' });
  return signals;
}

/** The product the account spends most on in the last year. */
export function topProduct(orders: Order[], today: string): string | undefined {
  const since = new Date(Date.parse(today) - 365 * 86_400_000).toISOString().slice(0, 10);
  const spend = new Map<string, number>();
  for (const order of orders) if (order.product && order.date >= since) spend.set(order.product, (spend.get(order.product) ?? 0) + order.amount);
  let best: string | undefined;
  for (const [product, amount] of spend) if (!best || amount > (spend.get(best) ?? 0)) best = product;
  return best;
}

/** The one most important thing, read first: risk, then a missing person, then an opening. */
export function headlineFor(input: { risk?: LapseRisk; people: PeopleInsight; opportunities: Opportunity[]; moved?: MovedContact }): AccountInsight['headline'] {
  const { risk, people, opportunities, moved } = input;
  if (moved) {
    return { kind: 'people', tone: 'danger', title: 'Your contact may have moved', reason: `${moved.name} now writes from ${moved.newDomain} instead of ${moved.oldEmail.split('@')[1]}.` };
  }
  if (risk?.level === 'high') return { kind: 'risk', tone: 'danger', title: risk.headline, reason: risk.explanation.slice(0, 3).join('; ') };
  const championNote = people.notes.find((n) => /not written|now writes|left/i.test(n));
  if (championNote) return { kind: 'people', tone: 'danger', title: 'Champion risk', reason: championNote };
  if (risk?.level === 'watch') return { kind: 'risk', tone: 'warning', title: risk.headline, reason: risk.explanation.slice(0, 2).join('; ') };
  if (people.missing.length) {
    const first = people.missing[0];
    return { kind: 'people', tone: 'warning', title: 'Missing decision-makers', reason: people.missing.slice(0, 2).map((m) => m.text).join('; ') || first.why };
  }
  if (opportunities.length) return { kind: 'opening', tone: 'info', title: 'Opportunity', reason: opportunities[0].text };
  return { kind: 'ok', tone: 'good', title: risk ? risk.headline : 'No warning signs', reason: risk?.explanation[0] ?? 'Orders, people and product mix look healthy.' };
}
