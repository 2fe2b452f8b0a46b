import { describe, expect, it } from 'vitest';
import { decodeBytes, NotTextError, notTextReason } from '../../../lib/import/text';
import { parseImportFile } from '../../../lib/import';
import { NOW, parseFixture } from './fixtures';

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => ({ '€': 0x80, '–': 0x96 })[c] ?? c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBytes: encodings decided per line', () => {
  it('a file mixing UTF-8 and Windows-1252 lines reads "Crème brûlée" on every line', () => {
    const decoded = decodeBytes(join(utf8('Name\nCrème brûlée\n'), cp1252('Crème brûlée – €5\n'), utf8('Zoë\n')));
    expect(decoded.text).toBe('Name\nCrème brûlée\nCrème brûlée – €5\nZoë\n');
    expect(decoded).toMatchObject({ encoding: 'mixed', legacyLines: 1 });
  });

  it('a file that is Windows-1252 throughout is called so; UTF-8 with a BOM stays UTF-8', () => {
    expect(decodeBytes(cp1252('Café Müller\nSøren\n'))).toMatchObject({ text: 'Café Müller\nSøren\n', encoding: 'windows-1252', legacyLines: 2 });
    expect(decodeBytes(join(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('Zoë')))).toMatchObject({ text: 'Zoë', encoding: 'utf-8' });
  });

  it('overlong and surrogate UTF-8 sequences are not UTF-8 (WHATWG decoder rules)', () => {
    expect(decodeBytes(Uint8Array.from([0x41, 0xc0, 0xaf, 0x0a])).encoding).toBe('windows-1252');
    expect(decodeBytes(Uint8Array.from([0x41, 0xed, 0xa0, 0x80, 0x0a])).encoding).toBe('windows-1252');
  });

  it('UTF-16 without a BOM is recognized by its NUL pattern, not refused', () => {
    const bytes = new Uint8Array([...'Name,Amount\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeBytes(bytes)).toMatchObject({ text: 'Name,Amount\n', encoding: 'utf-16le' });
  });
});

describe('files that are not text are refused before any mapping', () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG image/],
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], /JPEG image/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], /PDF/],
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], /Excel workbook \(\.xlsx\)/],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /old Excel workbook/],
    [[0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x03], /NUL bytes/],
  ])('%j', (bytes, reason) => {
    expect(notTextReason(Uint8Array.from(bytes))).toMatch(reason);
    expect(() => decodeBytes(Uint8Array.from(bytes), 'x.csv')).toThrow(NotTextError);
  });

  it('a PNG renamed .csv: "not a text file", with the file name', async () => {
    await expect(parseFixture('screenshot.csv')).rejects.toThrow('screenshot.csv is not a text file: it looks like a PNG image. Choose the CSV export itself.');
    await expect(parseImportFile('a,b\n\0\0\0', { fileName: 'nul.csv', now: NOW })).rejects.toThrow(/nul\.csv is not a text file/);
  });

  it('ordinary text is not refused', () => {
    expect(notTextReason(utf8('Invoice No;Betrag\nR-1;1.234,50\n'))).toBeUndefined();
    expect(notTextReason(cp1252('Café;€ 5\n'))).toBeUndefined();
  });
});

describe('the mixed-encoding fixture through the import path', () => {
  it('every row reads its accents right, and the preview says which lines were Windows-1252', async () => {
    const p = await parseFixture('mixed-encoding.csv');
    expect(p.rejected).toEqual([]);
    expect(p.batch.orders.map((o) => o.product)).toEqual(['Crème brûlée', 'Crème brûlée', 'Crème brûlée', 'Crème brûlée – Großpackung']);
    expect(p.batch.accounts.map((a) => a.name).sort()).toEqual(['Boulangerie Søren & Fils', 'Café Müller GmbH', 'Pâtisserie Lefèvre SARL']);
    expect(p.warnings).toContain('The file mixes UTF-8 and Windows-1252 lines (pasted together from two exports?): 2 lines were read as Windows-1252, the rest as UTF-8.');
  });
});
