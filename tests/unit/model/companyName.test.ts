import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '../../../lib/model/identity';

// One company's name as different files and pages write it: every spelling in a row must normalize alike, and
// different companies must stay apart.
const SAME: string[][] = [
  ['Bäckerei Schröder GmbH', 'Baeckerei Schroeder', 'BÄCKEREI SCHRÖDER G.m.b.H.', 'www.baeckerei-schroeder.de', 'https://www.baeckerei-schroeder.de/impressum'],
  ['Müller & Söhne GmbH & Co. KG', 'Mueller und Soehne KG', 'Müller and Söhne', 'MÜLLER + SÖHNE', 'Müller u. Söhne GmbH & Co. KG'],
  ['Acme, Inc.', 'ACME Inc', 'Acme LLC', 'The Acme Company', 'Acme Co.', 'acme ltd.', 'Acme Corp.'],
  ['Van Dijk B.V.', 'Van Dijk BV', 'van dijk b. v.'],
  ['Delft Kaas N.V.', 'Delft Kaas NV'],
  ['Crème Brûlée S.A.S.', 'Creme Brulee SAS', 'Crème Brûlée SA'],
  ['Pasticceria Rossi S.r.l.', 'Pasticceria Rossi s. r. l.', 'Pasticceria Rossi SRL'],
  ['Panadería García S.L.', 'Panaderia Garcia SL', 'PANADERÍA GARCÍA, S.A.'],
  ['Straße AG', 'Strasse AG', 'STRASSE'],
  ['Café Noir', 'Cafe Noir', 'café-noir.fr'],
  ['Nordic Foods A/S', 'Nordic Foods AS', 'Nordic Foods'],
];

describe('normalizeCompanyName', () => {
  it.each(SAME.map((names) => [names[0], names]))('%s: every spelling has one key', (_first, names) => {
    const keys = new Set(names.map(normalizeCompanyName));
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]).not.toBe('');
  });

  it('gives the readable key: words, lower case, ASCII spellings', () => {
    expect(normalizeCompanyName('Bäckerei Schröder GmbH')).toBe('baeckerei schroeder');
    expect(normalizeCompanyName('Müller & Söhne GmbH & Co. KG')).toBe('mueller soehne');
    expect(normalizeCompanyName('https://www.acme.co.uk/about')).toBe('acme');
  });

  it('drops legal forms only at the end, and keeps a name made only of legal words', () => {
    expect(normalizeCompanyName('The Company Store')).toBe('company store');
    expect(normalizeCompanyName('AG Kaffee GmbH')).toBe('ag kaffee');
    expect(normalizeCompanyName('AG')).toBe('ag');
  });

  it('keeps different companies apart', () => {
    const names = ['Bäckerei Schröder', 'Bäckerei Schneider', 'Müller Bau', 'Müller Druck', 'Acme', 'Acme Foods', 'Rossi', 'Rosso'];
    expect(new Set(names.map(normalizeCompanyName)).size).toBe(names.length);
  });
});
