// Champion moves for one account of the options view, by the one rule of lib/insights/people/moves.ts, reading only
// the records that matter: a name index built once per book finds the few people whose name was seen elsewhere.
import type { Account } from '../model/records';
import { companyDomainOfEmail } from '../model/identity';
import { emailKey, isFullNameKey, nameFromEmail, personKey, type AccountRecords } from '../insights/people/identity';
import { championDepartures, contactMovedHere } from '../insights/people/moves';
import type { ChampionDeparture, MovedContactLead } from '../insights/people/types';
import { departureText, leadReason, leadTitle } from '../words/people';
import type { Book } from './accountViews';

export type DepartureRow = ChampionDeparture & { text: string };
export type ArrivalRow = MovedContactLead & { title: string; reason: string };

interface NameIndex {
  keyOfEmail: Map<string, string>;
  /** personKey(full name) → every company domain an address under that name was seen at. */
  domainsByName: Map<string, Set<string>>;
  /** personKey(full name) → the records under that name, whatever the account. */
  recordsByName: Map<string, AccountRecords>;
}
const nameIndexes = new WeakMap<Book, NameIndex>();

function nameIndex(book: Book): NameIndex {
  const cached = nameIndexes.get(book);
  if (cached) return cached;
  const keyOfEmail = new Map<string, string>();
  for (const c of book.contacts) if (c.name) keyOfEmail.set(emailKey(c.email), personKey(c.name));
  const domainsByName = new Map<string, Set<string>>();
  const recordsByName = new Map<string, AccountRecords>();
  const see = (raw: string): AccountRecords | undefined => {
    const email = emailKey(raw);
    let key = keyOfEmail.get(email);
    if (key === undefined) keyOfEmail.set(email, (key = personKey(nameFromEmail(email))));
    if (!isFullNameKey(key)) return undefined;
    const domain = companyDomainOfEmail(email);
    if (domain) {
      const domains = domainsByName.get(key);
      if (domains) domains.add(domain);
      else domainsByName.set(key, new Set([domain]));
    }
    let records = recordsByName.get(key);
    if (!records) recordsByName.set(key, (records = { contacts: [], activities: [] }));
    return records;
  };
  for (const c of book.contacts) see(c.email)?.contacts.push(c);
  for (const a of book.activities) see(a.email)?.activities.push(a);
  const index = { keyOfEmail, domainsByName, recordsByName };
  nameIndexes.set(book, index);
  return index;
}

/** The name key of an address when the same name was also seen at a company outside `domains`. */
function movedName(index: NameIndex, email: string, domains: readonly string[]): string | undefined {
  const key = index.keyOfEmail.get(email);
  if (!key) return undefined;
  for (const domain of index.domainsByName.get(key) ?? []) if (!domains.includes(domain)) return key;
  return undefined;
}

/** An account's own records plus everything written under the given names: all a champion-move check reads. */
function withNames(index: NameIndex, own: AccountRecords | undefined, keys: Iterable<string>): AccountRecords {
  const contacts = new Set(own?.contacts);
  const activities = new Set(own?.activities);
  for (const key of keys) {
    for (const c of index.recordsByName.get(key)?.contacts ?? []) contacts.add(c);
    for (const a of index.recordsByName.get(key)?.activities ?? []) activities.add(a);
  }
  return { contacts: [...contacts], activities: [...activities] };
}

/** Key contacts who left the account, and known people who now write from its domain after leaving another account. */
export function movesAt(
  book: Book,
  account: Account,
  grouped: Map<string, AccountRecords>,
  emails: readonly string[],
  today: string,
): { departures: DepartureRow[]; arrivals: ArrivalRow[]; departureFacts: ChampionDeparture[] } {
  const index = nameIndex(book);
  const own = grouped.get(account.id);
  const keys = new Map<string, string>();
  for (const email of emails) {
    const key = movedName(index, email, account.domains);
    if (key) keys.set(email, key);
  }
  if (!keys.size && !own?.contacts.some((c) => c.status === 'left')) return { departures: [], arrivals: [], departureFacts: [] };
  const related = withNames(index, own, keys.values());
  const departureFacts = championDepartures(account, related.contacts, related.activities, { today });
  const arrivals: ArrivalRow[] = [];
  for (const email of keys.keys()) {
    const lead = contactMovedHere(email, related.contacts, related.activities, book.accounts, { today, orders: book.orders });
    if (!lead || lead.formerAccountId === account.id) continue;
    arrivals.push({ ...lead, title: leadTitle(lead, today, { withStatus: false }), reason: leadReason(lead) });
  }
  return { departures: departureFacts.map((d) => ({ ...d, text: departureText(d, account.name, today) })), arrivals, departureFacts };
}
