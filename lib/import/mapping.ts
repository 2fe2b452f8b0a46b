// The mapping step for files we do not recognize: which fields each kind of record has, a first guess
// from header names, and a stable key so that a mapping saved for one export is offered again next time.
import { unguardCell } from './csvOut';
import { stableHash } from './hash';
import { HEADER_LEXICON, LANGUAGES, type Language } from './headerLexicon';
import type { ColumnMapping, ImportKind, TargetField } from './types';

export interface TargetFieldInfo {
  field: TargetField;
  label: string;
  required?: boolean;
}

/** Fields per record kind, in the order the mapping step shows them. */
export const TARGET_FIELDS: Record<ImportKind, TargetFieldInfo[]> = {
  contacts: [
    { field: 'email', label: 'Email', required: true },
    { field: 'firstName', label: 'First name' },
    { field: 'lastName', label: 'Last name' },
    { field: 'fullName', label: 'Full name' },
    { field: 'title', label: 'Job title' },
    { field: 'phone', label: 'Phone' },
    { field: 'company', label: 'Company name' },
    { field: 'companyId', label: 'Company record id' },
    { field: 'website', label: 'Company website' },
    { field: 'owner', label: 'Owner' },
    { field: 'lastActivity', label: 'Last activity date' },
    { field: 'createdAt', label: 'Created date' },
    { field: 'recordId', label: 'Record id' },
  ],
  companies: [
    { field: 'company', label: 'Company name', required: true },
    { field: 'website', label: 'Website or domain' },
    { field: 'industry', label: 'Industry' },
    { field: 'employees', label: 'Number of employees' },
    { field: 'annualRevenue', label: 'Annual revenue' },
    { field: 'currency', label: 'Currency' },
    { field: 'owner', label: 'Owner' },
    { field: 'recordId', label: 'Record id' },
    { field: 'customerId', label: 'Customer number (ERP)' },
    { field: 'email', label: 'Email' },
    { field: 'vatId', label: 'VAT id' },
  ],
  deals: [
    { field: 'amount', label: 'Amount', required: true },
    { field: 'closeDate', label: 'Close date', required: true },
    { field: 'stage', label: 'Stage or status' },
    { field: 'won', label: 'Won (yes/no)' },
    { field: 'dealName', label: 'Deal name' },
    { field: 'company', label: 'Company name' },
    { field: 'companyId', label: 'Company record id' },
    { field: 'website', label: 'Company website' },
    { field: 'currency', label: 'Currency' },
    { field: 'recordId', label: 'Record id' },
  ],
  orders: [
    { field: 'date', label: 'Date', required: true },
    { field: 'amount', label: 'Amount (line total)' },
    { field: 'customerId', label: 'Customer id' },
    { field: 'customerName', label: 'Customer name' },
    { field: 'customerDomain', label: 'Customer domain or website' },
    { field: 'customerEmail', label: 'Customer email' },
    { field: 'invoiceNo', label: 'Invoice or order number' },
    { field: 'product', label: 'Product' },
    { field: 'sku', label: 'SKU / product code' },
    { field: 'quantity', label: 'Quantity' },
    { field: 'unitPrice', label: 'Unit price' },
    { field: 'currency', label: 'Currency' },
  ],
  activities: [
    { field: 'date', label: 'Date', required: true },
    { field: 'email', label: 'Contact email', required: true },
    { field: 'activityType', label: 'Type (email, meeting, call)', required: true },
    { field: 'direction', label: 'Direction (inbound/outbound)' },
    { field: 'fullName', label: 'Contact name' },
  ],
};

/** "Invoice  Date " → "invoicedate": for comparing header names loosely. */
export const looseHeader = (header: string) =>
  header.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * The header lexicon (headerLexicon.ts) in loose form: kind → field → language → names, most specific first.
 */
export const HEADER_ALIASES: Record<ImportKind, Partial<Record<TargetField, Partial<Record<Language, string[]>>>>> = Object.fromEntries(
  Object.entries(HEADER_LEXICON).map(([kind, fields]) => [
    kind,
    Object.fromEntries(
      Object.entries(fields).map(([field, byLanguage]) => [
        field,
        Object.fromEntries(Object.entries(byLanguage).map(([language, names]) => [language, [...new Set(names.map(looseHeader))]])),
      ]),
    ),
  ]),
) as typeof HEADER_ALIASES;

