// The exports we recognize by their headers. Each header set names the documentation it follows; the
// user confirms the detection in the options page. Signatures match header text exactly (HubSpot writes
// "Record ID", Zoho "Record Id"); the other columns are optional, because every CRM lets the user choose
// which columns an export view contains.
import { guessColumns, looseHeader } from './mapping';
import type { ColumnMapping, CrmSource, FormatId, ImportKind, TargetField } from './types';

export interface FormatSpec {
  id: FormatId;
  label: string;
  kind: ImportKind;
  /** Which system the record ids belong to (CrmId.crm). */
  crm: CrmSource;
  /** Headers that must all be present (exact text, after trimming). */
  signature: string[];
  columns: Partial<Record<TargetField, string | string[]>>;
  /** Currency of amounts when the file does not say. */
  currency?: string;
}

export const FORMATS: FormatSpec[] = [
  // HubSpot "Export records" (Contacts / Companies / Deals index → Export, CSV): column headers are the
  // property labels. https://knowledge.hubspot.com/import-and-export/export-records and
  // https://developers.hubspot.com/docs/api/crm/exports ; default properties:
  // https://knowledge.hubspot.com/properties/hubspots-default-contact-properties
  {
    id: 'hubspot-contacts',
    label: 'HubSpot contacts export',
    kind: 'contacts',
    crm: 'hubspot',
    signature: ['Record ID', 'Email'],
    columns: {
      recordId: 'Record ID', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: ['Phone Number', 'Mobile Phone Number'],
      title: 'Job Title', owner: 'Contact owner', company: ['Associated Company', 'Company Name'], companyId: 'Primary Associated Company ID',
      website: 'Website URL', lastActivity: 'Last Activity Date', createdAt: 'Create Date',
    },
  },
  {
    id: 'hubspot-companies',
    label: 'HubSpot companies export',
    kind: 'companies',
    crm: 'hubspot',
    signature: ['Record ID', 'Company name'],
    columns: {
      recordId: 'Record ID', company: 'Company name', website: ['Company Domain Name', 'Website URL'], industry: 'Industry',
      employees: 'Number of Employees', annualRevenue: 'Annual Revenue', owner: 'Company owner', createdAt: 'Create Date',
    },
  },
  {
    id: 'hubspot-deals',
    label: 'HubSpot deals export',
    kind: 'deals',
    crm: 'hubspot',
    signature: ['Record ID', 'Deal Name'],
    columns: {
      recordId: 'Record ID', dealName: 'Deal Name', stage: 'Deal Stage', amount: 'Amount', closeDate: 'Close Date',
      company: ['Associated Company', 'Associated Company (Primary)'], companyId: ['Associated Company IDs', 'Associated Company IDs (Primary)'],
      currency: 'Currency', owner: 'Deal owner',
    },
  },
  // Salesforce Data Loader / Data Export write API field names. Field reference:
  // https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-contact.html
  // .../salesforce-field-reference-account.html, .../salesforce-field-reference-opportunity.html
  {
    id: 'salesforce-contacts',
    label: 'Salesforce contacts (Data Loader)',
    kind: 'contacts',
    crm: 'salesforce',
    signature: ['Id', 'Email', 'LastName'],
    columns: {
      recordId: 'Id', companyId: 'AccountId', firstName: 'FirstName', lastName: 'LastName', fullName: 'Name', email: 'Email', title: 'Title',
      phone: ['Phone', 'MobilePhone'], owner: 'OwnerId', createdAt: 'CreatedDate', lastActivity: 'LastActivityDate',
    },
  },
  {
    id: 'salesforce-accounts',
    label: 'Salesforce accounts (Data Loader)',
    kind: 'companies',
    crm: 'salesforce',
    signature: ['Id', 'Name'],
    columns: {
      recordId: 'Id', company: 'Name', website: 'Website', industry: 'Industry', employees: 'NumberOfEmployees', annualRevenue: 'AnnualRevenue',
      currency: 'CurrencyIsoCode', owner: 'OwnerId', createdAt: 'CreatedDate', customerId: 'AccountNumber',
    },
  },
  {
    id: 'salesforce-opportunities',
    label: 'Salesforce opportunities (Data Loader)',
    kind: 'deals',
    crm: 'salesforce',
    signature: ['Id', 'StageName'],
    columns: {
      recordId: 'Id', companyId: 'AccountId', dealName: 'Name', amount: 'Amount', closeDate: 'CloseDate', stage: 'StageName', won: 'IsWon',
      currency: 'CurrencyIsoCode', owner: 'OwnerId',
    },
  },
  // Pipedrive "Export data" (Settings → Export data, or list view → Export): headers are
  // "<Entity> - <Field label>". https://support.pipedrive.com/en/article/how-can-i-export-my-data
  {
    id: 'pipedrive-persons',
    label: 'Pipedrive people export',
    kind: 'contacts',
    crm: 'pipedrive',
    signature: ['Person - Name'],
    columns: {
      recordId: 'Person - ID', fullName: 'Person - Name', firstName: 'Person - First name', lastName: 'Person - Last name',
      email: ['Person - Email - Work', 'Person - Email', 'Person - Email - Other', 'Person - Email - Home'],
      phone: ['Person - Phone - Work', 'Person - Phone', 'Person - Phone - Mobile'], company: 'Person - Organization',
      companyId: 'Person - Organization ID', title: 'Person - Job title', owner: 'Person - Owner', createdAt: 'Person - Person created',
      lastActivity: 'Person - Last activity date',
    },
  },
  {
    id: 'pipedrive-organizations',
    label: 'Pipedrive organizations export',
    kind: 'companies',
    crm: 'pipedrive',
    signature: ['Organization - Name'],
    columns: {
      recordId: 'Organization - ID', company: 'Organization - Name', website: 'Organization - Website', industry: 'Organization - Industry',
      employees: 'Organization - Number of employees', annualRevenue: 'Organization - Annual revenue', owner: 'Organization - Owner',
      createdAt: 'Organization - Organization created',
    },
  },
  {
    id: 'pipedrive-deals',
    label: 'Pipedrive deals export',
    kind: 'deals',
    crm: 'pipedrive',
    signature: ['Deal - Title'],
    columns: {
      recordId: 'Deal - ID', dealName: 'Deal - Title', amount: 'Deal - Value', currency: 'Deal - Currency', stage: 'Deal - Status',
      closeDate: ['Deal - Won time', 'Deal - Deal closed on', 'Deal - Expected close date'], company: 'Deal - Organization',
      companyId: 'Deal - Organization ID', owner: 'Deal - Owner',
    },
  },
  // Zoho CRM "Export" (Setup → Data Administration → Export, CSV): field labels; a lookup adds its id as
  // "<Lookup>.id" (https://www.zoho.com/crm/developer/docs/api/bulk-write/limitations.html,
  // https://help.zoho.com/portal/en/kb/crm/data-administration/export-data/articles/export-data).
  {
    id: 'zoho-contacts',
    label: 'Zoho CRM contacts export',
    kind: 'contacts',
    crm: 'zoho',
    signature: ['Record Id', 'Email', 'Last Name'],
    columns: {
      recordId: 'Record Id', firstName: 'First Name', lastName: 'Last Name', company: 'Account Name', companyId: 'Account Name.id', email: 'Email',
      title: 'Title', phone: ['Phone', 'Mobile'], owner: 'Contact Owner', createdAt: 'Created Time', lastActivity: 'Last Activity Time',
    },
  },
  {
    id: 'zoho-accounts',
    label: 'Zoho CRM accounts export',
    kind: 'companies',
    crm: 'zoho',
    signature: ['Record Id', 'Account Name'],
    columns: {
      recordId: 'Record Id', company: 'Account Name', website: 'Website', industry: 'Industry', employees: 'Employees', annualRevenue: 'Annual Revenue',
      owner: 'Account Owner', createdAt: 'Created Time', customerId: 'Account Number',
    },
  },
  {
    id: 'zoho-deals',
    label: 'Zoho CRM deals export',
    kind: 'deals',
    crm: 'zoho',
    signature: ['Record Id', 'Deal Name'],
    columns: {
      recordId: 'Record Id', dealName: 'Deal Name', stage: 'Stage', amount: 'Amount', closeDate: 'Closing Date', company: 'Account Name',
      companyId: 'Account Name.id', owner: 'Deal Owner',
    },
  },
  // CDNOW master log (Fader & Hardie, http://www.brucehardie.com/datasets/): whitespace-separated
  // "customer_id date number_of_cds dollar_value", dates yyyymmdd, amounts in US dollars.
  {
    id: 'cdnow',
    label: 'CDNOW purchase log',
    kind: 'orders',
    crm: 'erp',
    signature: ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
    columns: { customerId: 'customer_id', date: 'date', quantity: 'number_of_cds', amount: 'dollar_value' },
    currency: 'USD',
  },
];

