import { z } from 'zod';
import { SignalKind } from './playbook';

export const RiskLevel = z.enum(['low', 'watch', 'high', 'unknown']);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** A stored lapse-risk score for one account, computed by the scoring job (never on the page). */
export const LapseRisk = z.object({
  accountId: z.string(),
  level: RiskLevel,
  /** The book model's probability that the account is still an active buyer, 0..1 (absent when no model fits). */
  pAlive: z.number().min(0).max(1).optional(),
  /** The model's probability of at least one order in the `horizonDays` after `asOf`: the figure a rep reads. */
  pActive: z.number().min(0).max(1).optional(),
  horizonDays: z.number().int().positive(),
  /** The day the account's order data is complete to (its source's as-of date): silence is measured to it. */
  asOf: z.string(),
  orderCount: z.number().int().nonnegative(),
  lastOrderDate: z.string().optional(),
  /** Days from the last order to `asOf`. */
  daysSinceLastOrder: z.number().optional(),
  medianGapDays: z.number().optional(),
  expectedOrdersNext90: z.number().optional(),
  annualValue: z.number().optional(),
  /** annualValue × (1 − pAlive): never more than the annual value. */
  valueAtRisk: z.number().optional(),
  currency: z.string().optional(),
  thinEvidence: z.boolean(),
  /** The spend in the account's last year of ordering, when nothing was bought in the twelve months up to `asOf`. */
  spendInLastYearOfOrdering: z.number().optional(),
  model: z.string(),
  scoredAt: z.string(),
});
export type LapseRisk = z.infer<typeof LapseRisk>;

const FlagRecord = z.object({ flagged: z.number().int().nonnegative(), precision: z.number(), recall: z.number() });

/** The book's lapse model, stored beside the scores: which model, how it was chosen, its record on the book's own orders. */
export const RiskModel = z.object({
  label: z.string(),
  chosenBy: z.enum(['backtest', 'too-little-history', 'no-fit', 'no-orders']),
  horizonDays: z.number(),
  /** P(an order in the horizon) at or below which an account is high / watch. */
  thresholds: z.object({ high: z.number(), watch: z.number() }).optional(),
  /** AUC is null when the backtest had only one outcome (every account ordered, or none did). */
  candidates: z.array(z.object({ label: z.string(), brier: z.number(), aucAll: z.number().nullable(), aucRepeat: z.number().nullable() })).optional(),
  /** The backtest: as of `from`, what the levels would have said, and what the accounts did in the horizon after. */
  trackRecord: z
    .object({
      from: z.string(),
      accounts: z.number().int(),
      stopped: z.number().int(),
      targets: z.object({ high: z.number(), watch: z.number() }),
      high: FlagRecord,
      watch: FlagRecord,
    })
    .optional(),
  note: z.string().optional(),
  /** Order sources scored with models of their own (the fields above are the largest one's). */
  segments: z.array(z.object({ id: z.string(), accounts: z.number().int(), label: z.string(), chosenBy: z.string() })).optional(),
});
export type RiskModel = z.infer<typeof RiskModel>;

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
  /** The risk in words, written by the background as of the day it builds the state (lib/words/risk.ts). */
  riskText: z.object({ headline: z.string(), explanation: z.array(z.string()) }).optional(),
  people: PeopleInsight,
  opportunities: z.array(Opportunity),
  /** Why there are no opportunities: too few similar accounts to compare with (lib/words/opportunities.ts). */
  opportunitiesNote: z.string().optional(),
  signals: z.array(z.object({ kind: SignalKind, strength: z.number(), reason: z.string() })),
  questions: z.array(SuggestedQuestion),
  /** Questions already asked at this account, newest first. */
  asked: z.array(z.object({ text: z.string(), daysAgo: z.number(), site: z.string() })),
  /** Said when the page shows some people by name only and the account's contacts do not tell who they are. */
  namesNote: z.string().optional(),
});
export type AccountInsight = z.infer<typeof AccountInsight>;

/** What the sidebar gets back for a page: an insight, or a clear reason why there is none. */
/** Remembering conversations on this page (issue 16), as the sidebar shows it. */
/** How much is remembered: conversations (by the site's thread id) and their messages. */
export const RememberedCount = z.object({ conversations: z.number().int().min(0), messages: z.number().int().min(0) });
export type RememberedCount = z.infer<typeof RememberedCount>;

export const CaptureView = z.object({
  on: z.boolean(),
  /** Team policy turned it off. */
  setByTeam: z.boolean(),
  /** The site of the page (Gmail or Outlook on the web). */
  site: z.enum(['gmail', 'outlook']),
  /** Remembering is on, but the rep turned it off for this site. */
  siteOff: z.boolean(),
  /** Messages of the conversation on screen remembered on this computer. */
  remembered: z.number().int().min(0),
  /** The one-time notice is still to be shown. */
  showNotice: z.boolean(),
  /** Remembered of the account on screen, in all its conversations. */
  account: RememberedCount.optional(),
  /** What the sidebar says: the notice, or how much of this conversation is remembered (lib/words/capture.ts). */
  text: z.string(),
  /** The per-site switch's label ("Don't remember on Outlook"), offered while remembering is on here. */
  siteSwitch: z.string().optional(),
});
export type CaptureView = z.infer<typeof CaptureView>;

export const SidebarState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unrecognized'), reason: z.string() }),
  z.object({ status: z.literal('no-data') }),
  z.object({
    status: z.literal('no-match'),
    people: z.array(z.object({ email: z.string(), name: z.string().optional() })),
    /** A known person now writing from a company we have no account for. */
    lead: z.object({ title: z.string(), reason: z.string() }).optional(),
    questions: z.array(SuggestedQuestion),
    namesNote: z.string().optional(),
  }),
  z.object({
    status: z.literal('choose'),
    candidates: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  }),
  z.object({ status: z.literal('account'), insight: AccountInsight, capture: CaptureView.optional() }),
]);
export type SidebarState = z.infer<typeof SidebarState>;
