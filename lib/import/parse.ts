// parseImportFile: one CSV export in, a preview out (records ready to commit, rejected rows with reasons,
// questions for the user). Pure: no DOM, no storage; runs in the import worker and in node.
import Papa from 'papaparse';
import { RecordBuilder } from './build';
import { CDNOW_HEADERS, type DetectedFormat, detectedFromSpec, detectFormat, detectGeneric, formatSpec, GENERIC_LABELS } from './formats';
import { guessLanguages, mappingKey, suggestMapping, TARGET_FIELDS } from './mapping';
import { toCsv } from './csvOut';
import { decodeBytes, detectSeparator, NotTextError, type Separator, stripBom, uniqueHeaders } from './text';
import type { ImportRecord } from '../model/records';
import type { ColumnMapping, ImportBatch, ImportPreview, ParseOptions } from './types';
import { stableHash } from './hash';
import { parseAmount, parseDate } from './values';

const CHUNK_CHARS = 1 << 20;
const WHITESPACE_CHUNK_LINES = 25_000;

function cancelled(): DOMException {
  return new DOMException('Import cancelled; nothing was saved.', 'AbortError');
}

/** Lets the worker receive a "cancel" between chunks. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Chunk {
  rows: string[][];
  /** Characters of the text consumed so far. */
  end: number;
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

/** The first non-empty lines, for guessing the separator. */
function leadingLines(text: string, count: number): string[] {
  return text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((l) => l.trim()).slice(0, count);
}

/**
 * CSV in chunks of about a megabyte, each cut after a line end outside quotes (an even number of quote
 * characters so far), so that papaparse never sees half a record and quoted newlines stay inside cells.
 */
