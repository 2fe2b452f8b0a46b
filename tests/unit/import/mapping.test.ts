import { describe, expect, it } from 'vitest';
import { applyMapping, mappingKey, suggestMapping, TARGET_FIELDS } from '../../../lib/import';

describe('mapping step helpers', () => {
  it('mappingKey ignores column order, case and spacing, and differs for other columns', () => {
    const key = mappingKey(['Kunde', 'Datum', 'Betrag']);
    expect(mappingKey([' betrag', 'KUNDE', 'Datum  '])).toBe(key);
    expect(mappingKey(['Kunde', 'Datum', 'Summe'])).not.toBe(key);
  });

  it('suggestMapping guesses the kind and the columns from header names', () => {
    expect(suggestMapping(['Order Date', 'Client', 'Total', 'Qty'])).toEqual({
      kind: 'orders',
      columns: { date: 'Order Date', customerName: 'Client', quantity: 'Qty', amount: 'Total' },
    });
    expect(suggestMapping(['E-mail', 'Given name', 'Surname', 'Position']).kind).toBe('contacts');
  });

  it('applyMapping reads trimmed values; with several columns the first non-empty wins', () => {
    const mapping = { kind: 'contacts' as const, columns: { email: ['Work email', 'Home email'], firstName: 'First' } };
    expect(applyMapping(mapping, { 'Work email': ' ', 'Home email': ' a@b.co ', First: ' Ann ' })).toEqual({ email: 'a@b.co', firstName: 'Ann' });
  });

  it('every kind lists its target fields, with the required ones marked', () => {
    expect(Object.keys(TARGET_FIELDS).sort()).toEqual(['activities', 'companies', 'contacts', 'deals', 'orders']);
    expect(TARGET_FIELDS.orders.filter((f) => f.required).map((f) => f.field)).toEqual(['date']);
    expect(TARGET_FIELDS.contacts.filter((f) => f.required).map((f) => f.field)).toEqual(['email']);
  });
});
