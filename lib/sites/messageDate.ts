// When a message was sent, read from the date its header shows. Gmail writes it in the title of the date cell, Outlook
// on the web in the SentReceivedSavedTime line, both in the language the user chose and in the browser's local time,
// so the content script turns them into an ISO date-time with the local time zone. A date it cannot read for certain
// gives undefined — the message is then not remembered — never a guess.
//
// The forms, as Gmail and OWA show them (both format dates from CLDR's data: Gmail's web client through the Closure
// library's goog.i18n.DateTimeSymbols, OWA through Intl/its CLDR-derived locale files; the CLDR skeleton "yMMMEd" plus
// the time, and OWA's numeric "Ed/M/y"; CLDR 48, https://github.com/unicode-org/cldr common/main/{en,de,fr,es,nl,it}.xml,
// calendar "gregorian", months format abbreviated and wide):
//   en-US  "Mon, Nov 16, 2026, 9:02 AM"       "Wed 11/25/2026 8:01 AM"
//   en-GB  "Tue, 1 Dec 2026, 14:03"           "Tue 01/12/2026 14:03"
//   de     "Di., 1. Dez. 2026, 14:03"         "Mi 25.11.2026 08:01"       (de-AT "Jänner"; "Mrz", "Sept." in use too)
//   fr     "mar. 1 déc. 2026, 14:03"          "mar. 01/12/2026 14:03"     (fr-CA "14 h 03", "2026-12-01")
//   es     "mar, 1 dic 2026, 14:03"           "mar 01/12/2026 14:03"      (es-MX "1 de dic de 2026, 2:03 p.m.")
//   nl     "di 1 dec 2026, 14:03"             "di 1-12-2026 14:03"
//   it     "mar 1 dic 2026, 14:03"            "mar 01/12/2026 14:03"
// Cross-checked against scrapinghub/dateparser's per-language month lists (dateparser/data/date_translation_data/*.py,
// generated from CLDR), which add the variants "Mrz", "Sept", "Jänner". Tests format every month with Intl in each
// language (tests/unit/sites/messageDate.test.ts).
//
// A numeric date with slashes reads day first or month first by the page's language (`DateOrder`, from
// `<html lang>`): 01/12/2026 is 12 January in en-US and 1 December in fr, es, it and en-GB. Without a language, a date
// whose day and month could be swapped is not read.

/** Month names and abbreviations (lower case, without the abbreviation's dot) → month index 0..11. */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      // English
      ['january jan', 'february feb', 'march mar', 'april apr', 'may', 'june jun', 'july jul', 'august aug', 'september sep sept', 'october oct', 'november nov', 'december dec'],
      // German (de-AT "Jänner", "Jän"; "Mrz" and "Mär" beside CLDR's "März")
      ['januar jänner jän', 'februar feber', 'märz mär mrz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober okt', 'november', 'dezember dez'],
      // French (fr-CA "juill.")
      ['janvier janv', 'février févr', 'mars', 'avril avr', 'mai', 'juin', 'juillet juil juill', 'août', 'septembre', 'octobre', 'novembre', 'décembre déc'],
      // Spanish
      ['enero ene', 'febrero', 'marzo', 'abril abr', 'mayo', 'junio', 'julio', 'agosto ago', 'septiembre setiembre', 'octubre', 'noviembre', 'diciembre dic'],
      // Dutch
      ['januari', 'februari', 'maart mrt', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
      // Italian
      ['gennaio gen', 'febbraio', 'marzo', 'aprile', 'maggio mag', 'giugno giu', 'luglio lug', 'agosto', 'settembre set', 'ottobre ott', 'novembre', 'dicembre'],
    ] as const
  ).flatMap((language) => language.flatMap((words, month) => words.split(' ').map((word) => [word, month] as const))),
);

function monthOf(word: string): number | undefined {
  return MONTH_WORDS.get(word.normalize('NFC').toLowerCase().replace(/\.$/, ''));
}

/** How the page's language orders a numeric date: day first (01/12/2026 = 1 December) or month first. */
export type DateOrder = 'DMY' | 'MDY';

const ORDERS = new Map<string, DateOrder | undefined>();