/**
 * An ERP's or accounting tool's customer master ("Debitoren", "Kundenstamm", customer list): one row per customer with
 * its customer number and name, and an email, a website or a VAT id that tie the number to the CRM's accounts.
 * Recognized by what the columns mean, since every tool names them its own way. Header conventions:
 * - DATEV "Debitoren/Kreditoren" master data (EXTF_Stammdaten-Deb-Kred.csv): "Konto", "Name (Adressattyp Unternehmen)",
 *   "EU-UStID" (also "EU-Ust-IdNr."), "E-Mail", "Internet" (https://docu.billwerk.plus/help/transform_en/en/activities-and-data-exports/activities/debitor-export.html,
 *   https://handbuch.conaktiv.de/wiki/version-17/buchhaltungsmodule/buchhaltung-in-conaktiv/nutzung-der-datev-schnittstelle-2017/datev-debitorenkreditoren-stammdaten-datei-extf-stammdaten-deb-kred-csv/);
 * - Xero contacts export: "ContactName", "AccountNumber", "EmailAddress", "TaxNumber", "Website"
 *   (https://help.xero.com/nz/ContactsAccountNumber, https://help.xero.com/us/Contacts-Import-Existing);
 * - a German "Kundenstamm" as lexoffice, sevDesk or a spreadsheet writes it: "Kundennummer", "Firma"/"Firmenname",
 *   "E-Mail", "Webseite", "USt-IdNr."; and the English "Customer No.", "Customer Name", "Email", "Website", "VAT No.".
 */
