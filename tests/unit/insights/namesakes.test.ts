import { describe, expect, it } from 'vitest';
import { championDepartures, championMoves, contactMovedHere } from '../../../lib/insights/people/moves';
import { departureText } from '../../../lib/words/people';
import type { Account, Activity, Contact } from '../../../lib/model/records';

const now = '2026-11-23T00:00:00.000Z';
const account = (id: string, name: string): Account => ({ id, name, domains: [id], crmIds: [], customerKeys: [], updatedAt: now });
const contact = (email: string, accountId: string): Contact => ({ email, accountId, name: 'John Smith', title: 'Purchasing Manager', crmIds: [], status: 'active', updatedAt: now });
const emails = (email: string, accountId: string, months: string[]): Activity[] =>
  months.map((m, i) => ({ id: `${email}-${i}`, accountId, email, date: `${m}-10`, kind: 'email-in' as const }));

describe('champion moves are moves, not namesakes', () => {
  const alpha = account('alpha-foods.com', 'Alpha Foods');
  const contacts = [contact('john.smith@alpha-foods.com', alpha.id), contact('john.smith@beta-bakes.com', 'beta-bakes.com')];

  it('two people who share a name and write at the same time are not a move', () => {
    const activity = [
      ...emails('john.smith@alpha-foods.com', alpha.id, ['2026-01', '2026-04', '2026-07', '2026-10']),
      ...emails('john.smith@beta-bakes.com', 'beta-bakes.com', ['2026-02', '2026-05', '2026-08', '2026-11']),
    ];
    expect(championDepartures(alpha, contacts, activity, { today: '2026-11-23' })).toEqual([]);
  });

  it('the same name that stops at one company and then starts at another is a move', () => {
    const activity = [
      ...emails('john.smith@alpha-foods.com', alpha.id, ['2025-09', '2025-12', '2026-03']),
      ...emails('john.smith@beta-bakes.com', 'beta-bakes.com', ['2026-05', '2026-08', '2026-11']),
    ];
    const [departure] = championDepartures(alpha, contacts, activity, { today: '2026-11-23' });
    expect(departure?.newDomain).toBe('beta-bakes.com');
    expect(departure && departureText(departure, alpha.name, '2026-11-23')).toMatch(/has not written from alpha-foods\.com since March/);
  });
});

describe('a name several people share at once is nobody\'s move', () => {
  const alpha = account('alpha-foods.com', 'Alpha Foods');
  const beta = account('beta-bakes.com', 'Beta Bakes');
  const delta = account('delta-mills.com', 'Delta Mills');
  const contacts = [contact('john.smith@alpha-foods.com', alpha.id), contact('john.smith@beta-bakes.com', beta.id)];

  it('one John Smith goes quiet while another still writes: the third who starts later is not read as the first', () => {
    const activity = [
      ...emails('john.smith@alpha-foods.com', alpha.id, ['2026-01', '2026-02', '2026-03']),
      ...emails('john.smith@beta-bakes.com', beta.id, ['2026-02', '2026-05', '2026-08', '2026-11']),
      ...emails('john.smith@delta-mills.com', delta.id, ['2026-06', '2026-09', '2026-11']),
    ];
    expect(championDepartures(alpha, contacts, activity, { today: '2026-11-23' })).toEqual([]);
    expect(championMoves([alpha, beta, delta], contacts, activity, { today: '2026-11-23' })).toEqual({ departures: [], leads: [] });
    expect(contactMovedHere('john.smith@delta-mills.com', contacts, activity, [alpha, beta, delta], { today: '2026-11-23' })).toBeUndefined();
  });

  it('without the namesake the same history is a move, both ways', () => {
    const activity = [
      ...emails('john.smith@alpha-foods.com', alpha.id, ['2026-01', '2026-02', '2026-03']),
      ...emails('john.smith@delta-mills.com', delta.id, ['2026-06', '2026-09', '2026-11']),
    ];
    const moves = championMoves([alpha, delta], [contacts[0]!], activity, { today: '2026-11-23' });
    expect(moves.departures.map((d) => [d.email, d.newDomain])).toEqual([['john.smith@alpha-foods.com', 'delta-mills.com']]);
    expect(moves.leads.map((l) => [l.email, l.formerAccountId])).toEqual([['john.smith@delta-mills.com', alpha.id]]);
  });

  it("an account's own two domains are one company: writing from both at once is one person, who can still move", () => {
    const twoDomains: Account = { ...alpha, domains: ['alpha-foods.com', 'alpha-foods.de'] };
    const activity = [
      ...emails('john.smith@alpha-foods.com', alpha.id, ['2026-01', '2026-02', '2026-03']),
      ...emails('john.smith@alpha-foods.de', alpha.id, ['2026-01', '2026-03']),
      ...emails('john.smith@delta-mills.com', delta.id, ['2026-06', '2026-09', '2026-11']),
    ];
    const [departure] = championDepartures(twoDomains, [contacts[0]!], activity, { today: '2026-11-23' });
    expect(departure?.newDomain).toBe('delta-mills.com');
  });

  it('a name at thousands of companies at once (a placeholder like "Person 0") gives no moves', () => {
    const accounts = Array.from({ length: 2_000 }, (_, i) => account(`customer-${i}.example`, `Customer ${i}`));
    const people = accounts.map((a): Contact => ({ ...contact(`person0@${a.id}`, a.id), name: 'Person 0' }));
    const activity = accounts.flatMap((a, i) => emails(`person0@${a.id}`, a.id, [`2026-${String(1 + (i % 11)).padStart(2, '0')}`]));
    expect(championMoves(accounts, people, activity, { today: '2026-11-23' }).departures).toEqual([]);
  });
});

describe('addresses without a name in them are one person each', () => {
  it('buyer1@ and buyer2@ are two people, and neither "moves" to another company whose address looks alike', async () => {
    const { personKey, nameFromEmail } = await import('../../../lib/insights/people/identity');
    const key = (email: string) => personKey(nameFromEmail(email));
    expect(key('buyer1@acme.com')).not.toBe(key('buyer2@acme.com'));
    expect(key('newcomer3@customer-12.example')).not.toBe(key('newcomer3@customer-13.example'));
    // A real name in the address still matches across companies (a champion who moved).
    expect(key('joe.park@acme.com')).toBe(key('joe.park@brightfoods.com'));
    expect(personKey('Buyer 1')).not.toBe(personKey('Buyer 2'));
    const alpha = account('alpha-foods.com', 'Alpha Foods');
    const nameless = (email: string, accountId: string): Contact => ({ email, accountId, name: nameFromEmail(email), crmIds: [], status: 'active', updatedAt: now });
    const contacts = [nameless('orders@alpha-foods.com', alpha.id), nameless('orders@beta-bakes.com', 'beta-bakes.com')];
    const activity = [
      ...emails('orders@alpha-foods.com', alpha.id, ['2025-09', '2025-12', '2026-03']),
      ...emails('orders@beta-bakes.com', 'beta-bakes.com', ['2026-05', '2026-08', '2026-11']),
    ];
    expect(championDepartures(alpha, contacts, activity, { today: '2026-11-23' })).toEqual([]);
  });
});
