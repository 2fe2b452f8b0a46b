// The stories of SCENARIOS.md as the demo data tells them (lib/demo), read back from its CSV files into records
// the simple way, and the words each story expects from the people and opportunity insights.
import { describe, expect, it } from 'vitest';
import { championDepartures, contactMovedHere } from '../../../lib/insights/people/moves';
import { departureText, leadTitle } from '../../../lib/words/people';
import { opportunityText } from '../../../lib/words/opportunities';
import { accountPeople, peopleSignals } from './people';
import { expansionGaps, peerProfile } from '../../../lib/insights/expansion';
import type { Account, Activity, Contact, Order } from '../../../lib/model/records';
import { demoTables, domainOf } from '../demo/demoTables';

const tables = demoTables();
const today = tables.data.today;
const day = (text: string) => text.slice(0, 10);

const accounts: Account[] = tables.companies.map((row) => ({
  id: row['Company Domain Name']!.toLowerCase(),
  name: row['Company name']!,
  domains: [row['Company Domain Name']!.toLowerCase()],
  crmIds: [],
  customerKeys: [],
  ...(row['Industry'] ? { industry: row['Industry'] } : {}),
  ...(row['Number of Employees'] ? { employees: Number(row['Number of Employees']) } : {}),
  updatedAt: today,
}));
const known = new Set(accounts.map((a) => a.id));
const contacts: Contact[] = tables.contacts.map((row) => {
  const email = row['Email']!.toLowerCase();
  return {
    email,
    ...(known.has(domainOf(email)) ? { accountId: domainOf(email) } : {}),
    name: `${row['First Name']} ${row['Last Name']}`.trim(),
    ...(row['Job Title'] ? { title: row['Job Title'] } : {}),
    crmIds: [],
    status: 'unknown',
    ...(row['Last Activity Date'] ? { lastActivity: day(row['Last Activity Date']) } : {}),
    ...(row['Create Date'] ? { createdAt: day(row['Create Date']) } : {}),
    updatedAt: today,
  };
});
const activity: Activity[] = tables.emails.map((row, i) => ({
  id: `e${i}`,
  email: row['Contact Email']!.toLowerCase(),
  date: day(row['Activity Date']!),
  kind: row['Activity Type'] === 'Meeting' ? 'meeting' : row['Activity Type'] === 'Call' ? 'call' : row['Direction'] === 'Inbound' ? 'email-in' : 'email-out',
}));
const orders: Order[] = tables.orders
  .filter((row) => row['Customer Domain'])
  .map((row) => ({ id: row['Invoice No']!, accountId: row['Customer Domain']!.toLowerCase(), date: day(row['Invoice Date']!), amount: Number(row['Amount']), product: row['Product']! }));

const scenario = (id: string) => tables.data.scenarios.find((s) => s.id === id)!;
const accountOf = (id: string) => accounts.find((a) => a.name === scenario(id).accountName || a.id === scenario(id).accountDomain)!;
const words = (texts: string[]) => texts.join(' | ');

describe('demo data, as the sidebar would tell it', () => {
  it('scenario 2: single-threaded, no economic buyer, finance never contacted', () => {
    const account = accountOf('single-threaded');
    const people = accountPeople(account, contacts, activity, { today });
    const said = words([...people.missing.map((m) => m.text), ...people.notes]);
    for (const expected of scenario('single-threaded').expect) expect(said).toContain(expected);
    expect(peopleSignals(account, contacts, activity, { today }).map((s) => s.kind)).toEqual(
      expect.arrayContaining(['single-threaded', 'missing-economic-buyer', 'missing-finance']),
    );
  });

  it('scenario 3: Joe Park moved from Acme to Bright Foods', () => {
    const account = accountOf('champion-moved');
    const [fact] = championDepartures(account, contacts, activity, { today });
    const departure = fact && { ...fact, text: departureText(fact, account.name, today) };
    expect(departure?.text).toMatch(/^your main contact Joe Park has not written from \S+ since March and now writes from brightfoods\.com$/);
    const found = contactMovedHere(departure!.newEmail!, contacts, activity, accounts, { today, orders });
    const lead = found && { title: leadTitle(found, today, { pageCompanyName: 'Bright Foods' }) };
    const said = words([departure!.text, lead!.title]);
    for (const expected of scenario('champion-moved').expect) expect(said).toContain(expected);
    expect(lead?.title).toContain('(a customer for 4 years)');
  });

  it('scenario 4: cocoa, bought by 70% of similar bakeries at about 10×', () => {
    const profile = peerProfile(accounts, orders, { today });
    const [top] = expansionGaps(accountOf('expansion').id, profile);
    expect(top && opportunityText(top)).toMatch(/^cocoa powder: bought by 70% of similar bakeries; typical spend 10× what this account spends with us$/);
  });
});
