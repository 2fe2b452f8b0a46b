// Scenario 2 (SCENARIOS.md, "The friendly contact who is not the decision"): a distributor with steady orders
// where every email this year — 31 of 31 — went to one purchasing coordinator. Nobody above manager level and
// nobody in finance is in the contacts. "This year" is the calendar year to date and, equally, the last 365 days;
// in the first quarter of a year (too short for 31 emails) it is the last 365 days only.

import { dayFromYmd, yearOf } from '../calendar';
import { PRODUCTS } from '../catalog';
import { cadenceDays, logTouches, placeOrders, spreadEmails } from '../schedule';
import type { DemoScenario } from '../types';
import { partyOf, type DemoWorld } from '../world';
import { ME, message } from './mail';

export const EMAILS_THIS_YEAR = 31;

export function addSingleThreadedScenario(world: DemoWorld): DemoScenario {
  const random = world.random('scenario:single-threaded');
  const today = world.today;
  const since = today - 1100;
  const company = world.addCompany({
    name: 'Harbour Lane Distributors',
    domain: 'harbourlane.co.uk',
    industry: 'Distribution',
    employees: 85,
    country: 'UK',
    city: 'Bristol',
    createdDay: since - 60,
  });
  placeOrders(world, company, cadenceDays(random, since, today - 2, 14, 0.15), 14, [
    { product: PRODUCTS.vanillaFlavouring, annualSpend: 24_000, everyNth: 1 },
    { product: PRODUCTS.citrusFlavouring, annualSpend: 14_000, everyNth: 1 },
    { product: PRODUCTS.lecithin, annualSpend: 6_000, everyNth: 2 },
    { product: PRODUCTS.pectin, annualSpend: 9_000, everyNth: 3 },
  ], random);

  const created = { createdDay: company.createdDay + 10 };
  const liam = world.addPerson(company, { firstName: 'Liam', lastName: 'Porter', gender: 'm', title: 'Purchasing Coordinator', role: 'procurement', ...created });
  world.addPerson(company, { firstName: 'Karen', lastName: 'Doyle', gender: 'f', title: 'Warehouse Supervisor', role: 'user', ...created });
  world.addPerson(company, { firstName: 'Nathan', lastName: 'Cole', gender: 'm', title: 'Logistics Coordinator', role: 'user', ...created });

  // Earlier years: Liam only, and nothing in the 365 days before today that falls in last calendar year.
  logTouches(world, { people: [[liam, 1]], from: Math.max(since, today - 730), to: today - 366, perMonth: 2, callShare: 0, meetingShare: 0 }, random);
  const newYear = dayFromYmd(yearOf(today), 1, 1);
  const windowStart = today - newYear >= 90 ? newYear : today - 364;
  spreadEmails(world, liam, windowStart, today - 2, EMAILS_THIS_YEAR - 2, random);
  // The two messages of the Gmail thread below are the last two of the 31.
  world.addTouch(liam, today - 1, 'Email', 'Outbound', random);
  world.addTouch(liam, today, 'Email', 'Inbound', random);

  return {
    id: 'single-threaded',
    title: 'The friendly contact who is not the decision',
    accountName: company.name,
    accountDomain: company.domain,
    gmail: {
      subject: 'Re: Your order for next Tuesday',
      messages: [
        message(
          ME,
          [partyOf(liam)],
          { day: today - 1, minute: 15 * 60 + 40 },
          'Hi Liam,\n\nYour order for next Tuesday is confirmed: vanilla and citrus flavouring as usual. ' +
            'Is there anything you would like us to change before next year?\n\nBest,\nSam',
        ),
        message(
          partyOf(liam),
          [ME],
          { day: today, minute: 10 * 60 + 31 },
          'Hi Sam,\n\nAll good on our side, thanks. Same quantities as last time please. Honestly, just keep doing ' +
            "what you're doing.\n\nCheers,\nLiam\n\nLiam Porter\nPurchasing Coordinator | Harbour Lane Distributors",
        ),
      ],
    },
    crm: { crm: 'hubspot', objectType: 'contact', recordId: liam.recordId, recordName: 'Liam Porter', email: liam.email, company: company.name, title: liam.title },
    expect: ['single-threaded', '31 of 31 emails this year went to one person', 'no economic buyer', 'finance: never contacted'],
  };
}
