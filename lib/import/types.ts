import type { Account, Activity, Contact, CrmId, ImportRecord, Order } from '../model/records';
import type { DecimalMark } from './values';
import type { FileSettings } from '../model/mapping';

/** What one file holds; the same words as ImportRecord.kind. */
export type ImportKind = Exclude<ImportRecord['kind'], 'backup' | 'demo'>;

export type FormatId =
  | 'hubspot-contacts'
  | 'hubspot-companies'
  | 'hubspot-deals'
  | 'salesforce-contacts'
  | 'salesforce-accounts'
  | 'salesforce-opportunities'
  | 'pipedrive-persons'
  | 'pipedrive-organizations'
  | 'pipedrive-deals'
  | 'zoho-contacts'
  | 'zoho-accounts'
  | 'zoho-deals'
  | 'cdnow'
  | 'order-log'
  | 'customer-master'
  | 'activity-log'
  | 'custom';

/** The fields a column can be assigned to (the mapping step offers them per kind: TARGET_FIELDS). */
export type TargetField =
  | 'recordId'
  | 'email'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'title'
  | 'phone'
  | 'owner'
  | 'company'
  | 'companyId'
  | 'website'
  | 'industry'
  | 'employees'
  | 'annualRevenue'
  | 'currency'
  | 'lastActivity'
  | 'createdAt'
  | 'dealName'
  | 'stage'
  | 'won'
  | 'amount'
  | 'closeDate'
  | 'invoiceNo'
  | 'date'
  | 'customerId'
  | 'customerName'
  | 'customerDomain'
  | 'customerEmail'
  | 'vatId'
  | 'product'
  | 'sku'
  | 'quantity'
  | 'unitPrice'
  | 'activityType'
  | 'direction';

/** Which column (by its header in the file) feeds which field. */
export interface ColumnMapping {
  kind: ImportKind;
  /** Several headers for one field: the first non-empty cell wins (Pipedrive: work, then other email). */
  columns: Partial<Record<TargetField, string | string[]>>;
}

export type DateOrder = 'dmy' | 'mdy';

export interface ParseProgress {
  rows: number;
  /** 0..1 of the file read. */
  fraction: number;
}

export interface ParseOptions {
  fileName: string;
  /** Force a format (the user corrected the detection). */
  format?: FormatId;
  /** Column assignment from the mapping step; takes precedence over `format`. */
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
  /** The decimal mark the user chose for number columns whose values never show one ("1.000" only). */
  decimal?: DecimalMark;
  /** The currency the user chose for amounts that carry none (no currency column, no symbol or code). */
  currency?: string;
  /** Answers remembered per layout (mappingKey → settings): used when `currency` / `decimal` are not given. */
  remembered?: Record<string, FileSettings>;
  /**
   * Known accounts by alternative key, so that rows naming a customer number or a CRM company id land on
   * the account already stored: "customer:<customer key>" or "crm:<crm>:<record id>" → account id.
   */
  accountIndex?: Record<string, string>;
  /** Clock for updatedAt (tests pass a fixed date). */
  now: Date;
  onProgress?: (progress: ParseProgress) => void;
  signal?: AbortSignal;
}

export interface RejectedRow {
  /** Line number as a spreadsheet shows it (header = 1). */
  row: number;
  column?: string;
  reason: string;
  raw: Record<string, string>;
}

export interface ImportBatch {
  accounts: Account[];
  contacts: Contact[];
  orders: Order[];
  activities: Activity[];
}

export interface ImportPreview {
  format: FormatId;
  formatLabel: string;
  kind: ImportKind;
  headers: string[];
  rowsRead: number;
  batch: ImportBatch;
  rejected: RejectedRow[];
  /** Day/month order could not be decided from the file: ask the user and parse again with `dateOrder`. */
  needsDateOrder?: { examples: string[] };
  /** The layout's key (same headers, same key): where answers about this file are remembered. */
  mappingKey: string;
  /** Currencies the amounts were read in (from a column, a symbol or code in the values, the format, or the answer). */
  currencies: string[];
  /** Amounts with no currency from the file: ask which one, then parse again with `currency` (not required to import). */
  needsCurrency?: { amounts: number };
  /** The answers this preview was read with, and whether they were remembered from an earlier file. */
  answers?: { currency?: string; decimal?: DecimalMark; remembered: boolean };
  /** Numbers such as "1.000" could be a thousand or one: ask which decimal mark the file uses, then parse again with `decimal`. */
  needsDecimalMark?: { examples: string[]; rows: number };
  /** The headers were not recognized: ask the user to assign columns, then parse again with `mapping`. */
  needsMapping?: {
    mappingKey: string;
    /** Best guess from the header names, for the mapping step to start from. */
    suggestion: ColumnMapping;
    /** The languages whose header names made the guess ("de"), for the mapping step to say what it guessed from. */
    languages: string[];
    /** First rows, to show next to each column. */
    sample: Record<string, string>[];
  };
  warnings: string[];
}

export type CrmSource = CrmId['crm'];
