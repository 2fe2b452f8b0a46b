// The options page's account views over the demo data, imported the way the extension imports it: the four demo
// CSVs parsed by lib/import, committed with commitImport, scored with rescoreAll, then read back with loadBook.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../demo';
import { riskWords } from '../../../lib/words/risk';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { importRecordOf, parseImportFile } from '../../../lib/import';
import { openKeepAccountDb } from '../../../lib/db/schema';
import { commitImport } from '../../../lib/service/importCommit';
import { rescoreAll } from '../../../lib/service/rescore';
import {
  accountChoices,
  accountView,
  loadBook,
  recordsByAccount,
  searchAccounts,
  singleThreadedAccounts,
  type Book,
} from '../../../lib/service/accountViews';

const data = generateDemoData({ today: FIXED_DEMO_DAY });
const today = data.today;
const scenario = (id: string) => data.scenarios.find((s) => s.id === id)!;
let book: Book;

beforeAll(async () => {
  const db = await openKeepAccountDb({ name: 'account-views-demo' });
  const importedAt = new Date(`${today}T09:00:00Z`);
  for (const file of data.files) {
    const preview = await parseImportFile(file.text, { fileName: file.name, now: importedAt });
    expect(preview.rejected, file.name).toHaveLength(0);
    await commitImport(db, preview.batch, importRecordOf(preview, file.name, importedAt));
  }
  await rescoreAll(db, new Date(`${today}T12:00:00Z`));
  book = await loadBook(db);
  db.close();
});

