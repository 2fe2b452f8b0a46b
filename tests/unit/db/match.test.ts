import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/model/page';
import type { Account, Activity, Contact } from '../../../lib/model/records';
import { normalizeCompanyName } from '../../../lib/model/identity';
import { type AccountLookup, matchAccount as match } from '../../../lib/db/match';

const matchAccount = (ctx: PageContext, lookup: AccountLookup) => match(ctx, lookup, { today: '2026-11-20' });

const now = '2026-11-20T00:00:00Z';
const account = (id: string, name: string, domains: string[], crmIds: Account['crmIds'] = []): Account => ({ id, name, domains, crmIds, customerKeys: [], updatedAt: now });
const contact = (email: string, name: string, accountId?: string, crmIds: Contact['crmIds'] = []): Contact => ({ email, name, accountId, crmIds, status: 'active', updatedAt: now });

/** In-memory AccountLookup with the same questions the IndexedDB one answers. */
function memoryLookup(accounts: Account[], contacts: Contact[], activities: Activity[] = []): AccountLookup {
  return {
    contactByEmail: async (email) => contacts.find((c) => c.email === email.toLowerCase()),
    contactsByName: async (name) => contacts.filter((c) => c.name.toLowerCase() === name.trim().toLowerCase()),
    accountById: async (id) => accounts.find((a) => a.id === id),
    accountsByDomain: async (domain) => accounts.filter((a) => a.domains.includes(domain.toLowerCase())),
    accountsByCrmId: async (crm, recordId) => accounts.filter((a) => a.crmIds.some((c) => c.crm === crm && c.recordId === recordId)),
    contactsByCrmId: async (crm, recordId) => contacts.filter((c) => c.crmIds.some((id) => id.crm === crm && id.recordId === recordId)),
    accountsByName: async (normalized) => accounts.filter((a) => normalizeCompanyName(a.name) === normalized),
    activitiesByEmail: async (email) => activities.filter((a) => a.email === email.toLowerCase()),
  };
}

const acme = account('acme.com', 'ACME, Inc.', ['acme.com'], [{ crm: 'hubspot', recordId: '2640917901' }]);
const bright = account('brightfoods.com', 'Bright Foods', ['brightfoods.com']);
const northwind = account('northwind.com', 'Northwind', ['northwind.com']);
const acmeTwin = account('acme.de', 'Acme GmbH', ['acme.de']);
const joe = contact('joe@acme.com', 'Joe Park', 'acme.com');
const ana = contact('ana@northwind.com', 'Ana Lopez', 'northwind.com', [{ crm: 'salesforce', recordId: '0035g00000ABCDeAAH' }]);
const lookup = memoryLookup([acme, bright, northwind, acmeTwin], [joe, ana]);

const page = (partial: Partial<PageContext>): PageContext => ({ site: 'gmail', view: 'thread', people: [], ...partial });