/**
 * Columns for each field of `kind` found among `headers` by their names, in the given languages (all by default): per
 * field, the first name (in language order) that a still unused header has.
 */
export function guessColumns(kind: ImportKind, headers: string[], languages: readonly Language[] = LANGUAGES): ColumnMapping['columns'] {
  const loose = new Map<string, string>();
  for (const header of headers) if (!loose.has(looseHeader(header))) loose.set(looseHeader(header), header);
  const used = new Set<string>();
  const columns: ColumnMapping['columns'] = {};
  for (const [field, byLanguage] of Object.entries(HEADER_ALIASES[kind]) as [TargetField, Partial<Record<Language, string[]>>][]) {
    const aliases = languages.flatMap((language) => byLanguage[language] ?? []);
    const header = aliases.map((a) => loose.get(a)).find((h) => h !== undefined && !used.has(h));
    if (header) {
      columns[field] = header;
      used.add(header);
    }
  }
  return columns;
}

/** Which languages the guessed columns' names come from ("de" for Kundennummer), for the mapping step to say so. */
export function guessLanguages(kind: ImportKind, columns: ColumnMapping['columns']): Language[] {
  const found = new Set<Language>();
  for (const [field, header] of Object.entries(columns) as [TargetField, string | string[]][]) {
    const byLanguage = HEADER_ALIASES[kind][field] ?? {};
    for (const h of typeof header === 'string' ? [header] : header) {
      const language = LANGUAGES.find((l) => byLanguage[l]?.includes(looseHeader(h)));
      if (language) found.add(language);
    }
  }
  return LANGUAGES.filter((l) => found.has(l));
}

/** The kind whose fields the headers cover best, with that guess: the mapping step's starting point. */
export function suggestMapping(headers: string[]): ColumnMapping {
  let best: ColumnMapping = { kind: 'orders', columns: {} };
  let bestScore = -1;
  for (const kind of Object.keys(HEADER_ALIASES) as ImportKind[]) {
    const columns = guessColumns(kind, headers);
    const required = TARGET_FIELDS[kind].filter((f) => f.required && columns[f.field]).length;
    const score = required * 10 + Object.keys(columns).length;
    if (score > bestScore) {
      best = { kind, columns };
      bestScore = score;
    }
  }
  return best;
}

/** Same key for the same set of columns, whatever their order, case or spacing. */
export function mappingKey(headers: string[]): string {
  const normalized = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean).sort();
  return `map-${stableHash(...normalized)}`;
}

export type MappedRow = Partial<Record<TargetField, string>>;

/** One row (header → cell) read through a mapping: field → trimmed text, first non-empty column wins; the formula guard
 * our own CSV writer adds ("'=…", csvOut.ts) is taken off. */
export function applyMapping(mapping: ColumnMapping, row: Record<string, string>): MappedRow {
  const out: MappedRow = {};
  for (const [field, headers] of Object.entries(mapping.columns) as [TargetField, string | string[] | undefined][]) {
    for (const header of typeof headers === 'string' ? [headers] : (headers ?? [])) {
      const value = row[header]?.trim();
      if (value) {
        out[field] = unguardCell(value);
        break;
      }
    }
  }
  return out;
}

/** The same, compiled against a header row for the hot loop (cells by index). */
export function compileMapping(mapping: ColumnMapping, headers: string[]): (cells: string[]) => MappedRow {
  const index = new Map(headers.map((h, i) => [h, i]));
  const plan: [TargetField, number[]][] = [];
  for (const [field, columns] of Object.entries(mapping.columns) as [TargetField, string | string[] | undefined][]) {
    const indices = (typeof columns === 'string' ? [columns] : (columns ?? [])).map((h) => index.get(h)).filter((i): i is number => i !== undefined);
    if (indices.length) plan.push([field, indices]);
  }
  return (cells) => {
    const out: MappedRow = {};
    for (const [field, indices] of plan) {
      for (const i of indices) {
        const cell = cells[i];
        if (cell) {
          const value = cell.trim();
          if (value) {
            out[field] = unguardCell(value);
            break;
          }
        }
      }
    }
    return out;
  };
}