function* csvChunks(text: string, delimiter: string, warnings: string[]): Generator<Chunk> {
  const newline = detectNewline(text);
  const lineEnd = newline === '\r' ? '\r' : '\n';
  let start = 0;
  let rowsBefore = 0;
  let reported = 0;
  while (start < text.length) {
    let quotes = 0;
    let cut = Math.min(start + CHUNK_CHARS, text.length);
    for (let q = text.indexOf('"', start); q >= 0 && q < cut; q = text.indexOf('"', q + 1)) quotes++;
    while (cut < text.length) {
      const c = text[cut];
      if (c === '"') quotes++;
      else if (c === lineEnd && quotes % 2 === 0) {
        cut++;
        break;
      }
      cut++;
    }
    const piece = text.slice(start, cut);
    const result = Papa.parse<string[]>(piece, { delimiter, newline, quoteChar: '"', header: false, skipEmptyLines: false, dynamicTyping: false });
    const rows = result.data;
    // A piece that ends with a line end yields one last empty "row" that is not a line of the file.
    if (piece.endsWith(lineEnd) && rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
    for (const error of result.errors) {
      if (reported++ < 5) warnings.push(`Line ${rowsBefore + (error.row ?? 0) + 1}: ${error.message}.`);
    }
    rowsBefore += rows.length;
    start = cut;
    yield { rows, end: cut };
  }
}

/** Whitespace-aligned logs (CDNOW): no quoting, any run of spaces or tabs separates. */
function* whitespaceChunks(text: string): Generator<Chunk> {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let consumed = 0;
  for (let i = 0; i < lines.length; i += WHITESPACE_CHUNK_LINES) {
    const rows = lines.slice(i, i + WHITESPACE_CHUNK_LINES).map((line) => {
      consumed += line.length + 1;
      const trimmed = line.trim();
      return trimmed ? trimmed.split(/\s+/) : [''];
    });
    yield { rows, end: Math.min(consumed, text.length) };
  }
}

const isEmptyRow = (cells: string[]) => cells.every((c) => !c || !c.trim());

/** A first row made only of numbers and dates is data: the file has no header row. */
function looksLikeData(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  return filled.length >= 2 && filled.every((c) => parseAmount(c) !== undefined || (parseDate(c) ?? undefined) !== undefined);
}

function headersForHeaderless(cells: string[]): string[] {
  if (cells.length === 4 && /^\d{8}$/.test(cells[1].trim())) return [...CDNOW_HEADERS];
  return cells.map((_, i) => `Column ${i + 1}`);
}

function missingRequired(mapping: ColumnMapping): string[] {
  const required = TARGET_FIELDS[mapping.kind].filter((f) => f.required && !mapping.columns[f.field]).map((f) => f.label);
  // A company needs a name or a website; an order needs some customer key.
  if (mapping.kind === 'companies' && mapping.columns.website) return required.filter((l) => l !== 'Company name');
  if (mapping.kind === 'orders' && !(mapping.columns.customerId || mapping.columns.customerName || mapping.columns.customerDomain || mapping.columns.customerEmail)) {
    return [...required, 'a customer id, name, domain or email'];
  }
  return required;
}

function chooseFormat(headers: string[], options: ParseOptions, warnings: string[]): DetectedFormat | undefined {
  if (options.mapping) {
    const spec = options.format ? formatSpec(options.format) : undefined;
    const known = new Set(headers);
    const columns: ColumnMapping['columns'] = {};
    for (const [field, value] of Object.entries(options.mapping.columns)) {
      const list = (typeof value === 'string' ? [value] : (value ?? [])).filter((h) => known.has(h));
      const missing = (typeof value === 'string' ? [value] : (value ?? [])).filter((h) => !known.has(h));
      for (const h of missing) warnings.push(`Column "${h}" of the saved mapping is not in this file.`);
      if (list.length) columns[field as keyof ColumnMapping['columns']] = list.length === 1 ? list[0] : list;
    }
    return {
      id: spec?.id ?? 'custom',
      label: spec?.label ?? GENERIC_LABELS.custom,
      kind: options.mapping.kind,
      crm: spec?.crm ?? (options.mapping.kind === 'orders' ? 'erp' : 'other'),
      currency: spec?.currency,
      mapping: { kind: options.mapping.kind, columns },
    };
  }
  if (options.format === 'custom') return undefined;
  if (options.format === 'order-log' || options.format === 'activity-log') return detectGeneric(headers, options.format);
  const spec = options.format ? formatSpec(options.format) : undefined;
  return spec ? detectedFromSpec(spec, headers) : detectFormat(headers);
}

export async function parseImportFile(input: Blob | string, options: ParseOptions): Promise<ImportPreview> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelled();
  const warnings: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    if (input.slice(0, 8192).includes('\0')) throw new NotTextError(`${options.fileName} is not a text file: it contains NUL characters, which a CSV export never has.`);
    text = stripBom(input);
  } else {
    const decoded = decodeBytes(new Uint8Array(await input.arrayBuffer()), options.fileName);
    text = stripBom(decoded.text);
    if (decoded.encoding === 'windows-1252') warnings.push('The file is not UTF-8; it was read as Windows-1252 (Western European). Check names with accents.');
    if (decoded.encoding === 'mixed') {
      warnings.push(`The file mixes UTF-8 and Windows-1252 lines (pasted together from two exports?): ${decoded.legacyLines} ${decoded.legacyLines === 1 ? 'line was' : 'lines were'} read as Windows-1252, the rest as UTF-8.`);
    }
  }
  if (signal?.aborted) throw cancelled();
  const firstLines = leadingLines(text, 20);
  if (!firstLines.length) throw new Error(`${options.fileName} is empty.`);
  const separator: Separator = detectSeparator(firstLines);
  const chunks = separator === 'whitespace' ? whitespaceChunks(text) : csvChunks(text, separator, warnings);

  let headers: string[] | undefined;
  let key = '';
  let answers: ImportPreview['answers'];
  let format: DetectedFormat | undefined;
  let builder: RecordBuilder | undefined;
  const sample: Record<string, string>[] = [];
  let line = 0;
  let rowsRead = 0;
  const now = options.now.toISOString();

  for (const chunk of chunks) {
    for (const cells of chunk.rows) {
      line++;
      if (isEmptyRow(cells)) continue;
      if (!headers) {
        const headerless = looksLikeData(cells);
        headers = headerless ? headersForHeaderless(cells) : uniqueHeaders(cells);
        if (headerless) warnings.push('The file has no header row; columns were named by position.');
        format = chooseFormat(headers, options, warnings);
        if (format && missingRequired(format.mapping).length) {
          warnings.push(`Assign a column to: ${missingRequired(format.mapping).join(', ')}.`);
          format = undefined;
        }
        key = mappingKey(headers);
        answers = answersFor(options, key);
        if (format) builder = new RecordBuilder(format, headers, { now, dateOrder: options.dateOrder, decimal: answers?.decimal, currency: answers?.currency, accountIndex: options.accountIndex });
        if (!headerless) continue;
      }
      rowsRead++;
      if (builder) builder.add(line, cells);
      else if (sample.length < 5) sample.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])));
    }
    onProgress?.({ rows: rowsRead, fraction: text.length ? chunk.end / text.length : 1 });
    await breathe();
    if (signal?.aborted) throw cancelled();
  }
  if (!headers) throw new Error(`${options.fileName} has no rows.`);

  if (!format || !builder) {
    const suggestion = options.mapping ?? suggestMapping(headers);
    return {
      format: 'custom',
      formatLabel: GENERIC_LABELS.custom,
      kind: suggestion.kind,
      headers,
      rowsRead,
      mappingKey: key,
      currencies: [],
      batch: { accounts: [], contacts: [], orders: [], activities: [] },
      rejected: [],
      needsMapping: { mappingKey: key, suggestion, languages: guessLanguages(suggestion.kind, suggestion.columns), sample },
      warnings: [...warnings, 'These columns were not recognized: assign them to fields to import the file.'],
    };
  }
  builder.endOfRows();
  const built = builder.finish();
  const numbers = builder.numberQuestion();
  if (numbers) warnings.push(`${numbers.rows} ${numbers.rows === 1 ? 'row has numbers' : 'rows have numbers'} such as ${numbers.examples[0]} that read both as thousands and as decimals; choose how this file writes numbers to import ${numbers.rows === 1 ? 'it' : 'them'}.`);
  const missingCurrency = builder.missingCurrency;
  return {
    format: format.id,
    formatLabel: format.label,
    kind: format.kind,
    headers,
    rowsRead,
    mappingKey: key,
    currencies: currenciesOf(built.batch),
    batch: built.batch,
    rejected: built.rejected,
    ...(built.needsDateOrder ? { needsDateOrder: built.needsDateOrder } : {}),
    ...(numbers ? { needsDecimalMark: numbers } : {}),
    ...(missingCurrency ? { needsCurrency: { amounts: missingCurrency } } : {}),
    ...(answers ? { answers } : {}),
    warnings: [...warnings, ...built.warnings],
  };
}

