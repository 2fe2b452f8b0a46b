// Calendar days as whole numbers (days since 1970-01-01, UTC), so that a 'YYYY-MM-DD' order date means the same day
// in every time zone. The one hand-written day arithmetic left: it runs for every order of a book (a million in the
// bench), where date-fns's Date objects would cost far more; everything else uses date-fns.

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** Day number of 'YYYY-MM-DD' (optionally followed by a time, which is ignored), 'YYYYMMDD', or a Date (its UTC day). */
export function toDayNumber(value: Date | string): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError('invalid Date');
    return Math.floor(ms / MS_PER_DAY);
  }
  const fast = fastDay(value);
  if (fast !== undefined) return fast;
  const text = value.trim();
  const match = ISO_DAY.exec(text) ?? COMPACT_DAY.exec(text);
  if (!match) throw new RangeError(`not a date: "${value}" (expected YYYY-MM-DD or YYYYMMDD)`);
  return checkedDay(Number(match[1]), Number(match[2]), Number(match[3]), value);
}

// A book has a few thousand distinct days but a million accounts may ask for them: remembered (pure; bounded).
const isoOfDay = new Map<number, string>();

export function dayToIso(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoOfDay.size < 100_000) isoOfDay.set(day, iso);
  }
  return iso;
}

// Hot path for exact 'YYYY-MM-DD' and 'YYYYMMDD' strings: digits read by char code, no regex.
function fastDay(value: string): number | undefined {
  const length = value.length;
  if (length !== 10 && length !== 8) return undefined;
  const dashed = length === 10;
  if (dashed && (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, dashed ? 5 : 4, 2);
  const day = digits(value, dashed ? 8 : 6, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  return checkedDay(year, month, day, value);
}

function digits(text: string, from: number, count: number): number {
  let result = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    result = result * 10 + d;
  }
  return result;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function checkedDay(year: number, month: number, day: number, original: string): number {
  const monthLength = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= monthLength)) throw new RangeError(`not a calendar date: "${original}"`);
  return daysFromCivil(year, month, day);
}

// Days since 1970-01-01 of a proleptic Gregorian date, without allocating a Date.
// Algorithm: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil
// (https://howardhinnant.github.io/date_algorithms.html#days_from_civil).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