/** The numeric date order of a language tag ("en-US" → MDY, "fr" → DMY, year-first → none), by Intl's formatting of a fixed day. */
export function dateOrderOf(lang: string | null | undefined): DateOrder | undefined {
  const tag = (lang ?? '').trim();
  if (!tag) return undefined;
  if (!ORDERS.has(tag)) {
    let order: DateOrder | undefined;
    try {
      const parts = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 25)));
      const [day, month, year] = (['day', 'month', 'year'] as const).map((type) => parts.findIndex((part) => part.type === type)) as [number, number, number];
      // A year-first language (fr-CA, sv: 2026-11-25) says nothing about a date with slashes.
      order = day < 0 || month < 0 || year < Math.min(day, month) ? undefined : day < month ? 'DMY' : 'MDY';
    } catch {
      order = undefined;
    }
    ORDERS.set(tag, order);
  }
  return ORDERS.get(tag);
}

/** The language of the page an element is in (its nearest lang attribute). */
export function pageLangOf(element: Element | null | undefined): string | undefined {
  return element?.closest('[lang]')?.getAttribute('lang') ?? undefined;
}

/** The time of day after the date: "14:03", "9:02 AM", "2:03 p.m.", "14 h 03", "08.01"; none is midnight. */
function clock(text: string): { hours: number; minutes: number } {
  const time = /(\d{1,2})\s?(?:[:.]|h)\s?(\d{2})\s*([ap])?\.?\s*m?\b/i.exec(text);
  if (!time) return { hours: 0, minutes: 0 };
  let hours = Number(time[1]);
  const pm = time[3]?.toLowerCase() === 'p';
  if (time[3] && hours === 12) hours = pm ? 12 : 0;
  else if (pm) hours += 12;
  return { hours, minutes: Number(time[2]) };
}

function iso(year: number, month: number, day: number, rest: string): string | undefined {
  if (year < 1990 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const { hours, minutes } = clock(rest);
  if (hours > 23 || minutes > 59) return undefined;
  const date = new Date(year, month, day, hours, minutes);
  return Number.isNaN(date.getTime()) || date.getDate() !== day ? undefined : date.toISOString();
}

const WORD = '(\\p{L}{3,10})\\.?';
const MONTH_FIRST = new RegExp(`(?<![\\p{L}\\d])${WORD} (\\d{1,2}),? (\\d{4})(?!\\d)`, 'u');
const DAY_FIRST = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.? (?:de )?${WORD},? (?:de )?(\\d{4})(?!\\d)`, 'u');
const YEAR_FIRST = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
const NUMERIC = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/;

/**
 * The ISO date-time of a header date: month words in English, German, French, Spanish, Dutch or Italian; numbers
 * D.M.Y, D-M-Y, Y-M-D, and with slashes D/M/Y or M/D/Y by `order` (the page's language). Undefined when unsure.
 */
export function sentAtOf(raw: string | null | undefined, order?: DateOrder): string | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const after = (match: RegExpExecArray) => text.slice(match.index + match[0].length);
  const monthFirst = MONTH_FIRST.exec(text);
  const named = monthFirst ? monthOf(monthFirst[1]!) : undefined;
  if (monthFirst && named !== undefined) return iso(Number(monthFirst[3]), named, Number(monthFirst[2]), after(monthFirst));
  const dayFirst = DAY_FIRST.exec(text);
  const month = dayFirst ? monthOf(dayFirst[2]!) : undefined;
  if (dayFirst && month !== undefined) return iso(Number(dayFirst[3]), month, Number(dayFirst[1]), after(dayFirst));
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return iso(Number(yearFirst[1]), Number(yearFirst[2]) - 1, Number(yearFirst[3]), after(yearFirst));
  const numeric = NUMERIC.exec(text);
  if (!numeric) return undefined;
  const [a, b, year] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
  // Dots (de, en-GB's numeric form is slashes) and dashes (nl) are day first; slashes by the page's language.
  const slashes = numeric[2] === '/';
  const dayFirstHere = !slashes || a > 12 ? true : b > 12 ? false : order === undefined ? undefined : order === 'DMY';
  if (dayFirstHere === undefined || (slashes && a > 12 && b > 12)) return undefined;
  return dayFirstHere ? iso(year, b - 1, a, after(numeric)) : iso(year, a - 1, b, after(numeric));
}
