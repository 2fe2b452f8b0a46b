// The lapse-risk score in plain words: the headline and the reasons, most important first.
import type { LapseRisk, RiskLevel } from '../model/insight';
import { daysAgoInWords, money, percent, round1 } from './format';

const HEADLINES: Record<RiskLevel, string> = {
  high: 'High lapse risk',
  watch: 'Watch: ordering has slowed',
  low: 'Low lapse risk',
  unknown: 'Too early to tell',
};

export interface RiskWords {
  headline: string;
  /** Most important first. */
  explanation: string[];
}

/** "usually orders every 24 days; nothing for 77 days (3.2× the usual gap)" and the rest. */
export function riskWords(risk: LapseRisk): RiskWords {
  if (risk.orderCount < 2) {
    const cohort = risk.cohort;
    const days = risk.daysSinceLastOrder ?? 0;
    return {
      headline: risk.level === 'watch' ? 'Watch: no second order yet' : HEADLINES.unknown,
      explanation: [
        cohort && cohort.eligible > 0
          ? `only one order so far: ${percent(cohort.share)}% of accounts that ordered once ordered again within ${cohort.windowDays} days`
          : 'only one order so far: too early to tell how often it will order',
        days === 0 ? 'that order was today' : `that order was ${daysAgoInWords(days)}`,
      ],
    };
  }
  const gap = risk.medianGapDays ?? 0;
  const since = risk.daysSinceLastOrder ?? 0;
  const ratio = since / Math.max(gap, 1);
  const explanation = [
    ratio >= 1
      ? `usually orders every ${Math.round(gap)} days; nothing for ${since} days (${ratio.toFixed(1)}× the usual gap)`
      : `usually orders every ${Math.round(gap)} days; last order ${daysAgoInWords(since)}`,
  ];
  const { pAlive } = risk;
  if (pAlive !== undefined) explanation.push(`${percent(pAlive)}% chance it is still an active buyer`);
  if ((risk.annualValue ?? 0) > 0) explanation.push(`about ${money(risk.annualValue!, risk.currency)} a year at stake`);
  else if (risk.spendInLastYearOfOrdering) {
    explanation.push(`nothing in the last twelve months; about ${money(risk.spendInLastYearOfOrdering, risk.currency)} in its last year of ordering`);
  }
  if (risk.expectedOrdersNext90 !== undefined) {
    const was = pAlive !== undefined && pAlive < 0.95 && risk.expectedOrdersNext90IfActive !== undefined ? ` (was ${round1(risk.expectedOrdersNext90IfActive)})` : '';
    explanation.push(`expected orders in the next 90 days: ${round1(risk.expectedOrdersNext90)}${was}`);
  }
  if (risk.orderCount < 3) explanation.push('only two orders so far, so this is a rough estimate');
  if (pAlive === undefined) explanation.push('too few repeat buyers to fit the model; judged on the gap alone');
  return { headline: HEADLINES[risk.level], explanation };
}