describe('single-threaded accounts (team view)', () => {
  it('lists Harbour Lane Distributors with the reason in words and its value', () => {
    const rows = singleThreadedAccounts(book, { today });
    const harbour = rows.find((r) => r.accountId === scenario('single-threaded').accountDomain);
    expect(harbour).toBeDefined();
    expect(harbour!.reason).toBe('31 of 31 emails this year went to Liam Porter');
    expect(harbour!.person).toMatchObject({ name: 'Liam Porter', title: 'Purchasing Coordinator' });
    expect(harbour!.touches).toBe(31);
    expect(harbour!.total).toBe(31);
    expect(harbour!.annualValue).toBeGreaterThan(30_000);
    expect(harbour!.alsoMissing).toEqual(expect.arrayContaining(['no economic buyer (owner / GM / CFO)', 'no contact above manager level']));
    expect(harbour!.why).toContain('Liam Porter');
  });

  it('holds the ordinary single-threaded accounts too, and not the multi-threaded scenario accounts', () => {
    const rows = singleThreadedAccounts(book, { today });
    const names = rows.map((r) => r.name);
    expect(rows.length).toBeGreaterThanOrEqual(6); // Harbour Lane + the 5 single-threaded ordinary accounts
    expect(names).not.toContain(scenario('playbook').accountName);
    for (const row of rows) expect(row.reason).toMatch(/^\d+ of \d+ (emails|emails, calls and meetings) this year went to \S/);
  });

  it('ranks by annual value, or by value at risk on request; unscored accounts last', () => {
    const byValue = singleThreadedAccounts(book, { today });
    const values = byValue.map((r) => r.annualValue ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const byRisk = singleThreadedAccounts(book, { today, sort: 'value-at-risk' });
    const risks = byRisk.map((r) => r.valueAtRisk ?? -1);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(new Set(byRisk.map((r) => r.accountId))).toEqual(new Set(byValue.map((r) => r.accountId)));
  });
});

describe('one account (Accounts view)', () => {
  it('scenario 2: Liam Porter under user and champion; the economic buyer and finance missing, with why', () => {
    const id = scenario('single-threaded').accountDomain;
    const view = accountView(book, id, { today })!;
    expect(view.account.name).toMatch(/^Harbour Lane Distributors/);
    const group = (role: string) => view.groups.find((g) => g.role === role)!;
    expect(view.groups.map((g) => g.role)).toEqual(['economic-buyer', 'finance', 'technical', 'user', 'champion']);
    expect(group('champion').people.map((p) => p.name)).toEqual(['Liam Porter']);
    expect(group('user').people.map((p) => p.name)).toEqual(expect.arrayContaining(['Liam Porter', 'Karen Doyle', 'Nathan Cole']));
    expect(group('economic-buyer').people).toEqual([]);
    expect(group('economic-buyer').gap?.text).toBe('no economic buyer (owner / GM / CFO)');
    expect(group('economic-buyer').gap?.why).toContain('Harbour Lane Distributors');
    expect(group('finance').gap?.text).toBe('finance: never contacted');
    const liam = group('champion').people[0]!;
    expect(liam.lastTouch).toBe(today);
    expect(liam.lastTouchWords).toBe('today');
    expect(view.gaps[0]?.kind).toBe('single-threaded');
    expect(view.gaps[0]?.text).toContain('31 of 31 emails this year went to one person');
    expect(view.risk?.accountId).toBe(id);
    expect(riskWords(view.risk!, { today: view.risk!.scoredAt }).explanation.length).toBeGreaterThan(0);
    expect(view.noProfile).toBe(false);
    expect(view.wallet?.text).toBeTruthy();
  });

  it('scenario 3: Joe Park’s move, seen from Acme Flavors', () => {
    const view = accountView(book, scenario('champion-moved').accountDomain, { today })!;
    expect(view.departures[0]?.text).toMatch(/^your main contact Joe Park has not written from \S+ since March and now writes from brightfoods\.com$/);
    expect(view.departures[0]?.newDomain).toBe('brightfoods.com');
    const joe = view.groups.flatMap((g) => g.people).find((p) => p.name === 'Joe Park');
    expect(joe?.moved).toBe('brightfoods.com');
    expect(view.groups.flatMap((g) => g.people).filter((p) => p.moved).map((p) => p.name)).toEqual(['Joe Park', 'Joe Park']); // finance and champion
  });

  it('scenario 3: the same move seen from Bright Foods, where Joe Park now writes from', () => {
    const view = accountView(book, 'brightfoods.com', { today });
    expect(view, 'the import makes an account of brightfoods.com from Joe’s new address').toBeDefined();
    expect(view!.arrivals.map((l) => l.title)).toEqual([expect.stringMatching(/^Joe Park, formerly at Acme Flavors\b.*\(a customer for 4 years\), now at /)]);
    expect(view!.departures).toEqual([]);
  });

  it('scenario 4: cocoa as the expansion gap at Crumb & Co, with share of wallet', () => {
    const view = accountView(book, scenario('expansion').accountDomain, { today })!;
    expect(view.opportunities[0]?.text).toBe('cocoa powder: bought by 70% of similar bakeries; typical spend 10× what this account spends with us');
    expect(view.wallet?.available).toBe(true);
  });

  it('scenario 1: the lapse risk explanation of Northwind Foods', () => {
    const view = accountView(book, scenario('lapsing').accountDomain, { today })!;
    expect(riskWords(view.risk!, { today: view.risk!.scoredAt }).headline).toBeTruthy();
    expect(riskWords(view.risk!, { today: view.risk!.scoredAt }).explanation.join(' ')).toContain('nothing for 77 days');
  });

  it('an unknown id gives nothing; an account without people has every role open', () => {
    expect(accountView(book, 'no-such-account.example', { today })).toBeUndefined();
    const bare: Book = { ...book, accounts: [...book.accounts, { id: 'bare.example', name: 'Bare Ltd', domains: ['bare.example'], crmIds: [], customerKeys: [], updatedAt: today }] };
    const view = accountView(bare, 'bare.example', { today })!;
    expect(view.groups.every((g) => g.people.length === 0)).toBe(true);
    expect(view.departures).toEqual([]);
  });
});

describe('account picker', () => {
  it('finds accounts by any words of name, domain or industry, accents ignored', () => {
    const choices = accountChoices(book);
    expect(choices).toHaveLength(book.accounts.length);
    expect(searchAccounts(choices, 'harbour').map((c) => c.id)).toEqual(['harbourlane.co.uk']);
    expect(searchAccounts(choices, 'lane HARBOURLANE.co').map((c) => c.id)).toEqual(['harbourlane.co.uk']);
    expect(searchAccounts(choices, '   ')).toHaveLength(choices.length);
    expect(searchAccounts([{ id: 'm', name: 'Molkerei Müller' }], 'muller')).toHaveLength(1);
  });

  it('groups every contact and touch under at most one account', () => {
    const grouped = recordsByAccount(book);
    const contacts = [...grouped.values()].reduce((n, r) => n + r.contacts.length, 0);
    expect(contacts).toBeLessThanOrEqual(book.contacts.length);
    expect(grouped.get('harbourlane.co.uk')?.contacts.map((c) => c.name).sort()).toEqual(['Karen Doyle', 'Liam Porter', 'Nathan Cole']);
  });
});
