// The one CSV writer: every CSV the extension, the demo and the scripts write goes through toCsv, so that none of
// them hands a spreadsheet a live formula.
//
// CSV injection (OWASP, https://owasp.org/www-community/attacks/CSV_Injection; ASVS 5.0 requirement 1.2.10): a
// spreadsheet treats a cell that starts with = + - @ (and tab or carriage return, which Excel skips before them) as a
// formula, so "=HYPERLINK(…)" from an imported file would become a live link in the rejected-rows download. Every
// text cell that starts with one of them is written with a leading apostrophe, which spreadsheets read as "this is
// text". Quoting (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180#section-2) is applied after that.
//
// Negative numbers: OWASP prefixes them too, and so does this writer for every *text* cell, "-12.50" read from a
// user's file included (we cannot know what a text cell holds). A cell handed over as a JS `number` is written as the
// number: it was computed by us, it cannot carry a formula, and a prefixed "-12.5" would no longer add up in a
// spreadsheet. Our importer reads the apostrophe back off (unguardCell), so a downloaded file re-imports unchanged.

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export type CsvCell = string | number | boolean | null | undefined;

/** A text cell made inert for spreadsheets: "'" before a leading = + - @ tab or CR. */
export function guardCell(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]!) ? `'${text}` : text;
}

/** The guard taken off again when we read a cell: "'=SUM(A1)" → "=SUM(A1)", "'+49 30 1234" → "+49 30 1234". */
export function unguardCell(text: string): string {
  return text.charCodeAt(0) === 39 && text.length > 1 && FORMULA_START.has(text[1]!) ? text.slice(1) : text;
}

function cellText(value: CsvCell, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'boolean' ? String(value) : guardCell(value);
  const needsQuotes = text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r') || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** A UTF-8 byte-order mark first, so that Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** A line end after the last row (default true). */
  finalNewline?: boolean;
  delimiter?: ',' | ';' | '\t';
}

/** RFC 4180 CSV with CRLF line ends; text cells guarded against formulas, number cells written as numbers. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((cell) => cellText(cell, delimiter)).join(delimiter)).join('\r\n');
  return (options.bom === false ? '' : '\ufeff') + body + (options.finalNewline === false || !rows.length ? '' : '\r\n');
}

/** Objects as CSV: the keys of the first object are the header row. */
export function objectsToCsv(objects: readonly Record<string, CsvCell>[], options: CsvOptions = {}): string {
  const fields = objects.length ? Object.keys(objects[0]!) : [];
  return toCsv([fields, ...objects.map((o) => fields.map((f) => o[f]))], options);
}
