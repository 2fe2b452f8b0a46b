// Gmail messages for the demo threads: the rep on one side, a customer's contact on the other.

import { isoTimestamp } from '../calendar';
import type { DemoMessage, DemoParty } from '../types';
import { REP } from '../world';

export const ME: DemoParty = { email: REP.email, name: REP.name };

export function message(from: DemoParty, to: DemoParty[], at: { day: number; minute: number }, body: string, cc?: DemoParty[]): DemoMessage {
  return { from, to, ...(cc ? { cc } : {}), date: isoTimestamp(at.day, at.minute), body };
}
