import { describe, expect, it } from 'vitest';
import { championDepartures } from '../../../lib/insights/people/moves';
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
