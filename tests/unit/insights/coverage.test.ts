import { describe, expect, it } from 'vitest';
import { buyingRolesOf } from '../../../lib/insights/people/roles';
import { championDepartures as departureFacts, championMoves, contactMovedHere } from '../../../lib/insights/people/moves';
import { classifyTitle } from '../../../lib/insights/titles/classify';
import type { Account, Activity, Contact } from '../../../lib/model/records';
import { ageInWords } from '../../../lib/words/format';
import { departureText, leadTitle } from '../../../lib/words/people';
import { accountPeople, missingDecisionMakers, peopleSignals } from './people';
import { PeopleInsight } from '../../../lib/model/insight';
import { Signal } from '../../../lib/model/playbook';
import { account, contact, datesBack, order, touches } from './records';

const today = '2025-06-20';

/** Departures with the sentence a rep reads. */
const championDepartures = (a: Account, contacts: readonly Contact[], activity: readonly Activity[], options: { today: string }) =>
  departureFacts(a, contacts, activity, options).map((d) => ({ ...d, text: departureText(d, a.name, options.today) }));

describe('scenario 2: the friendly contact who is not the decision', () => {
  const distributor = account('nordlink.co.uk', 'Nordlink Distribution', { industry: 'Distributor' });
  const contacts = [
    contact('dana.fox@nordlink.co.uk', 'Dana Fox', 'Purchasing Coordinator'),
    contact('sam.reed@nordlink.co.uk', 'Sam Reed', 'Warehouse Supervisor'),
  ];
  // 31 emails to and from Dana in the last year, none to anyone else; older mail does not count.
  const activity = [
    ...touches('dana.fox@nordlink.co.uk', datesBack('2025-06-12', 16, 22), 'email-in'),
    ...touches('dana.fox@nordlink.co.uk', datesBack('2025-06-10', 15, 23), 'email-out'),
    ...touches('dana.fox@nordlink.co.uk', ['2023-03-01', '2023-09-14'], 'email-out'),
  ];

  it('says the account is single-threaded, has no economic buyer and nobody in finance', () => {
    const people = accountPeople(distributor, contacts, activity, { today });
    expect(() => PeopleInsight.parse(people)).not.toThrow();
    expect(people.notes).toContainEqual(expect.stringContaining('single-threaded: 31 of 31 emails this year went to one person'));
    expect(people.notes).toContainEqual(expect.stringContaining('no contact above manager level'));
    const missing = people.missing.map((m) => m.text);
    expect(missing).toContain('no economic buyer (owner / GM / CFO)');
    expect(missing).toContain('finance: never contacted');
    for (const m of people.missing) expect(m.why.length).toBeGreaterThan(20);
    const dana = people.contacts.find((c) => c.name === 'Dana Fox');
    expect(dana?.roles).toEqual(['user', 'champion']);
    expect(dana?.lastTouch).toBe('2025-06-12');
  });

  it('emits the matching signals for the question engine', () => {
    const signals = peopleSignals(distributor, contacts, activity, { today });
    for (const s of signals) expect(() => Signal.parse(s)).not.toThrow();
    const kinds = signals.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['single-threaded', 'missing-economic-buyer', 'missing-finance']));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(signals.find((s) => s.kind === 'single-threaded')?.strength).toBeGreaterThan(0.8);
  });
});

describe('missing decision-makers', () => {
  const bakery = account('kornfeld.de', 'Kornfeld Backwaren');
  const contacts = [
    contact('anna.weber@kornfeld.de', 'Anna Weber', 'Strategische Einkäuferin'),
    contact('jonas.koch@kornfeld.de', 'Jonas Koch', 'Geschäftsführer'),
    contact('lena.wolf@kornfeld.de', 'Lena Wolf', 'Leiterin Finanzen', { lastActivity: '2024-04-10' }),
    contact('felix.braun@kornfeld.de', 'Felix Braun', 'Leiter Qualitätssicherung'),
    contact('nina.lange@kornfeld.de', 'Nina Lange', 'Produktionsleiterin'),
  ];
  const activity = [
    ...touches('anna.weber@kornfeld.de', datesBack('2025-06-01', 8, 30)),
    ...touches('jonas.koch@kornfeld.de', ['2025-02-03'], 'meeting'),
    ...touches('nina.lange@kornfeld.de', ['2025-05-20'], 'call'),
  ];

  it('says how stale each role is, and names a role-holder never contacted', () => {
    const gaps = missingDecisionMakers(bakery, contacts, activity, { today });
    const texts = gaps.map((g) => g.text);
    expect(texts).toContain('finance: last touch 14 months ago (Lena Wolf, Leiterin Finanzen)');
    expect(texts).toContain('technical: never contacted (Felix Braun, Leiter Qualitätssicherung)');
    expect(texts.some((t) => t.startsWith('no economic buyer'))).toBe(false);
    expect(texts.some((t) => t.startsWith('single-threaded'))).toBe(false);
    const finance = gaps.find((g) => 'role' in g && g.role === 'finance');
    expect(finance && 'daysSinceTouch' in finance ? finance.daysSinceTouch : undefined).toBe(436);
  });

  it('counts finance as covered once it is touched within the year', () => {
    const fresh = [...activity, ...touches('lena.wolf@kornfeld.de', ['2025-03-01'], 'email-out')];
    const roles = missingDecisionMakers(bakery, contacts, fresh, { today }).map((g) => ('role' in g ? g.role : undefined));
    expect(roles).not.toContain('finance');
  });

  it('reports an account with no contacts at all', () => {
    const people = accountPeople(bakery, [], [], { today });
    expect(people.missing.map((m) => m.role)).toEqual(['economic-buyer', 'finance', 'technical', 'user']);
    expect(people.notes[0]).toMatch(/no contacts at Kornfeld Backwaren/);
  });

  it('flags a new contact', () => {
    const withNew = [...contacts, contact('max.neu@kornfeld.de', 'Max Neu', 'Technischer Leiter', { createdAt: '2025-06-08' })];
    const signals = peopleSignals(bakery, withNew, activity, { today });
    expect(signals.find((s) => s.kind === 'new-contact')?.reason).toBe('new contact: Max Neu, Technischer Leiter, first seen 12 days ago');
  });
});

