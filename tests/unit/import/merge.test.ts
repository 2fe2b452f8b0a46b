import { describe, expect, it } from 'vitest';
import { mergeAccount, mergeContact } from '../../../lib/import';
import type { Account, Contact } from '../../../lib/model/records';

const stored: Account = {
  id: 'acme.com',
  name: 'Acme Foods',
  domains: ['acme.com'],
  crmIds: [{ crm: 'hubspot', recordId: '9001' }],
  customerKeys: ['C100'],
  industry: 'Food',
  employees: 1200,
  updatedAt: '2024-01-01T00:00:00.000Z',
};

const incoming: Account = {
  id: 'acme.com',
  name: 'Acme Foods AB',
  domains: ['acme.com', 'acme.se'],
  crmIds: [{ crm: 'salesforce', recordId: '001X' }, { crm: 'hubspot', recordId: '9001' }],
  customerKeys: ['C200'],
  employees: 1300,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('mergeAccount', () => {
  it('last write wins per field, lists are unioned, absent fields are kept', () => {
    expect(mergeAccount(stored, incoming)).toEqual({
      id: 'acme.com',
      name: 'Acme Foods AB',
      domains: ['acme.com', 'acme.se'],
      crmIds: [{ crm: 'hubspot', recordId: '9001' }, { crm: 'salesforce', recordId: '001X' }],
      customerKeys: ['C100', 'C200'],
      industry: 'Food',
      employees: 1300,
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('is idempotent: merging the same record again changes nothing', () => {
    const once = mergeAccount(stored, incoming);
    expect(mergeAccount(once, incoming)).toEqual(once);
    expect(mergeAccount(stored, stored)).toEqual(stored);
  });

  it('a made-up name (domain, "Customer <key>", "<crm> account <id>") never replaces a real one', () => {
    const stub = (name: string): Account => ({ ...incoming, name, customerKeys: ['C100'], crmIds: [{ crm: 'salesforce', recordId: '001X' }] });
    for (const name of ['acme.com', 'Customer C100', 'salesforce account 001X']) {
      expect(mergeAccount(stored, stub(name)).name).toBe('Acme Foods');
      const merged = mergeAccount(stored, stub(name));
      expect(mergeAccount(merged, stub(name))).toEqual(merged);
    }
    // ...but a real name replaces a made-up one.
    expect(mergeAccount({ ...stored, name: 'acme.com' }, incoming).name).toBe('Acme Foods AB');
  });
});

const contact: Contact = {
  email: 'anna@acme.com',
  accountId: 'acme.com',
  name: 'Anna Berg',
  firstName: 'Anna',
  title: 'Buyer',
  crmIds: [{ crm: 'hubspot', recordId: '101' }],
  status: 'left',
  lastActivity: '2024-05-01',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('mergeContact', () => {
  const update: Contact = {
    email: 'anna@acme.com',
    name: 'anna@acme.com',
    title: 'Head of Purchasing',
    crmIds: [{ crm: 'zoho', recordId: 'z1' }],
    status: 'unknown',
    lastActivity: '2024-03-01',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };

  it('incoming fields win; a placeholder name, status unknown and an older last activity do not erase knowledge', () => {
    expect(mergeContact(contact, update)).toEqual({
      ...contact,
      title: 'Head of Purchasing',
      crmIds: [{ crm: 'hubspot', recordId: '101' }, { crm: 'zoho', recordId: 'z1' }],
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('is idempotent', () => {
    const once = mergeContact(contact, update);
    expect(mergeContact(once, update)).toEqual(once);
    expect(mergeContact(contact, contact)).toEqual(contact);
  });

  it('a known status and a later activity do overwrite', () => {
    expect(mergeContact(contact, { ...update, status: 'active', lastActivity: '2024-09-09' })).toMatchObject({ status: 'active', lastActivity: '2024-09-09' });
  });
});