const MASTER_ALIASES: Partial<Record<TargetField, string[]>> = {
  customerId: ['kundennummer', 'kundennr', 'kdnr', 'debitor', 'debitorennummer', 'debitorennr', 'debitorenkonto', 'konto', 'accountnumber', 'customerno', 'customernumber', 'customerid', 'custno', 'klantnummer', 'numeroclient', 'nclient', 'codicecliente', 'numerocliente'],
  company: ['nameadressattypunternehmen', 'nameadressatentypunternehmen', 'firmenname', 'firma', 'kundenname', 'name1', 'name', 'contactname', 'customername', 'companyname', 'company', 'kunde'],
  email: ['email', 'emailadresse', 'emailaddress', 'mail'],
  website: ['internet', 'webseite', 'website', 'homepage', 'url', 'www'],
  vatId: ['euustid', 'euustidnr', 'ustidnr', 'ustid', 'ustidnummer', 'umsatzsteuerid', 'vatnumber', 'vatno', 'vatid', 'vatregistrationnumber', 'taxnumber', 'btwnummer', 'partitaiva', 'numerotva', 'nif'],
  industry: ['branche', 'industry', 'unternehmensgegenstand'],
};

export function detectCustomerMaster(headers: string[]): DetectedFormat | undefined {
  const loose = new Map<string, string>();
  for (const header of headers) if (!loose.has(looseHeader(header))) loose.set(looseHeader(header), header);
  const columns: ColumnMapping['columns'] = {};
  for (const [field, aliases] of Object.entries(MASTER_ALIASES) as [TargetField, string[]][]) {
    const header = aliases.map((a) => loose.get(a)).find((h) => h !== undefined && !Object.values(columns).includes(h));
    if (header) columns[field] = header;
  }
  // A log of invoices has dates and amounts; a master has neither.
  const log = guessColumns('orders', headers);
  if (!columns.customerId || !columns.company || !(columns.email || columns.website || columns.vatId) || log.date || log.amount) return undefined;
  return { id: 'customer-master', label: GENERIC_LABELS['customer-master'], kind: 'companies', crm: 'erp', mapping: { kind: 'companies', columns } };
}

