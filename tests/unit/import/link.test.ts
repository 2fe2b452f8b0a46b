import { describe, expect, it } from 'vitest';
import { resolveAccounts } from '../../../lib/import/link';
import type { Account } from '../../../lib/model/records';

const NOW = '2026-01-10T10:00:00.000Z';
const account = (id: string, fields: Partial<Account> = {}): Account => ({ id, name: fields.name ?? id, domains: [], crmIds: [], customerKeys: [], updatedAt: NOW, ...fields });
const stub = (key: string, fields: Partial<Account> = {}) => account(`customer:${key}`, { name: `Customer ${key}`, customerKeys: [key], ...fields });

describe('resolveAccounts: one account per customer', () => {
  it('joins accounts that share a customer number, and keeps the domain account', () => {
    const { moves, merged } = resolveAccounts([stub('10190'), account('baeckerei-schroeder.de', { name: 'Bäckerei Schröder GmbH', domains: ['baeckerei-schroeder.de'], customerKeys: ['10190'] })], []);
    expect([...moves]).toEqual([['customer:10190', 'baeckerei-schroeder.de']]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'baeckerei-schroeder.de', name: 'Bäckerei Schröder GmbH', customerKeys: ['10190'] });
  });

  it('joins a customer number to the account of a contact whose address an invoice names', () => {
    const accounts = [stub('10190', { emails: ['anna@gmail.com'] }), account('crm:hubspot:77', { name: 'Anna Bakes', crmIds: [{ crm: 'hubspot', recordId: '77' }] })];
    const { moves } = resolveAccounts(accounts, [{ email: 'anna@gmail.com', accountId: 'crm:hubspot:77' }]);
    expect(moves.get('customer:10190')).toBe('crm:hubspot:77');
  });

  it('never links customers through a shared mailbox (our own sales address in every invoice row)', () => {
    const sales = 'orders@our-company.com';
    const stubs = ['10190', '10200', '10300', '10400'].map((key) => stub(key, { emails: [sales] }));
    const { moves, offers, contacts } = resolveAccounts(stubs, [{ email: sales }]);
    expect([...moves]).toEqual([]);
    expect(offers).toEqual([]);
    expect(contacts.get(sales)).toBeUndefined();
    // Two accounts sharing a buyer address are still one customer.
    expect(resolveAccounts([stub('1', { emails: ['anna@bakery.de'] }), stub('2', { emails: ['anna@bakery.de'] })], []).moves.size).toBe(1);
  });

  it('puts a buyer address with no account on the account it is a key of', () => {
    const { contacts } = resolveAccounts([stub('10190', { emails: ['anna@gmail.com'] })], [{ email: 'anna@gmail.com' }]);
    expect(contacts.get('anna@gmail.com')).toBe('customer:10190');
  });

  it('joins by CRM id (a Pipedrive organization without a website and the domain its persons write from)', () => {
    const org = { crm: 'pipedrive' as const, recordId: '12' };
    const { moves } = resolveAccounts([account('name:kaffeeroesterei', { name: 'Kaffeerösterei Nord', crmIds: [org] }), account('kaffee-nord.de', { name: 'Kaffeerösterei Nord', domains: ['kaffee-nord.de'], crmIds: [org] })], []);
    expect(moves.get('name:kaffeeroesterei')).toBe('kaffee-nord.de');
  });

  it('joins by VAT id', () => {
    const { moves } = resolveAccounts([stub('D-200', { taxIds: ['DE811907980'] }), account('bauer.de', { domains: ['bauer.de'], taxIds: ['DE811907980'] })], []);
    expect(moves.get('customer:D-200')).toBe('bauer.de');
  });

  it('joins the same normalized name when nothing tells the accounts apart (ä/ae, legal forms)', () => {
    const { moves, offers } = resolveAccounts([account('name:baeckerei schroeder', { name: 'Baeckerei Schroeder', customerKeys: ['10190'] }), account('baeckerei-schroeder.de', { name: 'Bäckerei Schröder GmbH', domains: ['baeckerei-schroeder.de'] })], []);
    expect(moves.get('name:baeckerei schroeder')).toBe('baeckerei-schroeder.de');
    expect(offers).toEqual([]);
  });

  it('never guesses an ambiguous name: two companies of one name with different websites are offered, not joined', () => {
    const accounts = [
      account('mueller-bau.de', { name: 'Müller GmbH', domains: ['mueller-bau.de'] }),
      account('mueller-druck.de', { name: 'Mueller GmbH', domains: ['mueller-druck.de'] }),
      account('name:mueller', { name: 'Müller', customerKeys: ['300'] }),
    ];
    const { moves, offers } = resolveAccounts(accounts, []);
    expect(moves.size).toBe(0);
    expect(offers).toEqual([{ kind: 'same-name', key: 'mueller', accountIds: ['mueller-bau.de', 'mueller-druck.de', 'name:mueller'] }]);
  });

  it('never joins two customer numbers by name alone', () => {
    const { moves, offers } = resolveAccounts([account('name:a', { name: 'Rossi S.r.l.', customerKeys: ['1'] }), account('name:b', { name: 'Rossi SRL', customerKeys: ['2'] })], []);
    expect(moves.size).toBe(0);
    expect(offers.map((o) => o.kind)).toEqual(['same-name']);
  });

  it('offers, never joins, two accounts with different websites that share another key', () => {
    const { moves, offers } = resolveAccounts([account('acme.com', { domains: ['acme.com'], customerKeys: ['9'] }), account('acme.de', { domains: ['acme.de'], customerKeys: ['9'] })], []);
    expect(moves.size).toBe(0);
    expect(offers).toEqual([{ kind: 'shared-key', key: 'customer:9', accountIds: ['acme.com', 'acme.de'], shared: { kind: 'customer-number', value: '9' } }]);
  });

  it("always holds the user's link, and keeps the account linked into", () => {
    const from = account('acme.com', { domains: ['acme.com'] });
    const { moves } = resolveAccounts([from, account('acme.de', { domains: ['acme.de'] })], [], [{ from, intoId: 'acme.de' }]);
    expect(moves.get('acme.com')).toBe('acme.de');
  });

  it('chains links through keys, and the result does not depend on the order of the accounts', () => {
    const accounts = [
      stub('10190'),
      account('name:schroeder', { name: 'Bäckerei Schröder', customerKeys: ['10190'], emails: ['einkauf@baeckerei-schroeder.de'] }),
      account('crm:salesforce:001A', { name: 'Baeckerei Schroeder GmbH', crmIds: [{ crm: 'salesforce', recordId: '001A' }] }),
      account('baeckerei-schroeder.de', { name: 'baeckerei-schroeder.de', domains: ['baeckerei-schroeder.de'], crmIds: [{ crm: 'salesforce', recordId: '001A' }] }),
    ];
    const a = resolveAccounts(accounts, []);
    const b = resolveAccounts([...accounts].reverse(), []);
    expect([...a.moves].sort()).toEqual([...b.moves].sort());
    expect(new Set(a.moves.values())).toEqual(new Set(['baeckerei-schroeder.de']));
    expect(a.merged[0]!.name).toBe('Baeckerei Schroeder GmbH');
    expect(a.merged).toEqual(b.merged);
  });

  it('changes nothing in a book already linked', () => {
    const { merged } = resolveAccounts([stub('10190'), account('x.de', { domains: ['x.de'], customerKeys: ['10190'] })], []);
    const again = resolveAccounts(merged, []);
    expect(again.moves.size).toBe(0);
    expect(again.merged).toEqual([]);
  });
});
