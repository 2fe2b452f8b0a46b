// The mapping step for files we do not recognize: which fields each kind of record has, a first guess
// from header names, and a stable key so that a mapping saved for one export is offered again next time.
import { stableHash } from './hash';
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

/** Header names (loose) that usually mean a field, per kind; the first matching header wins. */
export const HEADER_ALIASES: Record<ImportKind, Partial<Record<TargetField, string[]>>> = {
  orders: {
    invoiceNo: ['invoiceno', 'invoicenumber', 'invoice', 'invoiceid', 'orderno', 'ordernumber', 'orderid', 'documentno', 'transactionid', 'receiptno'],
    date: ['invoicedate', 'orderdate', 'date', 'transactiondate', 'purchasedate', 'documentdate', 'saledate', 'postingdate'],
    customerId: ['customerid', 'customerno', 'customernumber', 'custid', 'clientid', 'clientno', 'customercode', 'accountnumber', 'debtorno', 'buyerid'],
    customerName: ['customername', 'customer', 'client', 'clientname', 'companyname', 'company', 'accountname', 'account'],
    customerDomain: ['customerdomain', 'domain', 'companydomain', 'customerwebsite', 'website'],
    customerEmail: ['customeremail', 'email', 'buyeremail', 'billingemail'],
    product: ['product', 'productname', 'item', 'itemname', 'description', 'article'],
    sku: ['sku', 'productcode', 'itemcode', 'stockcode', 'articleno', 'productid', 'itemno'],
    quantity: ['quantity', 'qty', 'units', 'numberofcds'],
    amount: ['amount', 'linetotal', 'total', 'netamount', 'totalamount', 'lineamount', 'revenue', 'sales', 'value', 'dollarvalue', 'subtotal'],
    unitPrice: ['unitprice', 'price', 'priceeach'],
    currency: ['currency', 'currencycode', 'ccy'],
  },
  activities: {
    date: ['activitydate', 'date', 'timestamp', 'sentat', 'datetime', 'activitytime'],
    activityType: ['activitytype', 'type', 'activity', 'channel'],
    email: ['contactemail', 'email', 'emailaddress', 'personemail'],
    fullName: ['contactname', 'name', 'personname'],
    direction: ['direction', 'inboundoutbound'],
  },
  contacts: {
    email: ['email', 'emailaddress', 'workemail', 'businessemail', 'mail'],
    firstName: ['firstname', 'givenname', 'forename'],
    lastName: ['lastname', 'surname', 'familyname'],
    fullName: ['name', 'fullname', 'contactname'],
    title: ['jobtitle', 'title', 'position', 'role'],
    phone: ['phone', 'phonenumber', 'mobile', 'telephone'],
    company: ['company', 'companyname', 'organization', 'organisation', 'account', 'accountname'],
    website: ['website', 'companywebsite', 'domain'],
    owner: ['owner', 'contactowner'],
  },
  companies: {
    company: ['companyname', 'company', 'name', 'accountname', 'organization', 'organisation'],
    website: ['website', 'domain', 'companydomain', 'url'],
    industry: ['industry', 'sector'],
    employees: ['employees', 'numberofemployees', 'headcount'],
    annualRevenue: ['annualrevenue', 'revenue'],
    owner: ['owner', 'accountowner', 'companyowner'],
  },
  deals: {
    dealName: ['dealname', 'opportunityname', 'title', 'name'],
    amount: ['amount', 'value', 'dealvalue'],
    closeDate: ['closedate', 'closingdate', 'wondate', 'wontime'],
    stage: ['stage', 'dealstage', 'status'],
    company: ['company', 'companyname', 'accountname', 'organization'],
    currency: ['currency'],
  },
};

/** Columns for each field of `kind` found among `headers` by their names. */
export function guessColumns(kind: ImportKind, headers: string[]): ColumnMapping['columns'] {
  const loose = new Map<string, string>();
  for (const header of headers) if (!loose.has(looseHeader(header))) loose.set(looseHeader(header), header);
  const used = new Set<string>();
  const columns: ColumnMapping['columns'] = {};
  for (const [field, aliases] of Object.entries(HEADER_ALIASES[kind]) as [TargetField, string[]][]) {
    const header = aliases.map((a) => loose.get(a)).find((h) => h !== undefined && !used.has(h));
    if (header) {
      columns[field] = header;
      used.add(header);
    }
  }
  return columns;
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

/** One row (header → cell) read through a mapping: field → trimmed text, first non-empty column wins. */
export function applyMapping(mapping: ColumnMapping, row: Record<string, string>): MappedRow {
  const out: MappedRow = {};
  for (const [field, headers] of Object.entries(mapping.columns) as [TargetField, string | string[] | undefined][]) {
    for (const header of typeof headers === 'string' ? [headers] : (headers ?? [])) {
      const value = row[header]?.trim();
      if (value) {
        out[field] = value;
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
            out[field] = value;
            break;
          }
        }
      }
    }
    return out;
  };
}
