import { describe, expect, it } from 'vitest';
import { dateOrderOf, sentAtOf } from '../../../lib/sites/messageDate';
import { recognizePage } from '../../../lib/sites';
import { gmailThreadHtml } from '../../../lib/sites/fixtures/gmailPage';
import { outlookMailHtml } from '../../../lib/sites/fixtures/outlookPage';
import { docFrom } from './helpers';

// Header dates in the forms Gmail and Outlook on the web show in each language (lib/sites/messageDate.ts names the
// sources). Every month of the year is formatted by Intl (ICU's CLDR data, as the browser formats it) in each locale,
// then read back; hand-written examples pin the exact strings of the brief and of the two sites.

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

/** Gmail's header title: the CLDR skeleton yMMMEd with the time ("Di., 1. Dez. 2026, 14:03"). */
const gmailStyle = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);
/** The month written out ("1. Dezember 2026 um 14:03"). */
const longStyle = (locale: string, date: Date) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);
/** OWA's numeric line ("mar. 01/12/2026 14:03", "Mi 25.11.2026 08:01", "di 1-12-2026 14:03"). */
const owaStyle = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-CA', 'es-ES', 'es-MX', 'nl-NL', 'it-IT'];

describe('header dates in other languages', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every month, abbreviated, written out and in numbers, reads back to the minute`, () => {
      const order = dateOrderOf(locale);
      for (let month = 0; month < 12; month += 1) {
        // The 13th and the 1st: a day that cannot be a month, and one that could.
        for (const day of [13, 1]) {
          const date = new Date(2026, month, day, 14, 3);
          expect(sentAtOf(gmailStyle(locale, date)), gmailStyle(locale, date)).toBe(date.toISOString());
          expect(sentAtOf(longStyle(locale, date)), longStyle(locale, date)).toBe(date.toISOString());
          expect(sentAtOf(owaStyle(locale, date), order), owaStyle(locale, date)).toBe(date.toISOString());
        }
      }
    });
  }

  it('German', () => {
    expect(sentAtOf('1. Dez. 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('Di., 1. Dez. 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('Mo., 9. März 2026, 09:05')).toBe(local(2026, 3, 9, 9, 5));
    expect(sentAtOf('9. Mrz. 2026, 09:05')).toBe(local(2026, 3, 9, 9, 5));
    expect(sentAtOf('Mi., 30. Sept. 2026, 9:05')).toBe(local(2026, 9, 30, 9, 5));
    expect(sentAtOf('2. Jänner 2026, 10:00')).toBe(local(2026, 1, 2, 10, 0));
    expect(sentAtOf('Mi 25.11.2026 08:01')).toBe(local(2026, 11, 25, 8, 1));
  });

  it('French', () => {
    expect(sentAtOf('1 déc. 2026')).toBe(local(2026, 12, 1));
    expect(sentAtOf('mar. 1 déc. 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('sam. 4 juil. 2026, 9:05')).toBe(local(2026, 7, 4, 9, 5));
    expect(sentAtOf('lun. 1 juin 2026 à 18:30')).toBe(local(2026, 6, 1, 18, 30));
    expect(sentAtOf('15 août 2026, 14 h 03')).toBe(local(2026, 8, 15, 14, 3));
    expect(sentAtOf('mar. 01/12/2026 14:03', 'DMY')).toBe(local(2026, 12, 1, 14, 3));
  });

  it('Spanish', () => {
    expect(sentAtOf('1 dic 2026')).toBe(local(2026, 12, 1));
    expect(sentAtOf('mar, 1 dic 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('1 de diciembre de 2026, 2:03 p. m.')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('lun, 12 ene 2026, 12:15 a. m.')).toBe(local(2026, 1, 12, 0, 15));
    expect(sentAtOf('mar 01/12/2026 14:03', 'DMY')).toBe(local(2026, 12, 1, 14, 3));
  });

  it('Dutch', () => {
    expect(sentAtOf('1 mei 2026')).toBe(local(2026, 5, 1));
    expect(sentAtOf('ma 9 mrt 2026, 09:05')).toBe(local(2026, 3, 9, 9, 5));
    expect(sentAtOf('di 1 dec 2026 om 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('di 1-12-2026 14:03')).toBe(local(2026, 12, 1, 14, 3));
  });

  it('Italian', () => {
    expect(sentAtOf('mar 1 dic 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('sab 4 lug 2026, 09:05')).toBe(local(2026, 7, 4, 9, 5));
    expect(sentAtOf('mer 30 set 2026, 9:05')).toBe(local(2026, 9, 30, 9, 5));
    expect(sentAtOf('1 gennaio 2026 alle ore 14:03')).toBe(local(2026, 1, 1, 14, 3));
  });

  it('English as before', () => {
    expect(sentAtOf('Mon, Nov 16, 2026, 9:02 AM')).toBe(local(2026, 11, 16, 9, 2));
    expect(sentAtOf('Tue, 1 Dec 2026, 14:03')).toBe(local(2026, 12, 1, 14, 3));
    expect(sentAtOf('Wed 11/25/2026 12:30 PM')).toBe(local(2026, 11, 25, 12, 30));
    expect(sentAtOf('Tue 12/1/2026 9:00 AM', 'MDY')).toBe(local(2026, 12, 1, 9, 0));
  });

  it('the page language decides a numeric date with slashes; without one, a date that reads both ways is not read', () => {
    expect(dateOrderOf('en')).toBe('MDY');
    expect(dateOrderOf('en-US')).toBe('MDY');
    for (const lang of ['en-GB', 'de', 'fr', 'es', 'it', 'nl']) expect(dateOrderOf(lang), lang).toBe('DMY');
    expect(dateOrderOf('fr-CA')).toBeUndefined(); // 2026-12-01: year first
    expect(dateOrderOf('')).toBeUndefined();
    expect(dateOrderOf('not a language tag!')).toBeUndefined();
    // Until now "01/12/2026" read as 12 January on every page: on a French page that is 1 December.
    expect(sentAtOf('mar. 01/12/2026 14:03', 'MDY')).toBe(local(2026, 1, 12, 14, 3));
    expect(sentAtOf('mar. 01/12/2026 14:03')).toBeUndefined();
    // A day over 12 settles the order whatever the language says.
    expect(sentAtOf('25/11/2026 08:01')).toBe(local(2026, 11, 25, 8, 1));
    expect(sentAtOf('11/25/2026 08:01', 'DMY')).toBe(local(2026, 11, 25, 8, 1));
  });

  it('an unreadable date gives no time rather than a wrong one', () => {
    for (const text of ['yesterday', 'gestern, 14:03', 'il y a 2 heures', '14:03', 'Feb 30, 2026', '31. Juni 2026', '1 Dezz 2026', 'Mittwoch 1 2026', '1.12.26 14:03', '13/13/2026', '1 mar', 'Nov 2026'])
      expect(sentAtOf(text), text).toBeUndefined();
  });

  it('the recognizers read the page in its language: a German Gmail thread, a French and an English Outlook page', () => {
    const me = { email: 'sam@seller.com', name: 'Sam Seller' };
    const ana = { email: 'ana@northwind-foods.com', name: 'Ana Lopez' };
    const gmailUrl = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq';
    const german = gmailThreadHtml({ me, subject: 'Liefertermin', messages: [{ from: ana, to: [me], date: 'Di., 1. Dez. 2026, 14:03', body: 'Hallo' }] }).replace('<html lang="en">', '<html lang="de">');
    expect(recognizePage(docFrom(german, gmailUrl), gmailUrl).messages?.map((m) => m.sentAt)).toEqual([local(2026, 12, 1, 14, 3)]);
    const outlookUrl = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0';
    const outlook = outlookMailHtml({ me, conversations: [{ id: 'AAQkADAwATM0', subject: 'Livraison', messages: [{ from: ana, to: [me], date: 'mar. 01/12/2026 14:03', body: 'Bonjour' }] }], openId: 'AAQkADAwATM0' });
    const sentAt = (html: string) => recognizePage(docFrom(html, outlookUrl), outlookUrl).messages?.map((m) => m.sentAt);
    expect(sentAt(outlook.replace('<html lang="en"', '<html lang="fr"'))).toEqual([local(2026, 12, 1, 14, 3)]);
    expect(sentAt(outlook)).toEqual([local(2026, 1, 12, 14, 3)]);
    // No language on the page: the date reads both ways, so the message gets no time (and is not remembered).
    expect(sentAt(outlook.replace('<html lang="en"', '<html'))).toEqual([undefined]);
  });
});
