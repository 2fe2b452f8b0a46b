import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { exportBackup, restoreBackup } from '../../../lib/service/backup';
import { dismissOffer, loadDismissals } from '../../../lib/service/linkDismissals';
import { loadFileSettings, loadSavedMapping, saveFileSettings, saveMapping } from '../../../lib/service/mappingStore';
import type { ColumnMapping } from '../../../lib/import/types';
import { loadSettings, saveSettings } from '../../../lib/service/settings';
import { loadCaptureSettings, saveCaptureSettings } from '../../../lib/service/capture';
import { PLAYBOOK_ORDER_KEY } from '../../../lib/service/playbookStore';
import { DEFAULT_CAPTURE, DEFAULT_SETTINGS } from '../../../lib/model/settings';

const NOW = new Date('2026-11-23T10:00:00Z');
const GERMAN: ColumnMapping = { kind: 'orders', columns: { customerId: 'Kundennummer', date: 'Rechnungsdatum', amount: 'Betrag' } };
const ENGLISH: ColumnMapping = { kind: 'orders', columns: { customerId: 'Customer No', date: 'Invoice Date', amount: 'Amount' } };
let dbs = 0;
const fresh = () => openKeepAccountDb({ name: `backup-remembered-${dbs++}` });

describe('a backup keeps what the user answered beside the data', () => {
  it('round trip: "Not the same customer" answers, saved mappings and their currency and decimal answers come back', async () => {
    const db = await fresh();
    await dismissOffer(db, 'same-name|mueller|mueller-bau.de|mueller-druck.de');
    await dismissOffer(db, 'shared-key|customer:10190|a.com|b.com');
    await saveMapping(db, 'map-de', GERMAN);
    await saveFileSettings(db, 'map-de', { currency: 'EUR', decimal: ',' });
    await saveMapping(db, 'map-en', ENGLISH);
    const text = await exportBackup(db, NOW);
    expect(JSON.parse(text)).toMatchObject({ version: 3, remembered: { linkDismissals: expect.any(Array), mappings: expect.any(Array), fileSettings: expect.any(Array) } });

    // Another computer, with answers of its own: the restore replaces them with the backup's.
    const other = await fresh();
    await saveMapping(other, 'map-other', { kind: 'contacts', columns: { email: 'E-Mail' } });
    await saveFileSettings(other, 'map-other', { currency: 'USD' });
    await dismissOffer(other, 'same-name|other|x.com|y.com');
    expect(await restoreBackup(other, text)).toMatchObject({ ok: true });
    expect(await loadDismissals(other)).toEqual(new Set(['same-name|mueller|mueller-bau.de|mueller-druck.de', 'shared-key|customer:10190|a.com|b.com']));
    expect(await loadSavedMapping(other, 'map-de')).toEqual(GERMAN);
    expect(await loadSavedMapping(other, 'map-en')).toEqual(ENGLISH);
    expect(await loadSavedMapping(other, 'map-other')).toBeUndefined();
    expect(await loadFileSettings(other)).toEqual({ 'map-de': { currency: 'EUR', decimal: ',' } });
    // And the restored database backs up the same answers again.
    expect(JSON.parse(await exportBackup(other, NOW)).remembered).toEqual(JSON.parse(text).remembered);
    db.close();
    other.close();
  });

  it('the settings, the choices about remembering conversations and the playbooks’ order come back too', async () => {
    const db = await fresh();
    await saveSettings(db, { ...DEFAULT_SETTINGS, staleAfterDays: 30 });
    await saveCaptureSettings(db, { ...DEFAULT_CAPTURE, enabled: false, keepSubject: true, ownDomains: ['seller.com'], retentionMonths: 12 });
    await db.put('meta', { key: PLAYBOOK_ORDER_KEY, value: ['competitive-defense', 'reach-decision-makers'] });
    const text = await exportBackup(db, NOW);
    const other = await fresh();
    expect(await restoreBackup(other, text)).toMatchObject({ ok: true });
    expect((await loadSettings(other)).staleAfterDays).toBe(30);
    expect(await loadCaptureSettings(other)).toMatchObject({ enabled: false, keepSubject: true, ownDomains: ['seller.com'], retentionMonths: 12 });
    expect((await other.get('meta', PLAYBOOK_ORDER_KEY))?.value).toEqual(['competitive-defense', 'reach-decision-makers']);
    // A backup of a computer that never changed them carries none, and restoring it keeps the restoring computer's.
    const plain = await exportBackup(await fresh(), NOW);
    expect(JSON.parse(plain).remembered).not.toHaveProperty('settings');
    expect(await restoreBackup(other, plain)).toMatchObject({ ok: true });
    expect((await loadSettings(other)).staleAfterDays).toBe(30);
    expect((await loadCaptureSettings(other)).enabled).toBe(false);
    db.close();
    other.close();
  });

  it('an older backup (version 2, no answers in it) restores and leaves this computer’s answers as they are', async () => {
    const db = await fresh();
    const v2 = JSON.parse(await exportBackup(db, NOW));
    delete v2.remembered;
    v2.version = 2;
    await saveMapping(db, 'map-de', GERMAN);
    await dismissOffer(db, 'same-name|mueller|mueller-bau.de|mueller-druck.de');
    expect(await restoreBackup(db, JSON.stringify(v2))).toMatchObject({ ok: true });
    expect(await loadSavedMapping(db, 'map-de')).toEqual(GERMAN);
    expect(await loadDismissals(db)).toEqual(new Set(['same-name|mueller|mueller-bau.de|mueller-druck.de']));
    db.close();
  });
});
