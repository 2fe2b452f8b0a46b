// Reading the values of real-world exports: amounts written the way people write them, dates in the
// forms spreadsheets and CRMs produce. Pure functions; every reader returns undefined rather than guessing.
import type { DateOrder } from './types';
import { dayToIso } from '../model/days';

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS' };
const SYMBOL = /[€$£¥₹₩₽₺₪]/;
const CODE = /(?:^|[^A-Za-z])([A-Z]{3})(?:$|[^A-Za-z])/;
// Western grouping (1,234,567) and Indian lakh/crore grouping (12,34,567).
const THOUSANDS_COMMA = /^(?:\d{1,3}(,\d{3})+|\d{1,2}(,\d{2})*,\d{2},\d{3})$/;
const THOUSANDS_DOT = /^\d{1,3}(\.\d{3})+$/;

export interface Amount {
  value: number;
  /** ISO code when the text carried a symbol or a code ("€", "USD"). */
  currency?: string;
}

/** The decimal mark of a number column: "1.234,56" writes ",", "1,234.56" writes ".". */
export type DecimalMark = ',' | '.';

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

interface NumberText {
  /** Digits with their "." and "," only. */
  digits: string;
  negative: boolean;
  currency?: string;
}

/** The number inside "€1.234,56", "(12.50)", "1 234,56 €", "CHF 1'200.00", "3-": digits, sign, currency. */
function numberText(text: string): NumberText | undefined {
  let s = text.trim();
  if (!s) return undefined;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let currency: string | undefined;
  const symbol = SYMBOL.exec(s);
  if (symbol) currency = CURRENCY_SYMBOLS[symbol[0]];
  const code = CODE.exec(s);
  if (code) currency = code[1];
  s = s.replace(/[€$£¥₹₩₽₺₪]/g, '').replace(/[A-Za-z]{3}/g, '').replace(/[\s\u00a0\u202f'’]/g, '').replace(/\u2212/g, '-');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return undefined;
  return { digits: s, negative, ...(currency ? { currency } : {}) };
}

/**
 * What one number's text says about its column's decimal mark: "1.234,50" and "12,5" say ","; "1,234.50", "12.5"
 * and "1,234,567" say "."; "1.000" and "2,500" (one mark, then exactly three digits) are AMBIGUOUS; "12" says nothing.
 */
export function decimalEvidence(text: string): DecimalMark | typeof AMBIGUOUS | undefined {
  const n = numberText(text);
  return n ? markOf(n.digits) : undefined;
}

function markOf(s: string): DecimalMark | typeof AMBIGUOUS | undefined {
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot < 0 && comma < 0) return undefined;
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const mark: DecimalMark = dot >= 0 ? '.' : ',';
  if (s.indexOf(mark) !== s.lastIndexOf(mark)) return mark === '.' ? ',' : '.'; // 1.000.000: the mark groups thousands
  const [whole, fraction] = s.split(mark) as [string, string];
  return fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole) ? AMBIGUOUS : mark;
}

/** The digits read with a known decimal mark; undefined when they are not written that way ("12.5" with ","). */
function readWithMark(s: string, mark: DecimalMark): number | undefined {
  const thousands = mark === '.' ? ',' : '.';
  const parts = s.split(mark);
  if (parts.length > 2) return undefined;
  const [whole, fraction = ''] = parts as [string, string?];
  if (fraction.includes(thousands)) return undefined;
  if (whole.includes(thousands) && !(mark === '.' ? THOUSANDS_COMMA : THOUSANDS_DOT).test(whole)) return undefined;
  const integer = whole.split(thousands).join('');
  if (!integer && !fraction) return undefined;
  const value = Number(`${integer || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * "€1.234,56", "$1,234.56", "1 234,56 €", "(12.50)", "-3", "CHF 1'200.00" → number and currency. With `decimal` (the
 * column's mark, decided from all its values) the text must be written that way: "2.500" with "," is 2500, "12.5"
 * with "," is not an amount. Without it, one value decides: the later of "." and ","; a lone mark followed by exactly
 * three digits reads as it would in English ("1,234" = 1234, "2.500" = 2.5): the importer asks before relying on that.
 */
export function parseAmount(text: string, decimal?: DecimalMark): Amount | undefined {
  const trimmed = text.trim();
  if (decimal !== ',' && PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed) };
  const n = numberText(trimmed);
  if (!n) return undefined;
  const evidence = markOf(n.digits);
  const mark = decimal ?? (evidence === AMBIGUOUS || evidence === undefined ? '.' : evidence);
  const value = readWithMark(n.digits, mark);
  if (value === undefined) return undefined;
  return { value: n.negative ? -value : value, ...(n.currency ? { currency: n.currency } : {}) };
}

/** How a file with this decimal mark writes a thousand and a bit, for messages: "1.234,56". */
export const markExample = (mark: DecimalMark) => (mark === ',' ? '1.234,56' : '1,234.56');

/** A whole, non-negative count ("1,200" or "1.200" employees: a count has no decimals); undefined otherwise. */
export function parseCount(text: string): number | undefined {
  const evidence = decimalEvidence(text);
  const amount = parseAmount(text, evidence === AMBIGUOUS ? (text.includes('.') ? ',' : '.') : undefined);
  return amount && Number.isInteger(amount.value) && amount.value >= 0 && !amount.currency ? amount.value : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'won', 'x', 'ja', 'oui', 'si', 'sí']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'lost', 'open', 'nein', 'non', '']);
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

export const AMBIGUOUS = 'ambiguous' as const;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s.-]+([A-Za-z]{3,9})\.?,?[\s.-]+(\d{4})(?:$|[T\s,])/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[T\s,])/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1];
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) + (Number(y) < 50 ? 2000 : 1900));

/**
 * For "a/b/yyyy" dates: which order the numbers force ("31/01/2024" → dmy, "01/31/2024" → mdy), or
 * undefined when both parts are ≤ 12 or the text is another form. Dotted dates (31.01.2024) are always
 * day-first and decide nothing here.
 */
export function dateOrderEvidence(text: string): DateOrder | undefined {
  const m = NUMERIC.exec(text.trim());
  if (!m || m[2] === '.') return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return undefined;
}

/**
 * ISO date (yyyy-mm-dd) from ISO dates with or without time, yyyymmdd, Excel serial days, day/month and
 * month/day forms, "5 Mar 2024" and "Mar 5, 2024". AMBIGUOUS when day and month cannot be told apart and
 * no order was given; undefined when the text is not a real date ("31/02/2024").
 */
export function parseDate(text: string, order?: DateOrder): string | typeof AMBIGUOUS | undefined {
  const s = text.trim();
  if (!s) return undefined;
  let m = YMD.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(s)) {
    const serial = Math.floor(Number(s));
    // Excel's day 25569 is 1970-01-01 (its 1900 system counts a phantom 29 Feb 1900, hence the 1899-12-30 epoch).
    if (serial < 20000 || serial > 80000) return undefined;
    return dayToIso(serial - 25569);
  }
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]);
    // The file's order wins over what one value suggests: "12/31/2024" in a day-first file is an error.
    const resolved: DateOrder | undefined = m[2] === '.' ? 'dmy' : (order ?? dateOrderEvidence(s) ?? (a === b ? 'dmy' : undefined));
    if (!resolved) return a <= 12 && b <= 12 ? AMBIGUOUS : undefined;
    return resolved === 'dmy' ? iso(year, b, a) : iso(year, a, b);
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return iso(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]));
  m = MONTH_NAME_DAY.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return iso(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]));
  return undefined;
}
