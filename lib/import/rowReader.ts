// Reading one row's values: dates (holding rows back until the file shows day or month first), amounts, currencies,
// and rejecting a row with a reason that names its row and column. RecordBuilder (./build.ts) turns rows into records.
import type { DetectedFormat } from './formats';
import { compileMapping, type MappedRow } from './mapping';
import type { DateOrder, RejectedRow, TargetField } from './types';
import { AMBIGUOUS, dateOrderEvidence, parseAmount, parseDate } from './values';

const DATE_FIELDS: TargetField[] = ['date', 'closeDate', 'lastActivity', 'createdAt'];

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
    protected readonly options: { now: string; dateOrder?: DateOrder; accountIndex?: Record<string, string> },
  ) {
    this.read = compileMapping(format.mapping, headers);
    this.order = options.dateOrder;
    const index = new Map(headers.map((h, i) => [h, i]));
    this.dateColumns = DATE_FIELDS.map((field) => {
      const columns = format.mapping.columns[field];
      return (typeof columns === 'string' ? [columns] : (columns ?? [])).map((h) => index.get(h)).filter((i): i is number => i !== undefined);
    }).filter((c) => c.length > 0);
  }

  /** One data row; `row` is its spreadsheet line number. */
  add(row: number, cells: string[]): void {
    if (cells.length > this.headers.length && cells.slice(this.headers.length).some((c) => c.trim())) {
      this.reject(row, cells, new RowError(`row ${row}: ${cells.length} values but the header has ${this.headers.length} columns (a value containing the separator may need quotes)`));
      return;
    }
    if (!this.order && this.holdForDateOrder(row, cells)) return;
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
          for (const h of held) this.add(h.row, h.cells);
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
    const amount = parseAmount(text);
    if (!amount) {
      const column = this.columnOf(field, cells);
      throw new RowError(`row ${row}, column ${column}: '${text}' is not an amount`, column);
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
    return fromAmount ?? this.format.currency;
  }

  /** Turns one row whose dates can be read into records; throws RowError for a row a person must fix. */
  protected abstract convert(row: number, cells: string[]): void;
}
