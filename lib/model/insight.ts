import { z } from 'zod';
import { SignalKind } from './playbook';

export const RiskLevel = z.enum(['low', 'watch', 'high', 'unknown']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** A stored lapse-risk score for one account, computed by the scoring job (never on the page). */
export const LapseRisk = z.object({
  accountId: z.string(),
  level: RiskLevel,
  /** Probability the customer is still an active buyer, 0..1. Absent when the evidence is too thin. */
  pAlive: z.number().min(0).max(1).optional(),
  orderCount: z.number().int().nonnegative(),
  lastOrderDate: z.string().optional(),
  daysSinceLastOrder: z.number().optional(),
  medianGapDays: z.number().optional(),
  expectedOrdersNext90: z.number().optional(),
  expectedOrdersNext90IfActive: z.number().optional(),
  annualValue: z.number().optional(),
  valueAtRisk: z.number().optional(),
  currency: z.string().optional(),
  thinEvidence: z.boolean(),
  /** The spend in the account's last year of ordering, when nothing was bought in the last twelve months. */
  spendInLastYearOfOrdering: z.number().optional(),
  /** One order so far: of the accounts whose first order is `windowDays` old, the share that ordered again. */
  cohort: z.object({ eligible: z.number().int().nonnegative(), share: z.number().min(0).max(1), windowDays: z.number() }).optional(),
  model: z.string(),
  scoredAt: z.string(),
});
export type LapseRisk = z.infer<typeof LapseRisk>;

export const BuyingRole = z.enum(['economic-buyer', 'finance', 'technical', 'user', 'champion']);
export type BuyingRole = z.infer<typeof BuyingRole>;

export const PersonLine = z.object({
  email: z.string(),
  name: z.string(),
  title: z.string().optional(),
  roles: z.array(BuyingRole),
  lastTouch: z.string().optional(),
  /** The CRM says the person left the account. */
  left: z.boolean().optional(),
});

export const PeopleInsight = z.object({
  contacts: z.array(PersonLine),
  missing: z.array(z.object({ role: BuyingRole, text: z.string(), why: z.string() })),
  notes: z.array(z.string()),
});
export type PeopleInsight = z.infer<typeof PeopleInsight>;

export const Opportunity = z.object({
  product: z.string(),
  text: z.string(),
  peerShare: z.number(),
  spendRatio: z.number().optional(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const SuggestedQuestion = z.object({
  playbookId: z.string(),
  playbookName: z.string(),
  questionId: z.string(),
  text: z.string(),
  why: z.string(),
  setByTeam: z.boolean(),
  lastAskedDaysAgo: z.number().optional(),
});
export type SuggestedQuestion = z.infer<typeof SuggestedQuestion>;

/** The most important thing to read first. */
export const Headline = z.object({
  kind: z.enum(['risk', 'people', 'opening', 'ok']),
  tone: z.enum(['danger', 'warning', 'info', 'good']),
  title: z.string(),
  reason: z.string(),
});

/** Everything the sidebar shows for one account. */
export const AccountInsight = z.object({
  account: z.object({
    id: z.string(),
    name: z.string(),
    domain: z.string().optional(),
    industry: z.string().optional(),
  }),
  matchedBy: z.string(),
  contact: z.object({ email: z.string(), name: z.string(), title: z.string().optional() }).optional(),
  headline: Headline,
  risk: LapseRisk.optional(),
  people: PeopleInsight,
  opportunities: z.array(Opportunity),
  /** Why there are no opportunities: too few similar accounts to compare with (lib/words/opportunities.ts). */
  opportunitiesNote: z.string().optional(),
  signals: z.array(z.object({ kind: SignalKind, strength: z.number(), reason: z.string() })),
  questions: z.array(SuggestedQuestion),
  /** Questions already asked at this account, newest first. */
  asked: z.array(z.object({ text: z.string(), daysAgo: z.number(), site: z.string() })),
});
export type AccountInsight = z.infer<typeof AccountInsight>;

/** What the sidebar gets back for a page: an insight, or a clear reason why there is none. */
export const SidebarState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unrecognized'), reason: z.string() }),
  z.object({ status: z.literal('no-data') }),
  z.object({
    status: z.literal('no-match'),
    people: z.array(z.object({ email: z.string(), name: z.string().optional() })),
    /** A known person now writing from a company we have no account for. */
    lead: z.object({ title: z.string(), reason: z.string() }).optional(),
    questions: z.array(SuggestedQuestion),
  }),
  z.object({
    status: z.literal('choose'),
    candidates: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  }),
  z.object({ status: z.literal('account'), insight: AccountInsight }),
]);
export type SidebarState = z.infer<typeof SidebarState>;
