// Reading one row's values: dates (holding rows back until the file shows day or month first), numbers (holding rows
// back until their column shows its decimal mark), currencies, and rejecting a row with a reason that names its row and
// column. RecordBuilder (./build.ts) turns rows into records.
import type { DetectedFormat } from './formats';
import { compileMapping, type MappedRow } from './mapping';
import type { DateOrder, RejectedRow, TargetField } from './types';
import { AMBIGUOUS, dateOrderEvidence, decimalEvidence, type DecimalMark, markExample, parseAmount, parseDate } from './values';

const DATE_FIELDS: TargetField[] = ['date', 'closeDate', 'lastActivity', 'createdAt'];
/** Fields read with parseAmount, whose column's decimal mark is decided from all its values. */
const NUMBER_FIELDS: TargetField[] = ['amount', 'unitPrice', 'quantity', 'annualRevenue'];

export class RowError extends Error {
  constructor(
    readonly reason: string,
    readonly column?: string,
  ) {
    super(reason);
  }
}

export abstract class RowReader {
  protected readonly read: (cells: string[]) => MappedRow;
  protected readonly dateColumns: number[][];
  protected order: DateOrder | undefined;
  protected readonly deferred: { row: number; cells: string[] }[] = [];
  protected readonly ambiguousExamples = new Set<string>();
  readonly rejected: RejectedRow[] = [];

  constructor(
    protected readonly format: DetectedFormat,
    protected readonly headers: string[],
    protected readonly options: { now: string; dateOrder?: DateOrder; decimal?: DecimalMark; currency?: string; accountIndex?: Record<string, string> },
  ) {
    this.read = compileMapping(format.mapping, headers);
    this.order = options.dateOrder;
    const index = new Map(headers.map((h, i) => [h, i]));
    this.dateColumns = DATE_FIELDS.map((field) => {
      const columns = format.mapping.columns[field];
      return (typeof columns === 'string' ? [columns] : (columns ?? [])).map((h) => index.get(h)).filter((i): i is number => i !== undefined);
    }).filter((c) => c.length > 0);
    const numberColumns = new Set<number>();
    for (const field of NUMBER_FIELDS) {
      const columns = format.mapping.columns[field];
      const indices = (typeof columns === 'string' ? [columns] : (columns ?? [])).map((h) => index.get(h)).filter((i): i is number => i !== undefined);
      this.fieldIndices.set(field, indices);
      for (const i of indices) numberColumns.add(i);
    }
    this.numberColumns = [...numberColumns];
    this.undecidedNumbers = this.numberColumns.length;
  }

  private readonly fieldIndices = new Map<TargetField, number[]>();
  /** Column index → its decimal mark, from the first of its values that shows one ("1.234,50", "12,5"). */
  private readonly columnMark = new Map<number, DecimalMark>();
  /** The first mark any number column showed: for a column whose own values never show one (quantities "1.000"). */
  private fileMark: DecimalMark | undefined;
  private readonly numberColumns: number[];
  private undecidedNumbers: number;
  private readonly numberHeld: { row: number; cells: string[] }[] = [];
  private readonly ambiguousNumbers = new Set<string>();

  /** One data row; `row` is its spreadsheet line number. */
  add(row: number, cells: string[]): void {
    if (cells.length > this.headers.length && cells.slice(this.headers.length).some((c) => c.trim())) {
      this.reject(row, cells, new RowError(`row ${row}: ${cells.length} values but the header has ${this.headers.length} columns (a value containing the separator may need quotes)`));
      return;
    }
    if (this.undecidedNumbers && this.learnDecimalMarks(cells)) this.releaseNumberHeld();
    this.addRow(row, cells);
  }

  private addRow(row: number, cells: string[]): void {
    if (!this.order && this.holdForDateOrder(row, cells)) return;
    if (this.holdForDecimalMark(row, cells)) return;
    try {
      this.convert(row, cells);
    } catch (error) {
      if (error instanceof RowError) this.reject(row, cells, error);
      else throw error;
    }
  }

  /** Learns the day/month order from the first value that decides it; holds rows that need it. */
  private holdForDateOrder(row: number, cells: string[]): boolean {
    let ambiguous: string | undefined;
    for (const columns of this.dateColumns) {
      for (const i of columns) {
        const value = cells[i]?.trim();
        if (!value) continue;
        const evidence = dateOrderEvidence(value);
        if (evidence) {
          this.order = evidence;
          const held = this.deferred.splice(0);
          for (const h of held) this.addRow(h.row, h.cells);
          return false;
        }
        if (parseDate(value) === AMBIGUOUS) ambiguous = value;
        break;
      }
    }
    if (!ambiguous) return false;
    if (this.ambiguousExamples.size < 5) this.ambiguousExamples.add(ambiguous);
    this.deferred.push({ row, cells });
    return true;
  }

  /** Learns each number column's decimal mark from the first of its values that shows one; true when one was learned. */
  private learnDecimalMarks(cells: string[]): boolean {
    let learned = false;
    for (const i of this.numberColumns) {
      if (this.columnMark.has(i)) continue;
      const value = cells[i];
      // Only a "." or "," can show a mark (most quantity cells are plain integers: skip them cheaply).
      if (!value || (value.indexOf('.') < 0 && value.indexOf(',') < 0)) continue;
      const evidence = decimalEvidence(value);
      if (evidence === ',' || evidence === '.') {
        this.columnMark.set(i, evidence);
        this.fileMark ??= evidence;
        this.undecidedNumbers--;
        learned = true;
      }
    }
    return learned;
  }

