/**
 * The demo data set: a deterministic world of ~65 B2B food-ingredient customers that tells the five stories of
 * SCENARIOS.md, written as the four CSV files the options page imports (companies.csv and contacts.csv as HubSpot
 * exports, orders.csv as an ERP invoice-lines log, emails.csv as a CRM activity log), plus for each story the
 * Gmail thread and CRM record a demo page shows and the phrases the sidebar should then show.
 *
 * - 1 lapsing: Northwind Foods (northwind-foods.com) ordered flavouring every 21–28 days (median 24) for two years,
 *   the last order exactly 77 days before the export's newest order (`today` − 1, its as-of date); €41,000 spent in
 *   the 365 days up to `today`.
 * - 2 single-threaded: Harbour Lane Distributors; 31 of 31 emails this year (calendar year and last 365 days alike,
 *   or only the last 365 days when `today` is in January–March) with one Purchasing Coordinator; no one above
 *   manager level, nobody in finance.
 * - 3 champion-moved: Joe Park wrote from joe.park@acmeflavors.com until March of the move year (this year from June
 *   on, else last year), from joe.park@brightfoods.com from April; Acme Flavors has been a customer for 4 years;
 *   Bright Foods has no company record and no orders (Joe's new address is a contact without a company id).
 * - 4 expansion: Crumb & Co Bakeries buys only vanilla extract; the 10 other bakeries (the only ones, all of
 *   similar size) buy vanilla too and 7 buy cocoa at a median 10× Crumb's vanilla spend (last 12 months).
 * - 5 playbook: Hofmann Molkerei, healthy and multi-threaded; the buyer asks about next quarter's plan.
 * - 50 ordinary accounts across industries, cadences weekly to quarterly, 4 lapsing, 6 churned, 3 one-off,
 *   2 new, 5 single-threaded (see ordinary.ts); with the 10 bakery peers, 60 around the 5 scenario accounts.
 *
 * Deterministic: the same options give byte-identical files (seeded streams, whole-day UTC arithmetic, no clock).
 * Relative: every date is counted back from `today`, so the stories read the same on any day the demo runs.
 */

import { dayOf } from './calendar';
import { demoFiles } from './csv';
import { addOrdinaryAccounts } from './ordinary';
import { addChampionMovedScenario } from './scenarios/championMoved';
import { addExpansionScenario } from './scenarios/expansion';
import { addLapsingScenario } from './scenarios/lapsing';
import { addPlaybookScenario } from './scenarios/playbook';
import { addSingleThreadedScenario } from './scenarios/singleThreaded';
import type { DemoData, DemoOptions } from './types';
import { DemoWorld, REP } from './world';

export * from './types';
export { COMPANY_HEADERS, CONTACT_HEADERS, EMAIL_HEADERS, ORDER_HEADERS } from './csv';

export const DEFAULT_DEMO_SEED = 20261123;

/**
 * The order export is complete to yesterday (today − 1): its newest order is from that day, so the import takes it as
 * the as-of date and Northwind's silence reads 77 days whatever day the demo runs. On the rare day no steady account
 * happens to order yesterday, the account that ordered last repeats its last line then.
 */
function completeExportDay(world: DemoWorld): void {
  const exportDay = world.today - 1;
  if (world.lines.some((line) => line.day === exportDay)) return;
  const last = world.lines.filter((line) => line.day < exportDay).reduce((p, q) => (q.day > p.day ? q : p));
  world.addLine(last.company, exportDay, last.product, last.quantity);
}

export function generateDemoData(options: DemoOptions): DemoData {
  const { today } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`demo: today must be yyyy-mm-dd, got "${today}"`);
  const world = new DemoWorld(dayOf(today), options.seed ?? DEFAULT_DEMO_SEED);
  const scenarios = [
    addLapsingScenario(world),
    addSingleThreadedScenario(world),
    addChampionMovedScenario(world),
    addExpansionScenario(world),
    addPlaybookScenario(world),
  ];
  addOrdinaryAccounts(world);
  completeExportDay(world);
  return { today, files: demoFiles(world), scenarios, me: { email: REP.email, name: REP.name } };
}