describe('matchAccount', () => {
  it('matches by email first, the sender before other roles', async () => {
    const result = await matchAccount(page({ people: [{ email: 'x@brightfoods.com', role: 'cc' }, { email: 'joe@acme.com', role: 'from' }] }), lookup);
    expect(result).toMatchObject({ kind: 'account', account: { id: 'acme.com' }, contact: { email: 'joe@acme.com' }, matchedBy: 'email' });
    if (result.kind === 'account') expect(result.evidence).toEqual({ by: 'email', email: 'joe@acme.com', contactName: 'Joe Park', accountName: 'ACME, Inc.' });
  });

  it('matches a CRM record id (contact or account) when no email is known', async () => {
    const byAccount = await matchAccount(page({ site: 'hubspot', view: 'record', record: { crm: 'hubspot', objectType: 'company', recordId: '2640917901' } }), lookup);
    expect(byAccount).toMatchObject({ kind: 'account', account: { id: 'acme.com' }, matchedBy: 'crm-id' });
    const byContact = await matchAccount(page({ site: 'salesforce', view: 'record', record: { crm: 'salesforce', objectType: 'contact', recordId: '0035g00000ABCDeAAH' } }), lookup);
    expect(byContact).toMatchObject({ kind: 'account', account: { id: 'northwind.com' }, contact: { email: 'ana@northwind.com' }, matchedBy: 'crm-id' });
  });

  it('falls back to the email domain (ignoring free-mail and trying parent domains), then the page domain', async () => {
    expect(await matchAccount(page({ people: [{ email: 'new.buyer@eu.acme.com', role: 'from' }] }), lookup)).toMatchObject({ kind: 'account', account: { id: 'acme.com' }, matchedBy: 'domain' });
    expect(await matchAccount(page({ people: [{ email: 'someone@gmail.com', role: 'from' }] }), lookup)).toMatchObject({ kind: 'none' });
    expect(await matchAccount(page({ site: 'pipedrive', view: 'record', companyDomain: 'www.brightfoods.com' }), lookup)).toMatchObject({ kind: 'account', account: { id: 'brightfoods.com' }, matchedBy: 'domain' });
  });

  it('matches a normalized company name last ("ACME, Inc." = "Acme")', async () => {
    const result = await matchAccount(page({ site: 'zoho', view: 'record', companyName: 'Acme' }), memoryLookup([acme, bright], []));
    expect(result).toMatchObject({ kind: 'account', account: { id: 'acme.com' }, matchedBy: 'company-name' });
    // "Acme GmbH" normalizes to the same name: two accounts, the rep chooses.
    expect((await matchAccount(page({ companyName: 'Acme' }), lookup)).kind).toBe('choose');
  });

  it('asks to choose when different accounts match at the best level', async () => {
    const result = await matchAccount(page({ people: [{ email: 'joe@acme.com', role: 'from' }, { email: 'ana@northwind.com', role: 'from' }] }), lookup);
    expect(result.kind).toBe('choose');
    if (result.kind === 'choose') expect(result.candidates.map((c) => c.account.id).sort()).toEqual(['acme.com', 'northwind.com']);
    const byName = await matchAccount(page({ companyName: 'ACME' }), memoryLookup([acme, account('acme2', 'Acme Corp', [])], []));
    expect(byName.kind).toBe('choose');
  });

  it('flags a known contact writing from a new company domain (moved): an opening at the new account', async () => {
    const result = await matchAccount(page({ people: [{ email: 'joe.park@brightfoods.com', name: 'Joe Park', role: 'from' }] }), lookup);
    expect(result).toMatchObject({ kind: 'account', account: { id: 'brightfoods.com' }, matchedBy: 'domain' });
    expect(result.kind === 'account' && result.moved).toEqual({
      name: 'Joe Park',
      email: 'joe.park@brightfoods.com',
      formerEmail: 'joe@acme.com',
      formerAccountId: 'acme.com',
      formerAccountName: 'ACME, Inc.',
      newDomain: 'brightfoods.com',
      newAccountId: 'brightfoods.com',
      newAccountName: 'Bright Foods',
    });
  });

  it('reports moved with no account yet when the new domain is unknown', async () => {
    const result = await matchAccount(page({ people: [{ email: 'joe@newco.io', name: 'joe park', role: 'from' }] }), lookup);
    expect(result.kind).toBe('none');
    if (result.kind === 'none') {
      expect(result.moved).toMatchObject({ formerAccountId: 'acme.com', newDomain: 'newco.io' });
      expect(result.why).toBe('moved-here');
    }
  });

  it('does not call a same-domain or free-mail address a move, nor a single first name', async () => {
    for (const people of [
      [{ email: 'joe.p@acme.com', name: 'Joe Park', role: 'from' as const }],
      [{ email: 'joepark@gmail.com', name: 'Joe Park', role: 'from' as const }],
      [{ email: 'joe@other.org', name: 'Joe', role: 'from' as const }],
    ]) {
      const result = await matchAccount(page({ people }), lookup);
      expect('moved' in result ? result.moved : undefined).toBeUndefined();
    }
  });

  it('ignores mentioned addresses and says why nothing matched', async () => {
    const result = await matchAccount(page({ people: [{ email: 'joe@acme.com', role: 'mentioned' }] }), lookup);
    expect(result.kind).toBe('none');
    const empty = await matchAccount(page({ view: 'list', reason: 'No conversation is open.' }), lookup);
    expect(empty).toEqual({ kind: 'none', why: 'nobody-on-page', pageReason: 'No conversation is open.' });
  });

  it('resolves names shown without an address (Outlook) against the contacts of the matched account only', async () => {
    const carl = contact('carl@northwind.com', 'Carl Ortiz', 'northwind.com');
    const carlElsewhere = contact('carl.ortiz@acme.com', 'Carl Ortiz', 'acme.com');
    const withCarl = memoryLookup([acme, northwind], [joe, ana, carl, carlElsewhere]);
    const result = await matchAccount(
      page({ site: 'outlook', people: [{ email: 'ana@northwind.com', name: 'Ana Lopez', role: 'from' }], namedOnly: [{ name: 'carl ortiz', role: 'cc' }, { name: 'Dana Fox', role: 'to' }] }),
      withCarl,
    );
    expect(result).toMatchObject({ kind: 'account', account: { id: 'northwind.com' }, matchedBy: 'email' });
    if (result.kind !== 'account') return;
    // The namesake at ACME is not taken: only the matched account's contacts explain a name.
    expect(result.names).toEqual({ resolved: [{ email: 'carl@northwind.com', name: 'carl ortiz', role: 'cc' }], unresolved: ['Dana Fox'] });
    // A name never decides the account by itself.
    const onlyNames = await matchAccount(page({ site: 'outlook', namedOnly: [{ name: 'Carl Ortiz', role: 'from' }] }), withCarl);
    expect(onlyNames.kind).toBe('none');
  });
});
