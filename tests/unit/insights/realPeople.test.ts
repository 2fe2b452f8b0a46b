import { describe, expect, it } from 'vitest';
import { peopleFacts } from '../../../lib/insights/people/people';
import { gapText, peopleView, threadReason } from '../../../lib/words/people';
import { peopleSignals } from '../../../lib/playbooks/signals';
import { singleThreadedAccounts, type Book } from '../../../lib/service/accountViews';
import { account, contact, datesBack, order, touches } from './records';

// What the people insight says about real data (#14): CRM exports without an activity log, invoices that name the buyer.
const today = '2025-06-20';

describe('one known contact is single-threaded from CRM data alone', () => {
  const bakery = account('baeckerei-schroeder.de', 'Bäckerei Schröder GmbH');
  const anna = contact('anna@baeckerei-schroeder.de', 'Anna Schröder', 'Inhaberin');

  it('without any activity log', () => {
    const facts = peopleFacts(bakery, [anna], [], { today });
    const gap = facts.gaps.find((g) => g.kind === 'single-threaded');
    expect(gap).toMatchObject({ kind: 'single-threaded', basis: 'one-contact', person: { email: 'anna@baeckerei-schroeder.de' } });
    expect(gapText(gap!)).toBe('single-threaded: the only contact you know there is Anna Schröder, Inhaberin');
    expect(peopleSignals(facts, []).find((s) => s.kind === 'single-threaded')?.strength).toBeGreaterThanOrEqual(0.5);
  });

  it('a second known person ends it; the activity log only adds evidence', () => {
    const ben = contact('ben@baeckerei-schroeder.de', 'Ben Braun', 'Backstube');
    expect(peopleFacts(bakery, [anna, ben], [], { today }).gaps.some((g) => g.kind === 'single-threaded')).toBe(false);
    const activity = touches('anna@baeckerei-schroeder.de', datesBack('2025-06-12', 12, 20));
    expect(peopleFacts(bakery, [anna, ben], activity, { today }).gaps.find((g) => g.kind === 'single-threaded')).toMatchObject({ basis: 'activity', touches: 12, total: 12 });
  });

  it('is in the team list of single-threaded accounts with its value, with no activity log at all', () => {
    const book: Book = {
      accounts: [bakery],
      contacts: [anna],
      activities: [],
      orders: [order(bakery.id, '2025-05-02', 800)],
      scores: new Map([[bakery.id, { accountId: bakery.id, level: 'watch', horizonDays: 90, asOf: today, orderCount: 9, thinEvidence: false, model: 'bgnbd', scoredAt: today, annualValue: 9600, valueAtRisk: 2100, currency: 'EUR' }]]),
    };
    const [row] = singleThreadedAccounts(book, { today });
    expect(row).toMatchObject({ accountId: bakery.id, reason: 'Anna Schröder is the only contact you know', annualValue: 9600, valueAtRisk: 2100 });
    expect(threadReason({ kind: 'single-threaded', person: { email: 'a@b.de', name: 'A B' }, touches: 3, total: 4, channels: 'emails', share: 0.75, basis: 'activity' })).toBe('3 of 4 emails this year went to A B');
  });
});

describe('the main contact is who orders or writes most, not the first imported', () => {
  const bakery = account('baeckerei-schroeder.de', 'Bäckerei Schröder GmbH');
  const first = contact('chef@baeckerei-schroeder.de', 'Carl Schröder', 'Geschäftsführer');
  const buyer = contact('einkauf@baeckerei-schroeder.de', 'Eva Klein', 'Einkauf');

  it('emails on invoices count as ordering', () => {
    const orders = ['2025-02-01', '2025-03-01', '2025-04-01'].map((date) => ({ ...order(bakery.id, date, 100), buyer: 'einkauf@baeckerei-schroeder.de' }));
    const activity = touches('chef@baeckerei-schroeder.de', ['2025-05-01']);
    const facts = peopleFacts(bakery, [first, buyer], activity, { today, orders });
    expect(facts.mainContact).toBe('einkauf@baeckerei-schroeder.de');
    expect(peopleView(facts, [], bakery, today).notes).toContain('main contact: Eva Klein, Einkauf (3 orders this year)');
  });

  it('a buyer address only an invoice knows is a person at the account', () => {
    const orders = [{ ...order(bakery.id, '2025-05-01', 100), buyer: 'bestellung@baeckerei-schroeder.de' }];
    const facts = peopleFacts(bakery, [first], [], { today, orders });
    expect(facts.people.map((p) => p.email).sort()).toEqual(['bestellung@baeckerei-schroeder.de', 'chef@baeckerei-schroeder.de']);
    expect(facts.mainContact).toBe('bestellung@baeckerei-schroeder.de');
  });
});