/** The user's answers for this layout: given with this parse, else remembered for the same headers. */
function answersFor(options: ParseOptions, key: string): ImportPreview['answers'] {
  const saved = options.remembered?.[key];
  const currency = options.currency ?? saved?.currency;
  const decimal = options.decimal ?? saved?.decimal;
  if (!currency && !decimal) return undefined;
  const remembered = (!!saved?.currency && !options.currency) || (!!saved?.decimal && !options.decimal);
  return { ...(currency ? { currency } : {}), ...(decimal ? { decimal } : {}), remembered };
}

function currenciesOf(batch: ImportPreview['batch']): string[] {
  const seen = new Set<string>();
  for (const order of batch.orders) if (order.currency) seen.add(order.currency);
  for (const account of batch.accounts) if (account.currency) seen.add(account.currency);
  return [...seen].sort();
}

/** The rejected rows as they were in the file, plus a "Reason" column, to fix and import again. */
export function rejectedRowsCsv(preview: Pick<ImportPreview, 'headers' | 'rejected'>): string {
  const reasonAt = preview.headers.indexOf('Reason');
  const headers = reasonAt >= 0 ? preview.headers : [...preview.headers, 'Reason'];
  const rows = preview.rejected.map((r) => {
    const cells = preview.headers.map((h) => r.raw[h] ?? '');
    if (reasonAt >= 0) cells[reasonAt] = r.reason;
    else cells.push(r.reason);
    return cells;
  });
  return toCsv([headers, ...rows]);
}

/** The import-history entry for a committed preview (what commitImport stores next to the records). */
/** The newest order date of a file (yyyy-mm-dd): the default as-of date of its orders. */
export function ordersThroughOf(orders: readonly { date: string }[]): string | undefined {
  let through: string | undefined;
  for (const order of orders) if (!through || order.date > through) through = order.date;
  return through;
}

/** The order source a file belongs to: the same export (format and headers) imported again is the same feed. */
export const feedOf = (format: string, headers: readonly string[]): string => `feed-${stableHash(format, ...headers)}`;

/** What the history record needs of a parsed file: the preview itself, or the options page's summary of it. */
type ParsedFile = Pick<ImportPreview, 'format' | 'kind' | 'rowsRead' | 'rejected' | 'headers'> &
  ({ batch: ImportBatch } | { ordersThrough?: string; counts: { orders: number } });

/**
 * The history record of one imported file, the same for the options page, `npm run score` and the tests. An order
 * file records its feed and the day its orders are complete to: `asOf` when the user corrected it, else its newest order.
 */
export function importRecordOf(file: ParsedFile, fileName: string, importedAt: Date, asOf?: string): ImportRecord {
  const orderLines = 'batch' in file ? file.batch.orders.length : file.counts.orders;
  const through = 'batch' in file ? ordersThroughOf(file.batch.orders) : file.ordersThrough;
  const complete = asOf ?? through;
  return {
    id: `${importedAt.getTime()}-${fileName}`,
    fileName,
    source: file.format,
    kind: file.kind,
    rowsRead: file.rowsRead,
    rowsImported: file.rowsRead - file.rejected.length,
    rowsRejected: file.rejected.length,
    importedAt: importedAt.toISOString(),
    ...(orderLines > 0 && complete ? { feed: feedOf(file.format, file.headers), asOf: complete } : {}),
  };
}
