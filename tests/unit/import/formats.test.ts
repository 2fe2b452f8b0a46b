import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../lib/import';
import { Account, Activity, Contact, Order } from '../../../lib/model/records';
import { parseFixture } from './fixtures';

describe('detectFormat recognizes each export by its headers', () => {
  it.each([
    ['hubspot-contacts.csv', 'hubspot-contacts', 'contacts'],
    ['hubspot-companies.csv', 'hubspot-companies', 'companies'],
    ['hubspot-deals.csv', 'hubspot-deals', 'deals'],
    ['salesforce-contacts.csv', 'salesforce-contacts', 'contacts'],
    ['salesforce-accounts.csv', 'salesforce-accounts', 'companies'],
    ['salesforce-opportunities.csv', 'salesforce-opportunities', 'deals'],
    ['pipedrive-persons.csv', 'pipedrive-persons', 'contacts'],
    ['pipedrive-organizations.csv', 'pipedrive-organizations', 'companies'],
    ['pipedrive-deals.csv', 'pipedrive-deals', 'deals'],
    ['zoho-contacts.csv', 'zoho-contacts', 'contacts'],
    ['zoho-accounts.csv', 'zoho-accounts', 'companies'],
    ['zoho-deals.csv', 'zoho-deals', 'deals'],
    ['orders.csv', 'order-log', 'orders'],
    ['emails.csv', 'activity-log', 'activities'],
    ['cdnow-header.txt', 'cdnow', 'orders'],
    ['cdnow-headerless.txt', 'cdnow', 'orders'],
  ])('%s → %s', async (file, format, kind) => {
    const preview = await parseFixture(file);
    expect(preview.format).toBe(format);
    expect(preview.kind).toBe(kind);
    expect(preview.needsMapping).toBeUndefined();
    // Every record the importer emits satisfies the shared model schemas.
    for (const a of preview.batch.accounts) expect(Account.safeParse(a).success, JSON.stringify(a)).toBe(true);
    for (const c of preview.batch.contacts) expect(Contact.safeParse(c).success, JSON.stringify(c)).toBe(true);
    for (const o of preview.batch.orders) expect(Order.safeParse(o).success, JSON.stringify(o)).toBe(true);
    for (const a of preview.batch.activities) expect(Activity.safeParse(a).success, JSON.stringify(a)).toBe(true);
  });

  it('tells HubSpot "Record ID" from Zoho "Record Id"', () => {
    expect(detectFormat(['Record ID', 'First Name', 'Last Name', 'Email'])?.id).toBe('hubspot-contacts');
    expect(detectFormat(['Record Id', 'First Name', 'Last Name', 'Email'])?.id).toBe('zoho-contacts');
  });

  it('picks the Salesforce object with the most recognized columns', () => {
    expect(detectFormat(['Id', 'Name', 'Website'])?.id).toBe('salesforce-accounts');
    expect(detectFormat(['Id', 'AccountId', 'Name', 'Amount', 'CloseDate', 'StageName', 'IsWon'])?.id).toBe('salesforce-opportunities');
    expect(detectFormat(['Id', 'AccountId', 'FirstName', 'LastName', 'Name', 'Email'])?.id).toBe('salesforce-contacts');
  });

  it('leaves unknown headers to the mapping step', () => {
    expect(detectFormat(['Kundennummer', 'Tag', 'Summe'])).toBeUndefined();
  });
});

