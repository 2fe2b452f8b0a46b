import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../lib/import';

const valid = {
  format: 'keep-account/backup',
  version: 1,
  exportedAt: '2025-01-01T10:00:00.000Z',
  stores: {
    accounts: [{ id: 'acme.com', name: 'Acme', domains: ['acme.com'], crmIds: [], customerKeys: [], updatedAt: '2025-01-01T10:00:00.000Z' }],
    contacts: [{ email: 'anna@acme.com', name: 'Anna', crmIds: [], status: 'active', updatedAt: '2025-01-01T10:00:00.000Z' }],
    orders: [{ id: 'o1', accountId: 'acme.com', date: '2024-12-01', amount: 10 }],
    products: [],
    activities: [],
    playbooks: [],
    questionHistory: [],
    importHistory: [],
  },
};

describe('parseBackup', () => {
  it('accepts a valid backup (with or without a BOM)', () => {
    const parsed = parseBackup(JSON.stringify(valid));
    expect(parsed.ok && parsed.backup.stores.accounts[0].id).toBe('acme.com');
    expect(parseBackup('\ufeff' + JSON.stringify(valid)).ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    const parsed = parseBackup('Record ID,Email\n1,a@b.co');
    expect(parsed).toMatchObject({ ok: false });
    expect(!parsed.ok && parsed.error).toMatch(/^This is not a backup file: it is not valid JSON/);
  });

  it('refuses another JSON document by its format', () => {
    expect(parseBackup(JSON.stringify({ format: 'keep-account/playbooks', version: 1 }))).toEqual({
      ok: false,
      error: 'This is not a Keep Account backup: "format" should be "keep-account/backup".',
    });
  });

  it('refuses a newer version with a clear message', () => {
    expect(parseBackup(JSON.stringify({ ...valid, version: 4 }))).toEqual({
      ok: false,
      error: 'This backup is version 4, made by a newer Keep Account; update the extension to restore it.',
    });
  });

  it('refuses an older, missing or odd version by saying which versions it reads (issue 17: "damaged at version")', () => {
    expect(parseBackup(JSON.stringify({ ...valid, version: 0 }))).toEqual({
      ok: false,
      error: 'This backup is version 0, which this version of Keep Account cannot read: it reads backup version 1, 2 or 3. Nothing was restored.',
    });
    const { version: _dropped, ...unversioned } = valid;
    expect(parseBackup(JSON.stringify(unversioned))).toEqual({
      ok: false,
      error: 'This backup has no version number, so this version of Keep Account cannot read it: it reads backup version 1, 2 or 3. Nothing was restored.',
    });
    expect(parseBackup(JSON.stringify({ ...valid, version: '1' }))).toMatchObject({ ok: false, error: expect.stringContaining('version "1"') });
  });

  it('migrates a version-1 backup to the current version: no links yet, nothing remembered beside the data', () => {
    const parsed = parseBackup(JSON.stringify(valid));
    expect(parsed.ok && parsed.backup.version).toBe(3);
    expect(parsed.ok && parsed.backup.stores.links).toEqual([]);
    expect(parsed.ok && parsed.backup.remembered).toBeUndefined();
  });

  it('reads a version-3 backup with what the user answered beside the data, and refuses a damaged answer', () => {
    const remembered = {
      linkDismissals: ['same-name|mueller|mueller-bau.de|mueller-druck.de'],
      mappings: [{ layout: 'map-1a2b', mapping: { kind: 'orders', columns: { customerId: 'Kundennummer', amount: 'Betrag' } } }],
      fileSettings: [{ layout: 'map-1a2b', settings: { currency: 'EUR', decimal: ',' } }],
    };
    const v3 = { ...valid, version: 3, stores: { ...valid.stores, links: [] } };
    const parsed = parseBackup(JSON.stringify({ ...v3, remembered }));
    expect(parsed.ok && parsed.backup.remembered).toEqual(remembered);
    const damaged = parseBackup(JSON.stringify({ ...v3, remembered: { ...remembered, fileSettings: [{ layout: 'map-1a2b', settings: { currency: 'euro' } }] } }));
    expect(!damaged.ok && damaged.error).toMatch(/^The backup is damaged at remembered\.fileSettings\[0\]\.settings\.currency: /);
    expect(parseBackup(JSON.stringify(v3))).toMatchObject({ ok: false, error: expect.stringMatching(/^The backup is damaged at remembered: /) });
  });

  it("reads a version-2 backup with the user's links between accounts", () => {
    const from = { id: 'customer:10190', name: 'Customer 10190', domains: [], crmIds: [], customerKeys: ['10190'], updatedAt: '2025-01-01T10:00:00.000Z' };
    const link = { id: 'link:customer:10190', from, intoId: 'acme.com', addedKeys: ['customer:10190'], linkedAt: '2025-01-02T10:00:00.000Z' };
    const parsed = parseBackup(JSON.stringify({ ...valid, version: 2, stores: { ...valid.stores, links: [link] } }));
    expect(parsed.ok && parsed.backup.stores.links).toEqual([link]);
    const withoutLinks = parseBackup(JSON.stringify({ ...valid, version: 2 }));
    expect(!withoutLinks.ok && withoutLinks.error).toMatch(/^The backup is damaged at stores\.links: /);
  });

  it('names the path of the first problem', () => {
    const broken = structuredClone(valid);
    (broken.stores.orders[0] as { date: string }).date = '01/12/2024';
    const parsed = parseBackup(JSON.stringify(broken));
    expect(!parsed.ok && parsed.error).toBe('The backup is damaged at stores.orders[0].date: expected a yyyy-mm-dd date. Nothing was restored.');
    const { playbooks: _dropped, ...stores } = valid.stores;
    const missing = { ...valid, stores };
    const parsedMissing = parseBackup(JSON.stringify(missing));
    expect(!parsedMissing.ok && parsedMissing.error).toMatch(/^The backup is damaged at stores\.playbooks: /);
  });
});