describe('buying roles from titles', () => {
  it.each([
    ['CEO', ['economic-buyer']],
    ['CFO', ['economic-buyer', 'finance']],
    ['VP Ops', ['economic-buyer', 'user']],
    ['VP Sales', []],
    ['Head of Purchasing', ['finance']],
    ['Senior Buyer', ['user']],
    ['Head of R&D', ['technical']],
    ['Owner & Head Chef', ['economic-buyer', 'user']],
    ['Directeur financier', ['finance']],
  ] as const)('%s', (title, roles) => {
    expect(buyingRolesOf(classifyTitle(title))).toEqual(roles);
  });

  it('says ages the way a person would', () => {
    expect([ageInWords(3), ageInWords(20), ageInWords(430), ageInWords(800)]).toEqual(['3 days ago', '3 weeks ago', '14 months ago', '2 years ago']);
  });
});

describe('scenario 3: the newcomer with another supplier', () => {
  const acme = account('acme.com', 'Acme');
  const contacts = [
    contact('joe.park@acme.com', 'Joe Park', 'Head of Purchasing'),
    contact('mia.lopez@acme.com', 'Mia Lopez', 'QA Manager'),
  ];
  const activity = [
    ...touches('joe.park@acme.com', datesBack('2025-03-14', 40, 20), 'email-in'),
    ...touches('mia.lopez@acme.com', ['2024-11-02', '2025-04-30'], 'email-out'),
    // Joe's new address: no account, no CRM contact, only his emails.
    ...touches('joe.park@brightfoods.com', ['2025-05-06', '2025-06-02', '2025-06-18'], 'email-in'),
  ];
  const orders = [order('acme.com', '2021-04-02', 1200), order('acme.com', '2025-05-30', 1400)];

  it('flags the move at the old account', () => {
    const [departure, ...rest] = championDepartures(acme, contacts, activity, { today });
    expect(rest).toEqual([]);
    expect(departure?.text).toBe('your main contact Joe Park has not written from acme.com since March and now writes from brightfoods.com');
    expect(departure?.wasMainContact).toBe(true);
    expect(peopleSignals(acme, contacts, activity, { today }).find((s) => s.kind === 'champion-left')?.strength).toBe(0.9);
    const people = accountPeople(acme, contacts, activity, { today });
    expect(people.notes[0]).toBe(departure?.text);
    expect(peopleSignals(acme, contacts, activity, { today })[0]?.kind).toBe('champion-left');
  });

  it('offers the person as a lead at the new company', () => {
    const lead = contactMovedHere('Joe.Park@brightfoods.com', contacts, activity, [acme], { today, orders });
    expect(lead && leadTitle(lead, today, { pageCompanyName: 'Bright Foods' })).toBe('Joe Park, formerly at Acme (a customer for 4 years), now at Bright Foods — no account yet');
    expect(lead?.formerAccountId).toBe('acme.com');
    expect(lead?.formerCustomerSince).toBe('2021-04-02');
  });

  it('finds both sides over the whole data set', () => {
    const moves = championMoves([acme], contacts, activity, { today, orders });
    expect(moves.departures.map((d) => d.accountId)).toEqual(['acme.com']);
    expect(moves.leads[0] && leadTitle(moves.leads[0], today)).toBe('Joe Park, formerly at Acme (a customer for 4 years), now at brightfoods.com — no account yet');
  });

  it('does not call a private address or a namesake at the same company a move', () => {
    const privateMail = [...activity.filter((a) => !a.email.includes('brightfoods')), ...touches('joe.park@gmail.com', ['2025-06-01'])];
    expect(championDepartures(acme, contacts, privateMail, { today })).toEqual([]);
    expect(contactMovedHere('mia.lopez@acme.com', contacts, activity, [acme], { today })).toBeUndefined();
  });

  it('reports a contact marked as left in the CRM', () => {
    const left = [contacts[0]!, { ...contacts[1]!, status: 'left' as const }];
    const departures = championDepartures(acme, left, activity.filter((a) => !a.email.includes('brightfoods')), { today });
    expect(departures.map((d) => d.text)).toEqual(['your contact Mia Lopez, QA Manager has left Acme (last in touch in April)']);
  });
});
