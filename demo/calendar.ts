// Calendar arithmetic on whole UTC days, so that the data never depends on the machine's time zone or clock.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a yyyy-mm-dd date. */
export function dayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected a yyyy-mm-dd date, got '${isoDate}'`);
  const day = dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  if (isoOf(day) !== isoDate) throw new Error(`'${isoDate}' is not a calendar date`);
  return day;
}

export function dayFromYmd(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1..12 */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

function clock(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** HubSpot's export form, e.g. "2024-03-05 14:02" (https://knowledge.hubspot.com/import-and-export/export-records). */
export function hubspotDateTime(day: number, minuteOfDay: number): string {
  return `${isoOf(day)} ${clock(minuteOfDay)}`;
}

/** ISO 8601 UTC timestamp for Gmail messages, e.g. "2026-11-22T09:14:00Z". */
export function isoTimestamp(day: number, minuteOfDay: number): string {
  return `${isoOf(day)}T${clock(minuteOfDay)}:00Z`;
}

/** "Q1 2027" for the quarter after the one containing the day. */
export function nextQuarterLabel(day: number): string {
  const quarter = Math.floor((monthOf(day) - 1) / 3) + 1;
  return quarter === 4 ? `Q1 ${yearOf(day) + 1}` : `Q${quarter + 1} ${yearOf(day)}`;
}
