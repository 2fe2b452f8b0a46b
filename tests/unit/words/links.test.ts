import { describe, expect, it } from 'vitest';
import { linkOfferReason } from '../../../lib/words/links';
import { linkOffers } from '../../../lib/service/linkViews';
import type { Account } from '../../../lib/model/records';

const NOW = '2026-01-10T10:00:00.000Z';
const account = (id: string, extra: Partial<Account>): Account => ({ id, name: id, domains: [], crmIds: [], customerKeys: [], updatedAt: NOW, ...extra });

describe('why two accounts are offered as one customer: typed reason in, sentence out', () => {
  it('names the shared key as a reader says it', () => {
    expect(linkOfferReason({ kind: 'same-name', name: 'mueller' })).toBe('the same name (“mueller”), but different websites, customer numbers or CRM records');
    expect(linkOfferReason({ kind: 'shared-key', key: { kind: 'customer-number', value: '10190' } })).toBe('both have customer number 10190, but different websites');
    expect(linkOfferReason({ kind: 'shared-key', key: { kind: 'vat-id', value: 'DE811907980' } })).toBe('both have VAT id DE811907980, but different websites');
    expect(linkOfferReason({ kind: 'shared-key', key: { kind: 'email', value: 'einkauf@acme.com' } })).toBe('both have the buyer address einkauf@acme.com, but different websites');
    expect(linkOfferReason({ kind: 'shared-key', key: { kind: 'crm-record', crm: 'salesforce', value: '001A000001' } })).toBe('both have the Salesforce record 001A000001, but different websites');
    expect(linkOfferReason({ kind: 'shared-key', key: { kind: 'crm-record', crm: 'other', value: '77' } })).toBe('both have the CRM record 77, but different websites');
  });

  it('isolates an imported name or key that could reorder the sentence', () => {
    expect(linkOfferReason({ kind: 'same-name', name: 'evil\u202eco' })).toBe('the same name (“\u2068evil\u202eco\u2069”), but different websites, customer numbers or CRM records');
  });

  it('the offers of the options page carry the reason as data, from the key the accounts share', () => {
    const book = { accounts: [account('acme.com', { domains: ['acme.com'], customerKeys: ['10190'] }), account('acme-foods.com', { domains: ['acme-foods.com'], customerKeys: ['10190'] })], contacts: [] };
    const [offer] = linkOffers(book, []);
    expect(offer).toMatchObject({ kind: 'shared-key', key: 'customer:10190', reason: { kind: 'shared-key', key: { kind: 'customer-number', value: '10190' } } });
    expect(linkOfferReason(offer!.reason)).toBe('both have customer number 10190, but different websites');
  });
});
