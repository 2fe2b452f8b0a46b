// When a message was sent, read from the date its header shows. Gmail writes it in the title of the date cell
// ("Mon, Nov 16, 2026, 9:02 AM"), Outlook on the web in the SentReceivedSavedTime line ("Wed 11/25/2026 8:01 AM",
// German "Mi 25.11.2026 08:01"). Both are the browser's local time, so the content script turns them into an ISO
// date-time with the local time zone. A date it cannot read gives undefined: the message is then not remembered.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | undefined {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index;
}

function clock(text: string): { hours: number; minutes: number } {
  const time = /(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*m?\b/i.exec(text);
  if (!time) return { hours: 0, minutes: 0 };
  let hours = Number(time[1]);
  const pm = time[3]?.toLowerCase() === 'p';
  if (time[3] && hours === 12) hours = pm ? 12 : 0;
  else if (pm) hours += 12;
  return { hours, minutes: Number(time[2]) };
}

function iso(year: number, month: number, day: number, text: string): string | undefined {
  if (year < 1990 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const { hours, minutes } = clock(text.replace(/^.*?\d{4}/, ''));
  if (hours > 23 || minutes > 59) return undefined;
  const date = new Date(year, month, day, hours, minutes);
  return Number.isNaN(date.getTime()) || date.getDate() !== day ? undefined : date.toISOString();
}

/** The ISO date-time of a header date in English words or numbers (M/D/Y with slashes, D.M.Y with dots). */
export function sentAtOf(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const monthFirst = /\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b/.exec(text);
  if (monthFirst && monthOf(monthFirst[1]!) !== undefined) return iso(Number(monthFirst[3]), monthOf(monthFirst[1]!)!, Number(monthFirst[2]), text);
  const dayFirst = /\b(\d{1,2})\.? ([A-Za-z]{3,9})\.? (\d{4})\b/.exec(text);
  if (dayFirst && monthOf(dayFirst[2]!) !== undefined) return iso(Number(dayFirst[3]), monthOf(dayFirst[2]!)!, Number(dayFirst[1]), text);
  const slashes = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (slashes) return iso(Number(slashes[3]), Number(slashes[1]) - 1, Number(slashes[2]), text);
  const dots = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(text);
  if (dots) return iso(Number(dots[3]), Number(dots[2]) - 1, Number(dots[1]), text);
  return undefined;
}
