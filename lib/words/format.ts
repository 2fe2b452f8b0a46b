// How numbers, counts, ages and dates read in a sentence. English for now; a second language plugs in here.
import { format, parseISO } from 'date-fns';
import { daysBetween } from '../insights/people/people';
import { isolate } from './visible';

const plurals = new Intl.PluralRules('en');

/** "1 question", "2 questions": a count with its noun, by Intl.PluralRules. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${plurals.select(n) === 'one' ? singular : plural}`;
}

/** The noun alone, in the form the count asks for: a label shown next to a number ("account on one person"). */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return plurals.select(n) === 'one' ? singular : plural;
}

/** 421 → "421 bytes", 1536 → "1.5 KB", 3.6 MiB → "3.6 MB": a file's size as a person reads it (units of 1,024). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return count(Math.round(bytes), 'byte');
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? (Math.round(value * 10) / 10).toLocaleString('en') : Math.round(value).toLocaleString('en')} ${units[unit]}`;
}

/** 400 → "13 months ago"; rounded to days, weeks, months or years as a person would say it. */
export function ageInWords(days: number): string {
  if (days < 1) return 'today';
  if (days < 14) return `${count(days, 'day')} ago`;
  if (days < 61) return `${count(Math.round(days / 7), 'week')} ago`;
  if (days < 730) return `${count(Math.round(days / 30.44), 'month')} ago`;
  return `${count(Math.round(days / 365.25), 'year')} ago`;
}

/** "March" when it is this year or within the last 10 months, else "March 2023". */
export function monthInWords(iso: string, today: string): string {
  const date = parseISO(iso.slice(0, 10));
  return iso.slice(0, 4) === today.slice(0, 4) || daysBetween(iso, today) < 300 ? format(date, 'MMMM') : format(date, 'MMMM yyyy');
}

/** "4 years", "8 months": how long since `since`, as a tenure. */
export function tenureInWords(since: string, today: string): string {
  const days = daysBetween(since, today);
  const years = Math.floor(days / 365.25);
  if (years >= 1) return count(years, 'year');
  return count(Math.max(1, Math.round(days / 30.44)), 'month');
}

/** "today", "1 day ago", "5 days ago". */
export function daysAgoInWords(days: number): string {
  return days === 0 ? 'today' : `${count(days, 'day')} ago`;
}

const formatters = new Map<string, Intl.NumberFormat | null>();

/** The whole-units formatter for a currency, or a plain number format without one (null: not an ISO 4217 code). */
function moneyFormatter(currency: string | undefined): Intl.NumberFormat | null {
  const key = currency ?? '';
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat('en', currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 });
    } catch {
      formatter = null; // not an ISO 4217 code
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function formatMoneyValue(value: number, currency: string | undefined): string {
  const formatter = moneyFormatter(currency);
  return formatter ? formatter.format(value) : `${value.toLocaleString('en', { maximumFractionDigits: 0 })} ${currency ?? ''}`.trim();
}

/**
 * "€41,000": two significant figures, for a sentence. The currency is the one the orders were imported with; without
 * one the amount is a plain number ("41,000"), never a made-up symbol. The options page's tables use moneyExact, with
 * the same rule, so that sidebar and options show the same currency.
 */
export function money(value: number, currency: string | undefined): string {
  return formatMoneyValue(Number(value.toPrecision(2)), currency);
}

/** "€123,215", or "123,215" when the orders carry no currency: whole units, for tables. */
export function moneyExact(value: number, currency: string | undefined): string {
  return formatMoneyValue(value, currency);
}

/** 10.4 → "10", 1.46 → "1.5", 148 → "150": a ratio as a person would say it. */
export function ratioInWords(ratio: number): string {
  if (ratio < 2) return String(Math.round(ratio * 10) / 10);
  if (ratio < 20) return String(Math.round(ratio));
  return String(Number(ratio.toPrecision(2)));
}

/** 0.183 → 18, never 0 or 100: a probability as a whole percentage. */
export const percent = (p: number): number => Math.min(99, Math.max(1, Math.round(p * 100)));

/** 3.46 → "3.5", 12.4 → "12". */
export const round1 = (value: number): string => (value >= 10 ? String(Math.round(value)) : value.toFixed(1));

/** "Cocoa powder" → "cocoa powder" inside a sentence; names that look like acronyms or brands ("MCT oil") stay. */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** "Joe Park, Head of Purchasing"; each part isolated when it could reorder the sentence (visible.ts). */
export function describePerson(person: { name: string; title?: string }): string {
  return person.title ? `${isolate(person.name)}, ${isolate(person.title)}` : isolate(person.name);
}