  private releaseNumberHeld(): void {
    const held = this.numberHeld.splice(0);
    for (const h of held) this.addRow(h.row, h.cells);
  }

  /** The decimal mark a number column is read with: its own, else the file's, else the user's answer. */
  private markOf(column: number): DecimalMark | undefined {
    return this.columnMark.get(column) ?? this.fileMark ?? this.options.decimal;
  }

  /** Holds a row with a number like "1.000" while nothing in the file says whether it is a thousand or one. */
  private holdForDecimalMark(row: number, cells: string[]): boolean {
    if (!this.undecidedNumbers || this.fileMark) return false;
    let ambiguous: string | undefined;
    for (const i of this.numberColumns) {
      const value = cells[i];
      if (value && !this.columnMark.has(i) && decimalEvidence(value) === AMBIGUOUS) ambiguous ??= value.trim();
    }
    if (!ambiguous) return false;
    if (this.ambiguousNumbers.size < 5) this.ambiguousNumbers.add(ambiguous);
    this.numberHeld.push({ row, cells });
    return true;
  }

  /**
   * After the last row: rows still waiting for a decimal mark are read with the user's answer, if there is one (the
   * file's own evidence, had it shown any, would have won). Call before finish().
   */
  endOfRows(): void {
    if (this.numberHeld.length && this.options.decimal) {
      this.fileMark = this.options.decimal;
      this.releaseNumberHeld();
    }
  }

  /**
   * After the last row: the question to ask when numbers like "1.000" stayed undecided (their rows are not imported
   * until the user says which mark the file uses), as the date order is asked.
   */
  numberQuestion(): { examples: string[]; rows: number } | undefined {
    return this.numberHeld.length ? { examples: [...this.ambiguousNumbers], rows: this.numberHeld.length } : undefined;
  }

  protected reject(row: number, cells: string[], error: RowError): void {
    const raw: Record<string, string> = {};
    this.headers.forEach((h, i) => (raw[h] = cells[i] ?? ''));
    this.rejected.push({ row, ...(error.column ? { column: error.column } : {}), reason: error.reason, raw });
  }

  protected columnOf(field: TargetField, cells: string[]): string {
    const columns = this.format.mapping.columns[field];
    const list = typeof columns === 'string' ? [columns] : (columns ?? []);
    return list.find((h) => cells[this.headers.indexOf(h)]?.trim()) ?? list[0] ?? field;
  }

  protected columnsOf(fields: TargetField[]): string[] {
    return fields.flatMap((f) => {
      const c = this.format.mapping.columns[f];
      return typeof c === 'string' ? [c] : (c ?? []);
    });
  }

  protected date(m: MappedRow, field: TargetField, row: number, cells: string[], required: boolean): string | undefined {
    const text = m[field];
    if (!text) {
      if (required) throw new RowError(`row ${row}: no date (column ${this.columnsOf([field]).join(' / ') || field} is empty)`, this.columnOf(field, cells));
      return undefined;
    }
    const iso = parseDate(text, this.order);
    if (iso && iso !== AMBIGUOUS) return iso;
    const column = this.columnOf(field, cells);
    const own = dateOrderEvidence(text);
    const how = this.order && own && own !== this.order ? ` (this file writes ${this.order === 'dmy' ? 'day/month/year' : 'month/day/year'})` : '';
    throw new RowError(`row ${row}, column ${column}: '${text}' is not a date${how}`, column);
  }

  protected amount(m: MappedRow, field: TargetField, row: number, cells: string[]) {
    const text = m[field];
    if (!text) return undefined;
    let mark: DecimalMark | undefined;
    if (this.fileMark || this.options.decimal) {
      const indices = this.fieldIndices.get(field) ?? [];
      mark = this.markOf(indices.find((i) => cells[i]?.trim()) ?? indices[0] ?? -1);
    }
    const amount = parseAmount(text, mark);
    if (!amount) {
      const column = this.columnOf(field, cells);
      const how = mark && parseAmount(text) ? ` (this file writes numbers as ${markExample(mark)})` : '';
      throw new RowError(`row ${row}, column ${column}: '${text}' is not an amount${how}`, column);
    }
    return amount;
  }

  protected currency(m: MappedRow, fromAmount: string | undefined, row: number, cells: string[]): string | undefined {
    if (m.currency) {
      const code = m.currency.trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(code)) return code;
      const symbol = parseAmount(`${m.currency}1`)?.currency;
      if (symbol) return symbol;
      const column = this.columnOf('currency', cells);
      throw new RowError(`row ${row}, column ${column}: '${m.currency}' is not a currency code (such as EUR or USD)`, column);
    }
    const currency = fromAmount ?? this.format.currency ?? this.options.currency;
    if (!currency && (m.amount || m.unitPrice || m.annualRevenue)) this.missingCurrency++;
    return currency;
  }

  /** Amounts read without any currency (no column, symbol, code, format default or answer): the question to ask. */
  missingCurrency = 0;

  /** Turns one row whose dates can be read into records; throws RowError for a row a person must fix. */
  protected abstract convert(row: number, cells: string[]): void;
}
