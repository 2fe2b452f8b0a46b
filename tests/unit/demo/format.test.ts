import { describe, expect, it } from 'vitest';
import { DemoData, generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY, fixedDemoData } from '../../support/demoDay';
import { normalizeEmail } from '../../../lib/model/identity';
import { dayNumber, demoTables, domainOf } from './demoTables';

const tables = demoTables();
const today = dayNumber(tables.data.today);

describe('demo data: determinism', () => {
  it('gives byte-identical files for the same options', () => {
    expect(fixedDemoData()).toEqual(fixedDemoData());
    expect(JSON.stringify(generateDemoData({ today: '2025-06-15', seed: 42 }))).toBe(JSON.stringify(generateDemoData({ today: '2025-06-15', seed: 42 })));
  });

  it('is told as of the day it is given (never the clock), and varies with the seed', () => {
    expect(tables.data.today).toBe(FIXED_DEMO_DAY);
    expect(() => generateDemoData({ today: 'yesterday' })).toThrow(/yyyy-mm-dd/);
    const other = fixedDemoData(7);
    expect(other.files.find((f) => f.name === 'orders.csv')!.text).not.toBe(tables.data.files.find((f) => f.name === 'orders.csv')!.text);
  });

  it('matches its own schema and names the rep at a non-routable domain', () => {
    expect(DemoData.parse(tables.data)).toEqual(tables.data);
    expect(tables.data.me).toEqual({ email: 'sam.rivera@keepaccount-demo.example', name: 'Sam Rivera' });
  });
});

