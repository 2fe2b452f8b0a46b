// The parts a person plays in buying, read from their title.
import type { BuyingRole } from '../../model/insight';
import { seniorityRank, type TitleClass } from '../titles/classify';

const BUDGET_FUNCTIONS = new Set(['executive', 'finance', 'procurement', 'operations']);

/** The buying roles the coverage check looks for (the champion is read from activity, not from a title). */
export const CHECKED_ROLES = ['economic-buyer', 'finance', 'technical', 'user'] as const;
export type CheckedRole = (typeof CHECKED_ROLES)[number];

/**
 * Economic buyer: an executive, or a VP over budget-holding functions. Finance: finance, or procurement from
 * director level up (the head of purchasing holds the supplier budget). Technical: R&D, quality, engineering.
 * User: operations and production, and the buyers below director level who place the orders.
 */
export function buyingRolesOf(cls: TitleClass): BuyingRole[] {
  const roles: BuyingRole[] = [];
  const rank = seniorityRank(cls.seniority);
  const has = (fn: string) => cls.functions.includes(fn as never);
  if (cls.seniority === 'executive' || (cls.seniority === 'vp' && cls.functions.some((f) => BUDGET_FUNCTIONS.has(f)))) roles.push('economic-buyer');
  if (has('finance') || (has('procurement') && rank >= seniorityRank('director'))) roles.push('finance');
  if (has('technical')) roles.push('technical');
  if (has('operations') || (has('procurement') && rank < seniorityRank('director'))) roles.push('user');
  return roles;
}
