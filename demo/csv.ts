// The demo world written as the four CSV files of the shared import contract (briefs: "The demo CSV formats"),
// written by the extension's one CSV writer (lib/import/csvOut.ts: RFC 4180 quoting, formulas neutralized).

import { toCsv } from '../lib/import/csvOut';
import { hubspotDateTime, isoOf, yearOf } from './calendar';
import type { DemoFile } from './types';
import type { DemoLine, DemoTouch, DemoWorld } from './world';

/** HubSpot companies export (https://knowledge.hubspot.com/import-and-export/export-records). */
export const COMPANY_HEADERS = ['Record ID', 'Company name', 'Company Domain Name', 'Industry', 'Number of Employees', 'Annual Revenue', 'City', 'Country/Region', 'Company owner', 'Create Date'];
/** HubSpot contacts export (same source). */
export const CONTACT_HEADERS = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Contact owner', 'Associated Company', 'Primary Associated Company ID', 'Last Activity Date', 'Lead Status', 'Create Date'];
/** A generic ERP invoice-lines log: ISO dates, amounts with 2 decimals, EUR. */
export const ORDER_HEADERS = ['Invoice No', 'Invoice Date', 'Customer ID', 'Customer Name', 'Customer Domain', 'Product', 'SKU', 'Quantity', 'Amount', 'Currency'];
/** A generic CRM activity log: Activity Type is Email | Meeting | Call, Direction is Inbound | Outbound. */
export const EMAIL_HEADERS = ['Activity Date', 'Activity Type', 'Contact Email', 'Contact Name', 'Direction'];

function csv(fields: string[], rows: (string | number)[][]): string {
  return toCsv([fields, ...rows], { bom: false, finalNewline: false });
}

const byNumber = (a: number, b: number): number => a - b;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Moves a touch on by a minute while another one would make an identical row, so that no two rows are equal. */
function distinctTouches(touches: DemoTouch[]): DemoTouch[] {
  const sorted = [...touches].sort((a, b) => byNumber(a.day, b.day) || byNumber(a.minute, b.minute) || byText(a.person.email, b.person.email));
  const seen = new Set<string>();
  for (const touch of sorted) {
    const key = (): string => `${touch.day}|${touch.minute}|${touch.person.email}|${touch.type}|${touch.direction}`;
    while (seen.has(key())) touch.minute += 1;
    seen.add(key());
  }
  return sorted.sort((a, b) => byNumber(a.day, b.day) || byNumber(a.minute, b.minute) || byText(a.person.email, b.person.email));
}

function companiesCsv(world: DemoWorld): string {
  const companies = [...world.companies].sort((a, b) => byNumber(a.createdDay, b.createdDay) || byText(a.recordId, b.recordId));
  return csv(
    COMPANY_HEADERS,
    companies.map((c) => [c.recordId, c.name, c.domain, c.industry, c.employees, c.annualRevenue, c.city, c.country.name, c.owner, hubspotDateTime(c.createdDay, c.createdMinute)]),
  );
}

function contactsCsv(world: DemoWorld, touches: DemoTouch[]): string {
  const lastTouch = new Map<string, DemoTouch>();
  for (const touch of touches) lastTouch.set(touch.person.email, touch); // touches are in time order
  const people = [...world.people].sort((a, b) => byNumber(a.createdDay, b.createdDay) || byText(a.recordId, b.recordId));
  return csv(
    CONTACT_HEADERS,
    people.map((p) => {
      const last = lastTouch.get(p.email);
      return [
        p.recordId, p.firstName, p.lastName, p.email, p.phone, p.title, p.owner, p.companyName, p.company?.recordId ?? '',
        last ? hubspotDateTime(last.day, last.minute) : '', p.leadStatus, hubspotDateTime(p.createdDay, p.createdMinute),
      ];
    }),
  );
}

function ordersCsv(world: DemoWorld): string {
  const lines = world.lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => byNumber(a.line.day, b.line.day) || byText(a.line.company.customerId, b.line.company.customerId) || byNumber(a.index, b.index));
  const invoiceOf = new Map<string, string>();
  const nextNumber = new Map<number, number>();
  const invoiceFor = (line: DemoLine): string => {
    const key = `${line.company.customerId}|${line.day}`;
    let invoice = invoiceOf.get(key);
    if (!invoice) {
      const year = yearOf(line.day);
      const number = (nextNumber.get(year) ?? 10001);
      nextNumber.set(year, number + 1);
      invoice = `INV-${year}-${number}`;
      invoiceOf.set(key, invoice);
    }
    return invoice;
  };
  return csv(
    ORDER_HEADERS,
    lines.map(({ line }) => [
      invoiceFor(line), isoOf(line.day), line.company.customerId, line.company.legalName, line.company.domain,
      line.product.name, line.product.sku, line.quantity, line.amount.toFixed(2), 'EUR',
    ]),
  );
}

function emailsCsv(touches: DemoTouch[]): string {
  return csv(
    EMAIL_HEADERS,
    touches.map((t) => [hubspotDateTime(t.day, t.minute), t.type, t.person.email, `${t.person.firstName} ${t.person.lastName}`, t.direction]),
  );
}

export function demoFiles(world: DemoWorld): DemoFile[] {
  const touches = distinctTouches(world.touches);
  return [
    { name: 'companies.csv', text: companiesCsv(world) },
    { name: 'contacts.csv', text: contactsCsv(world, touches) },
    { name: 'orders.csv', text: ordersCsv(world) },
    { name: 'emails.csv', text: emailsCsv(touches) },
  ];
}