export const CDNOW_HEADERS = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];

export const GENERIC_LABELS: Record<'order-log' | 'activity-log' | 'customer-master' | 'custom', string> = {
  'order-log': 'Order / invoice log',
  'customer-master': 'Customer master (ERP)',
  'activity-log': 'Activity log',
  custom: 'Custom columns',
};

export interface DetectedFormat {
  id: FormatId;
  label: string;
  kind: ImportKind;
  crm: CrmSource;
  mapping: ColumnMapping;
  currency?: string;
}

function resolveColumns(spec: FormatSpec, headers: string[]): ColumnMapping['columns'] {
  const byLoose = new Map(headers.map((h) => [looseHeader(h), h]));
  const columns: ColumnMapping['columns'] = {};
  for (const [field, names] of Object.entries(spec.columns) as [TargetField, string | string[]][]) {
    const present = (typeof names === 'string' ? [names] : names).map((n) => byLoose.get(looseHeader(n))).filter((h): h is string => !!h);
    if (present.length) columns[field] = present.length === 1 ? present[0] : present;
  }
  return columns;
}

export function formatSpec(id: FormatId): FormatSpec | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function detectedFromSpec(spec: FormatSpec, headers: string[]): DetectedFormat {
  return { id: spec.id, label: spec.label, kind: spec.kind, crm: spec.crm, currency: spec.currency, mapping: { kind: spec.kind, columns: resolveColumns(spec, headers) } };
}

/**
 * Generic logs, recognized by what their columns mean rather than by a vendor's exact names: from English header
 * names only; a guess from another language's names pre-fills the mapping step instead (#14: the user confirms it).
 */
export function detectGeneric(headers: string[], only?: 'order-log' | 'activity-log'): DetectedFormat | undefined {
  if (only !== 'activity-log') {
    const columns = guessColumns('orders', headers, ['en']);
    const customer = columns.customerId || columns.customerName || columns.customerDomain || columns.customerEmail;
    if (columns.date && (columns.amount || columns.unitPrice) && customer) {
      return { id: 'order-log', label: GENERIC_LABELS['order-log'], kind: 'orders', crm: 'erp', mapping: { kind: 'orders', columns } };
    }
  }
  if (only !== 'order-log') {
    const columns = guessColumns('activities', headers, ['en']);
    if (columns.date && columns.email && columns.activityType) {
      return { id: 'activity-log', label: GENERIC_LABELS['activity-log'], kind: 'activities', crm: 'other', mapping: { kind: 'activities', columns } };
    }
  }
  return undefined;
}

/**
 * Which export this is, from its header row; undefined when nothing fits (→ mapping step). Among formats
 * whose signature is present, the one that recognizes the most columns wins.
 */
export function detectFormat(headers: string[]): DetectedFormat | undefined {
  const exact = new Set(headers.map((h) => h.trim()));
  let best: FormatSpec | undefined;
  let bestScore = 0;
  for (const spec of FORMATS) {
    if (!spec.signature.every((h) => exact.has(h))) continue;
    const score = Object.keys(resolveColumns(spec, headers)).length;
    if (score > bestScore) {
      best = spec;
      bestScore = score;
    }
  }
  return best ? detectedFromSpec(best, headers) : (detectCustomerMaster(headers) ?? detectGeneric(headers));
}
