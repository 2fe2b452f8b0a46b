import { describe, expect, it } from 'vitest';
import { HEADER_LEXICON, LANGUAGES } from '../../../lib/import/headerLexicon';
import { guessColumns, guessLanguages, looseHeader } from '../../../lib/import/mapping';
import { suggestMapping, TARGET_FIELDS } from '../../../lib/import';
import type { ImportKind } from '../../../lib/import/types';
import { parseFixture } from './fixtures';

describe('the header lexicon', () => {
  it('has names in English, German, Dutch, French, Spanish and Italian for every field the mapping step offers', () => {
    const missing: string[] = [];
    for (const [kind, fields] of Object.entries(TARGET_FIELDS) as [ImportKind, (typeof TARGET_FIELDS)[ImportKind]][]) {
      for (const { field } of fields) for (const language of LANGUAGES) if (!HEADER_LEXICON[kind][field]?.[language]?.length) missing.push(`${kind}.${field}.${language}`);
    }
    expect(missing).toEqual([]);
  });

  it('names no field twice in one language of a kind (else the guess would depend on field order)', () => {
    const clashes: string[] = [];
    for (const [kind, fields] of Object.entries(HEADER_LEXICON)) {
      for (const language of LANGUAGES) {
        const owner = new Map<string, string>();
        for (const [field, byLanguage] of Object.entries(fields)) {
          for (const name of byLanguage[language] ?? []) {
            const loose = looseHeader(name);
            if (owner.has(loose) && owner.get(loose) !== field) clashes.push(`${kind}/${language}: "${name}" in ${owner.get(loose)} and ${field}`);
            owner.set(loose, field);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each([
    ['de', ['Kundennummer', 'Rechnungsdatum', 'Artikel', 'Menge', 'Betrag'], { customerId: 'Kundennummer', date: 'Rechnungsdatum', product: 'Artikel', quantity: 'Menge', amount: 'Betrag' }],
    ['de', ['Debitor', 'Belegdatum', 'Belegfeld 1', 'Umsatz (ohne Soll/Haben-Kz)', 'WKZ Umsatz'], { customerId: 'Debitor', date: 'Belegdatum', invoiceNo: 'Belegfeld 1', amount: 'Umsatz (ohne Soll/Haben-Kz)', currency: 'WKZ Umsatz' }],
    ['de', ['Kunden-Nr.', 'Rechnungsnr', 'Belegdatum', 'Art.-Nr.', 'Bezeichnung', 'Anzahl', 'Netto'], { customerId: 'Kunden-Nr.', invoiceNo: 'Rechnungsnr', date: 'Belegdatum', sku: 'Art.-Nr.', product: 'Bezeichnung', quantity: 'Anzahl', amount: 'Netto' }],
    // SAP FI customer line items as exported from an ALV list (source in headerLexicon.ts); posting key, tax code and
    // the local-currency amount stay unmapped.
    ['de', ['Buchungskreis', 'Konto', 'Debitor/Kreditor', 'Belegnummer', 'Belegart', 'Buchungsdatum', 'Belegdatum', 'Betrag in Hauswährung', 'Hauswährung', 'Betrag in Belegwährung', 'Belegwährung', 'Menge'], { customerId: 'Debitor/Kreditor', invoiceNo: 'Belegnummer', date: 'Belegdatum', amount: 'Betrag in Belegwährung', currency: 'Belegwährung', quantity: 'Menge' }],
    // Lexware faktura's list columns (source in headerLexicon.ts).
    ['de', ['Kundennummer', 'Rechnungsnummer', 'Rechnungsdatum', 'Artikelnummer', 'Bezeichnung', 'Menge', 'Einzelpreis', 'Gesamtpreis'], { customerId: 'Kundennummer', invoiceNo: 'Rechnungsnummer', date: 'Rechnungsdatum', sku: 'Artikelnummer', product: 'Bezeichnung', quantity: 'Menge', unitPrice: 'Einzelpreis', amount: 'Gesamtpreis' }],
    ['nl', ['Klantnummer', 'Factuurnr.', 'Factuurdatum', 'Omschrijving', 'Aantal', 'Bedrag', 'Valuta'], { customerId: 'Klantnummer', invoiceNo: 'Factuurnr.', date: 'Factuurdatum', product: 'Omschrijving', quantity: 'Aantal', amount: 'Bedrag', currency: 'Valuta' }],
    ['fr', ['N° client', 'Client', 'Date de facture', 'Désignation', 'Quantité', 'Montant HT', 'Montant TTC'], { customerId: 'N° client', customerName: 'Client', date: 'Date de facture', product: 'Désignation', quantity: 'Quantité', amount: 'Montant HT' }],
    ['es', ['Nº cliente', 'Cliente', 'Nº factura', 'Fecha', 'Artículo', 'Cantidad', 'Importe', 'Moneda'], { customerId: 'Nº cliente', customerName: 'Cliente', invoiceNo: 'Nº factura', date: 'Fecha', product: 'Artículo', quantity: 'Cantidad', amount: 'Importe', currency: 'Moneda' }],
    ['it', ['Codice cliente', 'Ragione sociale', 'Data fattura', 'Descrizione', 'Quantità', 'Prezzo unitario', 'Importo'], { customerId: 'Codice cliente', customerName: 'Ragione sociale', date: 'Data fattura', product: 'Descrizione', quantity: 'Quantità', unitPrice: 'Prezzo unitario', amount: 'Importo' }],
  ])('%s invoice log %j → orders, every column guessed', (language, headers, columns) => {
    const suggestion = suggestMapping(headers);
    expect(suggestion).toEqual({ kind: 'orders', columns });
    expect(guessLanguages('orders', suggestion.columns)).toContain(language);
  });

  it.each([
    [['E-Mail', 'Vorname', 'Nachname', 'Position', 'Telefon', 'Firma'], 'contacts'],
    [['Courriel', 'Prénom', 'Nom', 'Fonction', 'Société'], 'contacts'],
    [['Correo electrónico', 'Nombre', 'Apellidos', 'Cargo', 'Empresa'], 'contacts'],
    [['Firmenname', 'Webseite', 'Branche', 'Mitarbeiter', 'Jahresumsatz'], 'companies'],
    [['Ragione sociale', 'Sito web', 'Settore', 'Dipendenti', 'Fatturato'], 'companies'],
    [['Datum', 'Typ', 'E-Mail', 'Richtung'], 'activities'],
  ])('%j → %s', (headers, kind) => {
    expect(suggestMapping(headers).kind).toBe(kind);
  });

  it('French and Spanish contact lists: Nom / Nombre are a half of the name, not the full name', () => {
    expect(guessColumns('contacts', ['Courriel', 'Prénom', 'Nom'])).toEqual({ email: 'Courriel', firstName: 'Prénom', lastName: 'Nom' });
    expect(guessColumns('contacts', ['Correo', 'Nombre', 'Apellidos'])).toEqual({ email: 'Correo', firstName: 'Nombre', lastName: 'Apellidos' });
  });

  it('the German invoice book goes to the mapping step pre-filled (a guess outside English is confirmed by the user)', async () => {
    const p = await parseFixture('erp-rechnungsbuch.csv');
    expect(p.needsMapping?.suggestion).toEqual({
      kind: 'orders',
      columns: { customerId: 'Kundennummer', date: 'Rechnungsdatum', product: 'Artikel', quantity: 'Menge', amount: 'Betrag' },
    });
    expect(p.needsMapping?.languages).toEqual(['de']);
    expect(p.needsMapping?.sample[0]).toMatchObject({ Kundennummer: '10190', Betrag: '2.500' });
  });
});