describe('demo data: file formats', () => {
  it('writes the four files with exactly the contract headers', () => {
    expect(tables.data.files.map((file) => file.name)).toEqual(['companies.csv', 'contacts.csv', 'orders.csv', 'emails.csv']);
    expect(tables.headers['companies.csv']).toEqual(['Record ID', 'Company name', 'Company Domain Name', 'Industry', 'Number of Employees', 'Annual Revenue', 'City', 'Country/Region', 'Company owner', 'Create Date']);
    expect(tables.headers['contacts.csv']).toEqual(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Contact owner', 'Associated Company', 'Primary Associated Company ID', 'Last Activity Date', 'Lead Status', 'Create Date']);
    expect(tables.headers['orders.csv']).toEqual(['Invoice No', 'Invoice Date', 'Customer ID', 'Customer Name', 'Customer Domain', 'Product', 'SKU', 'Quantity', 'Amount', 'Currency']);
    expect(tables.headers['emails.csv']).toEqual(['Activity Date', 'Activity Type', 'Contact Email', 'Contact Name', 'Direction']);
    for (const file of tables.data.files) expect(file.text.split('\r\n')[0]).not.toContain('"');
  });

  it('quotes fields that contain commas so that they survive a round trip', () => {
    const contacts = tables.data.files.find((f) => f.name === 'contacts.csv')!.text;
    expect(contacts).toContain('"Category Buyer, Ingredients"');
    expect(tables.contacts.some((row) => row['Job Title'] === 'Category Buyer, Ingredients')).toBe(true);
  });

  it('uses HubSpot date-times, ISO invoice dates, two-decimal EUR amounts, and nothing after today', () => {
    const hubspot = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
    for (const row of tables.companies) expect(row['Create Date']).toMatch(hubspot);
    for (const row of tables.contacts) {
      expect(row['Create Date']).toMatch(hubspot);
      if (row['Last Activity Date']) expect(row['Last Activity Date']).toMatch(hubspot);
    }
    for (const row of tables.orders) {
      expect(row['Invoice Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.Amount).toMatch(/^\d+\.\d{2}$/);
      expect(Number(row.Amount)).toBeGreaterThan(0);
      expect(Number.isInteger(Number(row.Quantity))).toBe(true);
      expect(row.Currency).toBe('EUR');
      expect(dayNumber(row['Invoice Date'])).toBeLessThanOrEqual(today);
    }
    for (const row of tables.emails) {
      expect(row['Activity Date']).toMatch(hubspot);
      expect(['Email', 'Meeting', 'Call']).toContain(row['Activity Type']);
      expect(['Inbound', 'Outbound']).toContain(row.Direction);
      expect(dayNumber(row['Activity Date'])).toBeLessThanOrEqual(today);
    }
  });

  it('stays small enough to import in about a second', () => {
    expect(tables.orders.length).toBeLessThanOrEqual(8_000);
    expect(tables.emails.length).toBeLessThanOrEqual(4_000);
    expect(tables.orders.length).toBeGreaterThan(2_000);
    expect(tables.emails.length).toBeGreaterThan(1_000);
    expect(tables.companies.length).toBeGreaterThanOrEqual(60);
    expect(tables.companies.length).toBeLessThanOrEqual(75);
  });
});

describe('demo data: records refer to each other', () => {
  const companyDomains = new Set(tables.companies.map((row) => row['Company Domain Name']));
  const companyIds = new Set(tables.companies.map((row) => row['Record ID']));

  it('has unique record ids, domains, customer ids and contact emails', () => {
    expect(companyIds.size).toBe(tables.companies.length);
    expect(companyDomains.size).toBe(tables.companies.length);
    expect(new Set(tables.contacts.map((row) => row['Record ID'])).size).toBe(tables.contacts.length);
    expect(new Set(tables.contacts.map((row) => row.Email)).size).toBe(tables.contacts.length);
    const customerOfDomain = new Map<string, string>();
    for (const row of tables.orders) {
      expect(customerOfDomain.get(row['Customer Domain']) ?? row['Customer ID']).toBe(row['Customer ID']);
      customerOfDomain.set(row['Customer Domain'], row['Customer ID']);
    }
  });

  it("puts every contact at a company in companies.csv, except Bright Foods", () => {
    for (const row of tables.contacts) {
      expect(normalizeEmail(row.Email)).toBe(row.Email);
      const domain = domainOf(row.Email);
      if (domain === 'brightfoods.com') {
        expect(row['Associated Company']).toBe('Bright Foods');
        expect(row['Primary Associated Company ID']).toBe('');
        continue;
      }
      expect(companyDomains.has(domain), row.Email).toBe(true);
      expect(companyIds.has(row['Primary Associated Company ID'])).toBe(true);
    }
  });

  it('gives every company 2–8 contacts and orders, and logs activity only with known contacts', () => {
    const contactsPerDomain = new Map<string, number>();
    for (const row of tables.contacts) contactsPerDomain.set(domainOf(row.Email), (contactsPerDomain.get(domainOf(row.Email)) ?? 0) + 1);
    const orderDomains = new Set(tables.orders.map((row) => row['Customer Domain']));
    for (const domain of companyDomains) {
      expect(contactsPerDomain.get(domain) ?? 0, domain).toBeGreaterThanOrEqual(2);
      expect(contactsPerDomain.get(domain) ?? 0, domain).toBeLessThanOrEqual(8);
      expect(orderDomains.has(domain), domain).toBe(true);
    }
    for (const domain of orderDomains) expect(companyDomains.has(domain)).toBe(true);
    const contactEmails = new Set(tables.contacts.map((row) => row.Email));
    for (const row of tables.emails) expect(contactEmails.has(row['Contact Email'])).toBe(true);
  });

  it('has no two identical activity rows (an importer that hashes rows keeps them all)', () => {
    const keys = tables.emails.map((row) => Object.values(row).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('mixes industries, cadences and title languages', () => {
    const industries = new Set(tables.companies.map((row) => row.Industry));
    expect([...industries].sort()).toEqual(['Bakery', 'Beverages', 'Confectionery', 'Dairy', 'Distribution', 'Food Manufacturing', 'Snacks']);
    const titles = tables.contacts.map((row) => row['Job Title']);
    for (const local of [/Geschäftsführer|Einkaufsleiter|Leiter/, /Directeur|Directrice|Responsable/, /Jefe|Jefa|Director general|Directora/]) {
      expect(titles.some((title) => local.test(title))).toBe(true);
    }
  });
});