describe('HubSpot', () => {
  it('contacts: keyed by lower-cased email, company from the work domain, free-mail from the associated company', async () => {
    const p = await parseFixture('hubspot-contacts.csv');
    const anna = p.batch.contacts.find((c) => c.email === 'anna.berg@acme.com')!;
    expect(anna).toMatchObject({
      accountId: 'acme.com',
      name: 'Anna Berg',
      title: 'Head of Purchasing',
      lastActivity: '2024-03-05',
      createdAt: '2022-01-13',
      crmIds: [{ crm: 'hubspot', recordId: '101' }],
    });
    const joe = p.batch.contacts.find((c) => c.email === 'joe.park@gmail.com')!;
    expect(joe.accountId).toBe('name:bright foods');
    // The associated company becomes an account stub carrying the HubSpot company id.
    expect(p.batch.accounts.find((a) => a.id === 'acme.com')).toMatchObject({ name: 'Acme Foods', domains: ['acme.com'], crmIds: [{ crm: 'hubspot', recordId: '9001' }] });
    expect(p.rejected.map((r) => r.reason)).toEqual(["row 4: no email (column Email is empty)", "row 5, column Email: 'not-an-email' is not an email address"]);
  });

  it('companies: keyed by domain from the domain or website, numbers with separators and currency', async () => {
    const p = await parseFixture('hubspot-companies.csv');
    expect(p.batch.accounts[0]).toEqual({
      id: 'acme.com',
      name: 'Acme Foods',
      domains: ['acme.com'],
      crmIds: [{ crm: 'hubspot', recordId: '9001' }],
      customerKeys: [],
      industry: 'Food Production',
      employees: 1200,
      annualRevenue: 4_500_000,
      currency: 'USD',
      owner: 'Sam Rivera',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(p.batch.accounts[1].id).toBe('brightfoods.com');
    expect(p.rejected.map((r) => r.reason)).toEqual([
      'row 4: no company name or website (columns Company name, Company Domain Name are empty)',
      "row 5, column Number of Employees: 'many' is not a whole number",
    ]);
  });

  it('deals: won deals become orders, open ones are skipped with a warning', async () => {
    const p = await parseFixture('hubspot-deals.csv');
    expect(p.batch.orders).toEqual([
      { id: 'hubspot-deal-501', accountId: 'name:acme foods', date: '2024-04-30', amount: 12500 },
    ]);
    expect(p.rejected).toHaveLength(1);
    expect(p.rejected[0].reason).toBe('row 4: no company (columns Associated Company are empty)');
    expect(p.warnings).toContain('1 open or lost deals were skipped: only won deals count as purchases.');
  });
});

describe('Salesforce', () => {
  it('contacts link to the account id; a work domain keys the account, free-mail falls back to the CRM id', async () => {
    const p = await parseFixture('salesforce-contacts.csv');
    expect(p.batch.contacts.find((c) => c.email === 'maria.lopez@acme.com')).toMatchObject({
      accountId: 'acme.com',
      name: 'Maria Lopez',
      title: 'CFO',
      createdAt: '2023-02-01',
      lastActivity: '2024-02-10',
      crmIds: [{ crm: 'salesforce', recordId: '0035g00000AAAAA' }],
    });
    expect(p.batch.contacts.find((c) => c.email === 'tom@hotmail.com')?.accountId).toBe('crm:salesforce:0015g00000YYYYY');
    expect(p.batch.accounts.find((a) => a.id === 'acme.com')).toMatchObject({ name: 'acme.com', crmIds: [{ crm: 'salesforce', recordId: '0015g00000XXXXX' }] });
  });

  it('accounts from Website, with the currency of the record', async () => {
    const p = await parseFixture('salesforce-accounts.csv');
    expect(p.batch.accounts.map((a) => [a.id, a.currency, a.employees])).toEqual([
      ['acme.com', 'EUR', 1200],
      ["name:tom s deli", undefined, 3],
    ]);
  });

  it('opportunities: IsWon decides; account resolved through the account index', async () => {
    const p = await parseFixture('salesforce-opportunities.csv', { accountIndex: { 'crm:salesforce:0015g00000XXXXX': 'acme.com' } });
    expect(p.batch.orders).toEqual([{ id: 'salesforce-deal-0065g00000OPP01', accountId: 'acme.com', date: '2024-06-30', amount: 15000, currency: 'EUR' }]);
    const unresolved = await parseFixture('salesforce-opportunities.csv');
    expect(unresolved.batch.orders[0].accountId).toBe('crm:salesforce:0015g00000XXXXX');
  });
});

describe('Pipedrive', () => {
  it('persons: the first non-empty email column wins', async () => {
    const p = await parseFixture('pipedrive-persons.csv');
    expect(p.batch.contacts.map((c) => [c.email, c.name, c.accountId, c.title])).toEqual([
      ['lena.vogel@backhaus.de', 'Lena Vogel', 'backhaus.de', 'Einkauf'],
      ['piet@jansen.nl', 'Piet Jansen', 'jansen.nl', 'Director'],
    ]);
  });

  it('organizations and deals (European amount, status won)', async () => {
    const orgs = await parseFixture('pipedrive-organizations.csv');
    expect(orgs.batch.accounts.map((a) => a.id)).toEqual(['backhaus.de', 'jansen.nl']);
    const deals = await parseFixture('pipedrive-deals.csv');
    expect(deals.batch.orders).toEqual([{ id: 'pipedrive-deal-11', accountId: 'name:backhaus', date: '2024-01-15', amount: 1250.5, currency: 'EUR' }]);
  });
});

describe('Zoho CRM', () => {
  it('contacts, accounts and deals', async () => {
    const contacts = await parseFixture('zoho-contacts.csv');
    expect(contacts.batch.contacts[0]).toMatchObject({ email: 'ravi@spiceroute.in', accountId: 'spiceroute.in', crmIds: [{ crm: 'zoho', recordId: 'zcrm_4000001' }] });
    expect(contacts.batch.accounts[0]).toMatchObject({ id: 'spiceroute.in', name: 'Spice Route Ltd', crmIds: [{ crm: 'zoho', recordId: 'zcrm_3000001' }] });
    const accounts = await parseFixture('zoho-accounts.csv');
    expect(accounts.batch.accounts[0]).toMatchObject({ id: 'spiceroute.in', employees: 250, currency: 'INR' });
    const deals = await parseFixture('zoho-deals.csv', { accountIndex: { 'crm:zoho:zcrm_3000001': 'spiceroute.in' } });
    expect(deals.batch.orders).toEqual([{ id: 'zoho-deal-zcrm_5000001', accountId: 'spiceroute.in', date: '2024-03-31', amount: 9000 }]);
  });
});
