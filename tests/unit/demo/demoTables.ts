// Parses the generated demo files back into rows, the way an importer would see them.

import Papa from 'papaparse';
import { generateDemoData, type DemoData, type DemoOptions } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';

export type Row = Record<string, string>;

export interface DemoTables {
  data: DemoData;
  headers: Record<string, string[]>;
  companies: Row[];
  contacts: Row[];
  orders: Row[];
  emails: Row[];
}

export function demoTables(options: Partial<DemoOptions> = {}): DemoTables {
  const data = generateDemoData({ today: FIXED_DEMO_DAY, ...options });
  const headers: Record<string, string[]> = {};
  const parsed: Record<string, Row[]> = {};
  for (const file of data.files) {
    const result = Papa.parse<Row>(file.text, { header: true, skipEmptyLines: true });
    if (result.errors.length > 0) throw new Error(`${file.name}: ${result.errors[0].message}`);
    headers[file.name] = result.meta.fields ?? [];
    parsed[file.name] = result.data;
  }
  return {
    data,
    headers,
    companies: parsed['companies.csv'],
    contacts: parsed['contacts.csv'],
    orders: parsed['orders.csv'],
    emails: parsed['emails.csv'],
  };
}

const MS_PER_DAY = 86_400_000;

/** Whole UTC days since 1970 for "yyyy-mm-dd" or "yyyy-mm-dd HH:mm". */
export function dayNumber(text: string): number {
  return Math.round(Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

export function domainOf(email: string): string {
  return email.slice(email.indexOf('@') + 1).toLowerCase();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function distinctOrderDays(orders: Row[], domain: string): number[] {
  return [...new Set(orders.filter((row) => row['Customer Domain'] === domain).map((row) => dayNumber(row['Invoice Date'])))].sort((a, b) => a - b);
}

export function gaps(days: number[]): number[] {
  return days.slice(1).map((day, i) => day - days[i]);
}

/** Spend in (from, to] by product for one customer domain. */
export function spendByProduct(orders: Row[], domain: string, from: number, to: number): Map<string, number> {
  const spend = new Map<string, number>();
  for (const row of orders) {
    const day = dayNumber(row['Invoice Date']);
    if (row['Customer Domain'] !== domain || day <= from || day > to) continue;
    spend.set(row.Product, (spend.get(row.Product) ?? 0) + Number(row.Amount));
  }
  return spend;
}
