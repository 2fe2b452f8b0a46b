// The people insight as the sidebar shows it: facts (lib/insights/people) written in words (lib/words), and the
// signals the question engine gets (lib/playbooks/signals). The insight tests assert what a rep reads through these.
import type { Account, Activity, Contact } from '../../../lib/model/records';
import type { PeopleInsight } from '../../../lib/model/insight';
import type { Signal } from '../../../lib/model/playbook';
import { championDepartures } from '../../../lib/insights/people/moves';
import { peopleFacts } from '../../../lib/insights/people/people';
import type { PeopleOptions } from '../../../lib/insights/people/types';
import { peopleSignals as signalDrafts, strongestPerKind } from '../../../lib/playbooks/signals';
import { gapText, gapWhy, peopleView } from '../../../lib/words/people';
import { worded } from '../../../lib/words/signals';

export function accountPeople(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: PeopleOptions): PeopleInsight {
  return peopleView(peopleFacts(account, contacts, activity, options), championDepartures(account, contacts, activity, options), account, options.today);
}

export function peopleSignals(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: PeopleOptions): Signal[] {
  const facts = peopleFacts(account, contacts, activity, options);
  const drafts = signalDrafts(facts, championDepartures(account, contacts, activity, options));
  return strongestPerKind(worded(drafts, { accountName: account.name, today: options.today }));
}

/** The coverage gaps with their words, as the account view lists them. */
export function missingDecisionMakers(account: Account, contacts: readonly Contact[], activity: readonly Activity[], options: PeopleOptions) {
  return peopleFacts(account, contacts, activity, options).gaps.map((gap) => ({ ...gap, text: gapText(gap), why: gapWhy(gap, account.name) }));
}
