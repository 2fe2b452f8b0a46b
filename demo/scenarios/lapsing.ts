// Scenario 1 (SCENARIOS.md, "The customer who just stops ordering"): a food manufacturer that ordered flavouring
// every 21–28 days (median exactly 24) for two years and has not ordered for 77 days; its spend over the last
// 12 months (the figure a lapse engine puts "at stake") is about €41,000.
// Its buyer's latest email is routine: nobody said anything.

import { PRODUCTS, quantityFor } from '../catalog';
import { calibrateSpend, logTouches } from '../schedule';
import type { DemoScenario } from '../types';
import { partyOf, type DemoWorld } from '../world';
import { ME, message } from './mail';

/** Thirty gaps (721 days, about two years) whose median is exactly 24 days: 10 shorter, 10 of 24, 10 longer. */
const GAPS: [gap: number, count: number][] = [[21, 3], [22, 3], [23, 4], [24, 10], [25, 4], [26, 3], [27, 2], [28, 1]];
export const LAPSING_DAYS_SILENT = 77;
/** Spend in the 365 days up to today (orders at the same level before, so ~€51,000 in a year of full buying). */
export const LAPSING_YEARLY_SPEND = 41_000;

export function addLapsingScenario(world: DemoWorld): DemoScenario {
  const random = world.random('scenario:lapsing');
  const today = world.today;
  const gaps = random.shuffled(GAPS.flatMap(([gap, count]) => Array<number>(count).fill(gap)));
  // Silence is measured to the day the order export is complete to (its as-of date), which is the newest order in
  // the file: the steady accounts' last orders are yesterday's (ordinary.ts), so the export is as of today − 1.
  const lastOrder = today - 1 - LAPSING_DAYS_SILENT;
  const firstOrder = lastOrder - gaps.reduce((sum, gap) => sum + gap, 0);
  const company = world.addCompany({
    name: 'Northwind Foods',
    domain: 'northwind-foods.com',
    industry: 'Food Manufacturing',
    employees: 240,
    country: 'UK',
    city: 'Leeds',
    createdDay: firstOrder - 45,
  });

  let day = firstOrder;
  const orderDays = [day, ...gaps.map((gap) => (day += gap))];
  for (const [index, orderDay] of orderDays.entries()) {
    world.addLine(company, orderDay, PRODUCTS.strawberryFlavouring, quantityFor(PRODUCTS.strawberryFlavouring, random.between(1400, 2000)));
    if (index % 2 === 0) world.addLine(company, orderDay, PRODUCTS.vanillaFlavouring, quantityFor(PRODUCTS.vanillaFlavouring, random.between(700, 1200)));
  }
  calibrateSpend(world.linesOf(company), today - 365, today, LAPSING_YEARLY_SPEND);

  const created = { createdDay: company.createdDay + 5 };
  const emma = world.addPerson(company, { firstName: 'Emma', lastName: 'Clarke', gender: 'f', title: 'Senior Buyer', role: 'procurement', ...created });
  const people = [
    [emma, 3],
    [world.addPerson(company, { firstName: 'Daniel', lastName: 'Hughes', gender: 'm', title: 'Head of R&D', role: 'technical', ...created }), 0.5],
    [world.addPerson(company, { firstName: 'Priya', lastName: 'Shah', gender: 'f', title: 'QA Manager', role: 'quality', ...created }), 0.4],
    [world.addPerson(company, { firstName: 'Mark', lastName: 'Ellison', gender: 'm', title: 'Finance Director', role: 'finance', ...created }), 0.2],
    [world.addPerson(company, { firstName: 'Richard', lastName: 'Hale', gender: 'm', title: 'Managing Director', role: 'economic', ...created }), 0.15],
  ] as const;
  logTouches(world, { people: [...people], from: Math.max(firstOrder - 30, today - 730), to: today - 4, perMonth: 2.2 }, random);
  world.addTouch(emma, today - 3, 'Email', 'Outbound', random);
  world.addTouch(emma, today, 'Email', 'Inbound', random);

  return {
    id: 'lapsing',
    title: 'The customer who just stops ordering',
    accountName: company.name,
    accountDomain: company.domain,
    gmail: {
      subject: 'Allergen statement and CoA for strawberry flavouring',
      messages: [
        message(
          ME,
          [partyOf(emma)],
          { day: today - 3, minute: 16 * 60 + 5 },
          'Hi Emma,\n\nHope all is well in Leeds. I have pencilled in your usual strawberry and vanilla flavouring ' +
            'for next week; shall I confirm the delivery slot?\n\nBest regards,\nSam',
        ),
        message(
          partyOf(emma),
          [ME],
          { day: today, minute: 9 * 60 + 12 },
          'Hi Sam,\n\nThanks for checking in. No need to book anything for now, we are fine on stock at the moment.\n\n' +
            'Could you send me the updated allergen statement and the certificate of analysis for the natural strawberry ' +
            `flavouring (${PRODUCTS.strawberryFlavouring.sku})? Our QA team is refreshing the supplier files before the ` +
            'year-end audit.\n\n' +
            'Kind regards,\nEmma Clarke\nSenior Buyer | Northwind Foods\n' + emma.phone,
        ),
      ],
    },
    crm: { crm: 'hubspot', objectType: 'contact', recordId: emma.recordId, recordName: 'Emma Clarke', email: emma.email, company: company.name, title: emma.title },
    expect: ['High lapse risk', 'usually orders every 24 days', 'nothing for 77 days', '€41,000'],
  };
}
