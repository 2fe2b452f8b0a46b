// The product's demo book end to end: demo/'s orders.csv → parseImportFile (lib/import) → Order
// records → scoreAccounts, as an import of the demo CSVs and the background's rescore do. Scenario 1 of SCENARIOS.md
// (Northwind Foods: every 21–28 days for two years, silent for 77 days) must read "High lapse risk".
import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../demo';
import { FIXED_DEMO_DAY } from '../../support/demoDay';
import { parseImportFile } from '../../../lib/import';
import { scoreAccounts, type AccountOrder } from '../../../lib/insights/risk';
import type { LapseRisk } from '../../../lib/model/insight';
import { chanceInWords, riskWords, type RiskWords } from '../../../lib/words/risk';

/** A score with the words a rep reads (lib/words/risk.ts). */
const said = (risk: LapseRisk): LapseRisk & RiskWords => ({ ...risk, ...riskWords(risk, { today: risk.scoredAt }) });

async function demoScores(): Promise<{ scores: Array<LapseRisk & RiskWords>; expectPhrases: string[]; domain: string }> {
  const data = generateDemoData({ today: FIXED_DEMO_DAY });
  const file = data.files.find((f) => f.name === 'orders.csv');
  if (!file) throw new Error('the demo has no orders.csv');
  const preview = await parseImportFile(file.text, { fileName: file.name, now: new Date(`${data.today}T12:00:00Z`) });
  expect(preview.rejected).toEqual([]);
  const orders: AccountOrder[] = preview.batch.orders.map((o) => ({ accountId: o.accountId, date: o.date, amount: o.amount, currency: o.currency }));
  const lapsing = data.scenarios.find((s) => s.id === 'lapsing');
  if (!lapsing) throw new Error('the demo has no lapsing scenario');
  return { scores: scoreAccounts(orders, { today: data.today }).map(said), expectPhrases: lapsing.expect, domain: lapsing.accountDomain };
}

function printTable(scores: readonly LapseRisk[]) {
  const header = ['account', 'orders', 'median gap', 'days since last', 'pAlive', 'pActive90', 'level'];
  const rows = [...scores]
    .sort((p, q) => (p.pAlive ?? 2) - (q.pAlive ?? 2))
    .map((s) => [s.accountId, String(s.orderCount), s.medianGapDays?.toString() ?? '', String(s.daysSinceLastOrder ?? ''), s.pAlive?.toFixed(3) ?? '', s.pActive?.toFixed(3) ?? '', s.level]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(['Demo book lapse risk (today 2026-11-23)', line(header), ...rows.map(line)].join('\n'));
}


describe('lapse risk on the demo book', async () => {
  const { scores, expectPhrases, domain } = await demoScores();
  printTable(scores);
  const byId = new Map(scores.map((s) => [s.accountId, s]));

  it('tells scenario 1: Northwind Foods is a high lapse risk, in plain words', () => {
    const northwind = byId.get(domain);
    expect(northwind, domain).toBeDefined();
    const risk = northwind!;
    expect(risk.level).toBe('high');
    expect(risk.headline).toBe('High lapse risk');
    expect(risk.thinEvidence).toBe(false);
    // Thirty-one orders 21–28 days apart, then 77 days of silence: the book's model (chosen by backtest) gives it
    // almost no chance of an order in the next 90 days, and the level cut says so.
    expect(risk.pActive!).toBeLessThanOrEqual(0.2);
    expect(risk.explanation[0]).toBe('usually orders every 24 days; nothing for 77 days (3.2× the usual gap)');
    expect(risk.explanation[1]).toBe(`${chanceInWords(risk.pActive!)} chance of an order in the next 90 days`);
    expect(risk.explanation).toContain('about €41,000 a year at stake');
    // An account that ordered every 24 days would place ~3.7 orders in 90 days; the model expects far fewer.
    expect(risk.expectedOrdersNext90!).toBeLessThan(90 / 24 / 2);
    expect(risk.valueAtRisk!).toBeLessThanOrEqual(risk.annualValue!);
    const shown = [risk.headline, ...risk.explanation].join(' | ');
    for (const phrase of expectPhrases) expect(shown).toContain(phrase);
  });

  it('keeps accounts that still order at their usual pace low', () => {
    // Still ordering on rhythm: three orders or more, last one within 1.5 usual gaps.
    const steady = scores.filter((s) => s.orderCount >= 3 && (s.daysSinceLastOrder ?? 0) <= 1.5 * (s.medianGapDays ?? 0));
    expect(steady.length).toBeGreaterThanOrEqual(40);
    const low = steady.filter((s) => s.level === 'low');
    expect(low.length / steady.length).toBeGreaterThanOrEqual(0.8);
    for (const s of steady) expect(s.pAlive!, s.accountId).toBeGreaterThan(0.6);
  });

  it('flags every account silent for three usual gaps or more', () => {
    const silent = scores.filter((s) => s.orderCount >= 3 && (s.daysSinceLastOrder ?? 0) >= 3 * (s.medianGapDays ?? Infinity));
    expect(silent.length).toBeGreaterThanOrEqual(8);
    for (const s of silent) {
      expect(s.level, s.accountId).not.toBe('low');
      expect(s.pAlive!, s.accountId).toBeLessThan(0.5);
    }
  });

  it('ranks the long-gone below the recently lapsed, and the recently lapsed below the steady', () => {
    const p = (id: string) => byId.get(id)?.pAlive ?? NaN;
    const steadyMin = Math.min(...scores.filter((s) => s.orderCount >= 3 && (s.daysSinceLastOrder ?? 0) <= s.medianGapDays!).map((s) => s.pAlive!));
    expect(p(domain)).toBeLessThan(steadyMin);
    // With a real history (five orders or more); three orders and a 14-month silence stay uncertain.
    const goneLongAgo = scores.filter((s) => s.orderCount >= 5 && (s.daysSinceLastOrder ?? 0) > 365);
    expect(goneLongAgo.length).toBeGreaterThan(0);
    for (const s of goneLongAgo) expect(s.pAlive!, s.accountId).toBeLessThan(p(domain));
  });
});

describe('the demo tells story 1 with the same numbers on any day it runs', () => {
  // The demo generator counts every date back from the day it is given, and scoring takes "today" as an input: so the
  // sidebar's words for Northwind are the same in 2025, in a leap-year February and a year after the fixed day.
  it.each(['2025-03-10', '2026-12-01', '2027-12-26', '2028-02-29'])('as of %s', async (today) => {
    const data = generateDemoData({ today });
    const file = data.files.find((f) => f.name === 'orders.csv')!;
    const preview = await parseImportFile(file.text, { fileName: file.name, now: new Date(`${today}T12:00:00Z`) });
    const orders: AccountOrder[] = preview.batch.orders.map((o) => ({ accountId: o.accountId, date: o.date, amount: o.amount, currency: o.currency }));
    const domain = data.scenarios.find((s) => s.id === 'lapsing')!.accountDomain;
    const risk = scoreAccounts(orders, { today }).map(said).find((s) => s.accountId === domain)!;
    expect(risk.level).toBe('high');
    expect(risk.explanation[0]).toBe('usually orders every 24 days; nothing for 77 days (3.2× the usual gap)');
    expect(risk.explanation).toContain('about €41,000 a year at stake');
  });
});
