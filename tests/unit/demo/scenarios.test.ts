import { describe, expect, it } from 'vitest';
import { caseSafeSuffix, salesforceAccountId } from '../../../demo/scenarios/expansion';
import { dayNumber, demoTables, distinctOrderDays, domainOf, gaps, median, spendByProduct } from './demoTables';

const TODAYS = ['2025-03-10', '2027-06-01', '2026-01-02', '2028-02-29', '2026-07-15'];
const SETS = [
  { label: 'default options', options: undefined },
  ...TODAYS.map((today, i) => ({ label: `today ${today}`, options: { today, seed: 7 + i * 7919 } })),
];

const MANAGER_OR_ABOVE_OR_FINANCE =
  /\b(ceo|cfo|coo|vp|gm|md)\b|\b(chief|director|owner|founder|president|managing|general manager|head|vice|financ|controller|account|geschäftsführ|inhaber|directeur|directrice|président|gérant|directora|gerente|consejer)/i;

describe.each(SETS)('demo scenarios ($label)', ({ options }) => {
  const tables = demoTables(options);
  const today = dayNumber(tables.data.today);
  const scenario = (id: string) => tables.data.scenarios.find((s) => s.id === id)!;
  const company = (domain: string) => tables.companies.find((row) => row['Company Domain Name'] === domain)!;
  const contactsAt = (domain: string) => tables.contacts.filter((row) => domainOf(row.Email) === domain);
  const emailsWith = (emails: Set<string>) => tables.emails.filter((row) => emails.has(row['Contact Email']));

  it('tells the five stories in order, each with what the sidebar should show', () => {
    expect(tables.data.scenarios.map((s) => s.id)).toEqual(['lapsing', 'single-threaded', 'champion-moved', 'expansion', 'playbook']);
    for (const s of tables.data.scenarios) {
      expect(company(s.accountDomain)['Company name']).toBe(s.accountName);
      expect(s.expect.length).toBeGreaterThan(0);
      const latest = s.gmail!.messages.at(-1)!;
      expect(latest.to).toEqual([tables.data.me]);
      expect(dayNumber(latest.date)).toBe(today);
      const fromDomain = domainOf(latest.from.email);
      expect(fromDomain).toBe(s.id === 'champion-moved' ? 'brightfoods.com' : s.accountDomain);
    }
  });

  it('1: the lapsing manufacturer ordered flavouring every 21–28 days for two years, then went silent for 77 days', () => {
    const s = scenario('lapsing');
    expect(company(s.accountDomain).Industry).toBe('Food Manufacturing');
    const days = distinctOrderDays(tables.orders, s.accountDomain);
    const orderGaps = gaps(days);
    expect(median(orderGaps)).toBe(24);
    expect(Math.min(...orderGaps)).toBeGreaterThanOrEqual(21);
    expect(Math.max(...orderGaps)).toBeLessThanOrEqual(28);
    // 77 days of silence up to the export's as-of date: its newest order, yesterday's (the steady accounts' last orders).
    const newest = Math.max(...tables.orders.map((o) => dayNumber(o['Invoice Date'])));
    expect(newest).toBe(today - 1);
    expect(newest - days.at(-1)!).toBe(77);
    expect(days.at(-1)! - days[0]).toBeGreaterThanOrEqual(700);
    expect(days.at(-1)! - days[0]).toBeLessThanOrEqual(760);
    const lines = tables.orders.filter((row) => row['Customer Domain'] === s.accountDomain);
    expect(lines.every((row) => /flavouring/i.test(row.Product))).toBe(true);
    const yearly = [...spendByProduct(tables.orders, s.accountDomain, today - 365, today).values()].reduce((a, b) => a + b, 0);
    expect(yearly).toBeGreaterThan(40_000);
    expect(yearly).toBeLessThan(42_000);
    const buyer = s.gmail!.messages.at(-1)!;
    expect(contactsAt(s.accountDomain).some((row) => row.Email === buyer.from.email && /buyer/i.test(row['Job Title']))).toBe(true);
    expect(s.crm).toMatchObject({ crm: 'hubspot', objectType: 'contact', email: buyer.from.email });
  });

  it('2: every email this year (31 of 31) went to one purchasing coordinator at the distributor; no executive or finance contact', () => {
    const s = scenario('single-threaded');
    expect(company(s.accountDomain).Industry).toBe('Distribution');
    const contacts = contactsAt(s.accountDomain);
    for (const row of contacts) expect(row['Job Title']).not.toMatch(MANAGER_OR_ABOVE_OR_FINANCE);
    const year = tables.data.today.slice(0, 4);
    const all = emailsWith(new Set(contacts.map((row) => row.Email))).filter((row) => row['Activity Type'] === 'Email');
    const thisYear = all.filter((row) => row['Activity Date'].startsWith(year));
    const last365 = all.filter((row) => dayNumber(row['Activity Date']) > today - 365);
    expect(last365).toHaveLength(31);
    // In January–March the calendar year is too short for 31 emails: "this year" is then the last 365 days.
    if (today - dayNumber(`${year}-01-01`) >= 90) expect(thisYear).toHaveLength(31);
    expect(new Set(all.map((row) => row['Contact Email'])).size).toBe(1);
    const coordinator = contacts.find((row) => row.Email === last365[0]['Contact Email'])!;
    expect(coordinator['Job Title']).toBe('Purchasing Coordinator');
    const days = distinctOrderDays(tables.orders, s.accountDomain);
    expect(Math.max(...gaps(days))).toBeLessThanOrEqual(21);
    expect(today - days.at(-1)!).toBeLessThanOrEqual(21);
    expect(s.gmail!.messages.at(-1)!.body).toContain("just keep doing what you're doing");
  });

  it("3: Joe Park's emails switch from acmeflavors.com to brightfoods.com in March; Bright Foods has no account", () => {
    const s = scenario('champion-moved');
    expect(s.accountDomain).toBe('acmeflavors.com');
    const joeOld = tables.emails.filter((row) => row['Contact Email'] === 'joe.park@acmeflavors.com');
    const joeNew = tables.emails.filter((row) => row['Contact Email'] === 'joe.park@brightfoods.com');
    expect(joeOld.length).toBeGreaterThan(10);
    expect(joeNew.length).toBeGreaterThan(3);
    const lastOld = joeOld.map((row) => row['Activity Date']).sort().at(-1)!;
    const firstNew = joeNew.map((row) => row['Activity Date']).sort()[0];
    expect(lastOld.slice(5, 7)).toBe('03');
    expect(firstNew.slice(5, 7)).toBe('04');
    expect(firstNew.slice(0, 4)).toBe(lastOld.slice(0, 4));
    expect(joeOld.every((row) => row['Contact Name'] === 'Joe Park') && joeNew.every((row) => row['Contact Name'] === 'Joe Park')).toBe(true);
    // The move is in the past: this year once March is well behind, else last year.
    expect(dayNumber(lastOld)).toBeLessThan(today - 30);
    expect(today - dayNumber(lastOld)).toBeLessThan(430);
    // Joe was the main contact: more emails with him than with anyone else at Acme.
    const perContact = new Map<string, number>();
    for (const row of emailsWith(new Set(contactsAt('acmeflavors.com').map((c) => c.Email)))) perContact.set(row['Contact Email'], (perContact.get(row['Contact Email']) ?? 0) + 1);
    expect([...perContact.entries()].sort((a, b) => b[1] - a[1])[0][0]).toBe('joe.park@acmeflavors.com');
    // A customer for 4 years.
    const days = distinctOrderDays(tables.orders, 'acmeflavors.com');
    expect((today - days[0]) / 365.25).toBeGreaterThanOrEqual(4);
    expect((today - days[0]) / 365.25).toBeLessThan(4.5);
    // Bright Foods: no company record, no orders.
    expect(tables.companies.some((row) => /bright foods/i.test(row['Company name']) || row['Company Domain Name'] === 'brightfoods.com')).toBe(false);
    expect(tables.orders.some((row) => row['Customer Domain'] === 'brightfoods.com' || /bright foods/i.test(row['Customer Name']))).toBe(false);
    expect(s.gmail!.messages.at(-1)!.from).toEqual({ email: 'joe.park@brightfoods.com', name: 'Joe Park' });
    expect(s.crm).toMatchObject({ crm: 'hubspot', objectType: 'company', recordId: company('acmeflavors.com')['Record ID'], website: 'acmeflavors.com' });
  });

  it('4: the bakery chain buys only vanilla extract; 70% of its similar-sized peers buy cocoa at about 10× that spend', () => {
    const s = scenario('expansion');
    const crumb = company(s.accountDomain);
    expect(crumb.Industry).toBe('Bakery');
    const crumbLines = tables.orders.filter((row) => row['Customer Domain'] === s.accountDomain);
    expect(new Set(crumbLines.map((row) => row.Product))).toEqual(new Set(['Vanilla extract']));
    const vanilla = spendByProduct(tables.orders, s.accountDomain, today - 365, today).get('Vanilla extract')!;
    const peers = tables.companies.filter((row) => row.Industry === 'Bakery' && row !== crumb);
    expect(peers).toHaveLength(10);
    const size = Number(crumb['Number of Employees']);
    for (const peer of peers) {
      expect(Number(peer['Number of Employees'])).toBeGreaterThanOrEqual(size * 0.65);
      expect(Number(peer['Number of Employees'])).toBeLessThanOrEqual(size * 1.5);
    }
    const spends = peers.map((peer) => spendByProduct(tables.orders, peer['Company Domain Name'], today - 365, today));
    expect(spends.every((spend) => (spend.get('Vanilla extract') ?? 0) > 0)).toBe(true);
    const cocoa = spends.map((spend) => spend.get('Cocoa powder') ?? 0).filter((value) => value > 0);
    expect(cocoa).toHaveLength(7);
    const ratios = cocoa.map((value) => value / vanilla);
    expect(median(ratios)).toBeGreaterThan(9.5);
    expect(median(ratios)).toBeLessThan(10.5);
    expect(Math.min(...ratios)).toBeGreaterThan(7);
    // No other product is bought by as many peers as cocoa (besides vanilla, which Crumb already buys).
    const buyers = new Map<string, number>();
    for (const spend of spends) for (const product of spend.keys()) buyers.set(product, (buyers.get(product) ?? 0) + 1);
    for (const [product, count] of buyers) if (product !== 'Vanilla extract' && product !== 'Cocoa powder') expect(count).toBeLessThan(7);
    expect(s.crm!.crm).toBe('salesforce');
    expect(s.crm!.recordId).toMatch(/^001[A-Za-z0-9]{15}$/);
  });

  it('5: the playbook account is healthy, multi-threaded, and its buyer asks about next quarter', () => {
    const s = scenario('playbook');
    const days = distinctOrderDays(tables.orders, s.accountDomain);
    expect(today - days.at(-1)!).toBeLessThanOrEqual(20);
    expect(Math.max(...gaps(days))).toBeLessThanOrEqual(20);
    const titles = contactsAt(s.accountDomain).map((row) => row['Job Title']);
    expect(titles).toContain('Geschäftsführer');
    expect(titles).toContain('Leiterin Finanzen');
    expect(new Set(emailsWith(new Set(contactsAt(s.accountDomain).map((row) => row.Email))).map((row) => row['Contact Email'])).size).toBeGreaterThanOrEqual(5);
    const latest = s.gmail!.messages.at(-1)!;
    expect(latest.body).toMatch(/next quarter \(Q[1-4] \d{4}\)/);
    expect(latest.body).toContain('reviewing our suppliers');
    // A colleague who joined this month is copied: what "New contact onboarding" would react to if it were enabled.
    const newcomer = contactsAt(s.accountDomain).find((row) => today - dayNumber(row['Create Date']) <= 30)!;
    expect(latest.cc?.map((party) => party.email)).toContain(newcomer.Email);
  });
});

it('computes the Salesforce case-safe suffix the way Salesforce does', () => {
  // Worked example from Salesforce's LongSFID docs: 0036000000QKv5T → 0036000000QKv5TAAT.
  expect(caseSafeSuffix('0036000000QKv5T')).toBe('AAT');
  const id = salesforceAccountId('any');
  expect(id.slice(15)).toBe(caseSafeSuffix(id.slice(0, 15)));
});
