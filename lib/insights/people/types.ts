// The people facts of one account, as data: who is there, what part each plays, what is missing and who moved.
// Nothing here is a sentence; lib/words writes what a rep reads.
import type { BuyingRole } from '../../model/insight';
import type { TitleClass } from '../titles/classify';
import type { CheckedRole } from './roles';

export interface PeopleOptions {
  /** yyyy-mm-dd */
  today: string;
  /** A role whose last touch is older than this counts as not covered. Default 365. */
  staleAfterDays?: number;
  /** The window "this year" counts emails in (single-threaded) and touches in (champion). Default 365. */
  periodDays?: number;
  /** A contact first seen this recently is new. Default 30. */
  newContactDays?: number;
  /** The account's orders: a buyer address on an invoice line counts as that person ordering (main contact). */
  orders?: readonly { buyer?: string; date: string }[];
}

export interface PersonRef {
  email: string;
  name: string;
  title?: string;
}

/** A person at the account, from the CRM and the activity log. */
export interface Person extends PersonRef {
  cls: TitleClass;
  roles: BuyingRole[];
  /** The CRM says the person left. */
  left: boolean;
  /** A contact of the CRM data (false: known only from activity, invoices or remembered conversations). */
  inCrm: boolean;
  /** How the person was on the message they were first seen in, when that was a remembered one. */
  firstSeenAs?: 'from' | 'to' | 'cc';
  lastTouch?: string;
  firstSeen?: string;
  touchesInPeriod: number;
  emailsInPeriod: number;
  touchesEver: number;
  /** Order lines this period whose invoice names this person as the buyer. */
  ordersInPeriod: number;
}

/** Something missing in the account's coverage, as facts. */
export type CoverageGap =
  | { kind: 'no-one'; role: CheckedRole }
  | { kind: 'never-contacted'; role: CheckedRole; person: PersonRef }
  | { kind: 'stale'; role: CheckedRole; person: PersonRef; lastTouch: string; daysSinceTouch: number }
  | { kind: 'no-senior-contact' }
  /**
   * `touches` of `total` touches this period went to `person`; channels: only emails, or emails, calls and meetings.
   * basis 'one-contact': the person is the only one known at the account (CRM data alone, no activity log needed).
   */
  | { kind: 'single-threaded'; person: PersonRef; touches: number; total: number; channels: 'emails' | 'all'; share: number; basis: 'activity' | 'one-contact' }
  | { kind: 'no-regular-contact' };

/** A key contact who left the account, seen from the account they left. */
export interface ChampionDeparture extends PersonRef {
  accountId: string;
  wasMainContact: boolean;
  /** Main contact, economic buyer, finance, or often in touch. */
  keyContact: boolean;
  /** The address the person wrote from at this account. */
  ownDomain: string;
  /** Last time the person wrote (or was written to) at this account's domain. */
  lastSeenHere?: string;
  newEmail?: string;
  newDomain?: string;
}

/** A known person now at a company you may not sell to yet: the opening, seen from their new address. */
export interface MovedContactLead {
  name: string;
  email: string;
  formerEmail: string;
  formerAccountId: string;
  formerAccountName: string;
  newDomain: string;
  newAccountId?: string;
  newAccountName?: string;
  /** First order of the former account up to today (how long it has been a customer). */
  formerCustomerSince?: string;
}

/** A contact first seen recently. */
export interface Newcomer extends PersonRef {
  firstSeen: string;
  daysAgo: number;
  economicBuyer: boolean;
  /** In the CRM data; false: only a conversation or the activity log shows them. */
  inCrm: boolean;
  /** First seen in cc (or as sender, recipient) of a remembered message. */
  seenAs?: 'from' | 'to' | 'cc';
}

export interface PeopleFacts {
  /** Everyone at the account: current people first, then those who left; most in touch first. */
  people: Person[];
  /** The person the rep talks to most this period (email), if any. */
  mainContact?: string;
  gaps: CoverageGap[];
  newcomers: Newcomer[];
}
