// Scenario 3 (SCENARIOS.md, "The newcomer with another supplier"): Joe Park, the champion at Acme Flavors (a
// customer for about 4 years), stops writing from acmeflavors.com in March and from April on writes from
// brightfoods.com. Bright Foods has no account: not in companies.csv, no orders; Joe's new address is a contact
// without a company record, as a CRM that logged his emails would hold it.

import { dayFromYmd, monthOf, yearOf } from '../calendar';
import { PRODUCTS } from '../catalog';
import { cadenceDays, logTouches, placeOrders, spreadEmails } from '../schedule';
import type { DemoScenario } from '../types';
import { COUNTRIES } from '../places';
import { partyOf, type DemoWorld } from '../world';
import { ME, message } from './mail';

export const ACME_TENURE_DAYS = 4 * 365 + 45;
export const NEW_DOMAIN = 'brightfoods.com';

/** The year of the move: this year once there are a few months of new emails (from June), else last year. */
export function moveYear(today: number): number {
  return monthOf(today) >= 6 ? yearOf(today) : yearOf(today) - 1;
}

export function addChampionMovedScenario(world: DemoWorld): DemoScenario {
  const random = world.random('scenario:champion-moved');
  const today = world.today;
  const since = today - ACME_TENURE_DAYS;
  const company = world.addCompany({
    name: 'Acme Flavors',
    domain: 'acmeflavors.com',
    industry: 'Food Manufacturing',
    employees: 180,
    country: 'NL',
    city: 'Rotterdam',
    createdDay: since - 40,
  });
  placeOrders(world, company, cadenceDays(random, since, today - 3, 30, 0.2), 30, [
    { product: PRODUCTS.vanillaExtract, annualSpend: 21_000, everyNth: 1 },
    { product: PRODUCTS.lecithin, annualSpend: 9_000, everyNth: 1 },
    { product: PRODUCTS.citrusFlavouring, annualSpend: 16_000, everyNth: 2 },
  ], random);

  const created = { createdDay: company.createdDay + 7 };
  const joe = world.addPerson(company, { firstName: 'Joe', lastName: 'Park', gender: 'm', title: 'Head of Purchasing', role: 'procurement', ...created });
  const others = [
    world.addPerson(company, { firstName: 'Ines', lastName: 'van Dam', gender: 'f', title: 'QA Manager', role: 'quality', ...created }),
    world.addPerson(company, { firstName: 'Pieter', lastName: 'Smit', gender: 'm', title: 'Operations Director', role: 'operations', ...created }),
    world.addPerson(company, { firstName: 'Marleen', lastName: 'de Boer', gender: 'f', title: 'Financial Controller', role: 'finance', ...created }),
    world.addPerson(company, { firstName: 'Willem', lastName: 'Bakker', gender: 'm', title: 'Managing Director', role: 'economic', ...created }),
  ];

  const year = moveYear(today);
  const lastFromAcme = dayFromYmd(year, 3, random.int(10, 24));
  const firstFromBright = dayFromYmd(year, 4, random.int(14, 28));
  const logStart = Math.max(since - 30, today - 730);
  // Before the move Joe carries the relationship; after it the rep hears from the others, less often.
  logTouches(world, { people: [[joe, 4], [others[0], 0.5], [others[1], 0.4], [others[2], 0.15], [others[3], 0.1]], from: logStart, to: lastFromAcme - 1, perMonth: 2.4 }, random);
  world.addTouch(joe, lastFromAcme, 'Email', 'Inbound', random);
  logTouches(world, { people: [[others[0], 0.5], [others[1], 0.5], [others[3], 0.1]], from: lastFromAcme + 1, to: today - 3, perMonth: 0.9 }, random);

  const joeAtBright = world.addPerson(undefined, {
    firstName: 'Joe',
    lastName: 'Park',
    gender: 'm',
    title: 'Head of Procurement',
    role: 'procurement',
    email: `joe.park@${NEW_DOMAIN}`,
    companyName: 'Bright Foods',
    country: COUNTRIES.NL,
    createdDay: firstFromBright,
    leadStatus: 'New',
  });
  world.addTouch(joeAtBright, firstFromBright, 'Email', 'Inbound', random);
  spreadEmails(world, joeAtBright, firstFromBright + 1, today - 2, Math.max(4, Math.round((today - firstFromBright) / 28)), random);
  world.addTouch(joeAtBright, Math.round((firstFromBright + today) / 2), 'Call', 'Outbound', random);
  world.addTouch(joeAtBright, today, 'Email', 'Inbound', random);

  return {
    id: 'champion-moved',
    title: 'The newcomer with another supplier',
    accountName: company.name,
    accountDomain: company.domain,
    gmail: {
      subject: 'New role at Bright Foods',
      messages: [
        message(
          partyOf(joeAtBright),
          [ME],
          { day: today, minute: 8 * 60 + 55 },
          "Hi Sam,\n\nSome news: since April I've been Head of Procurement at Bright Foods. We are building a range of " +
            'flavoured snack bars for launch next year, and I would like to talk about vanilla extract and cocoa for it. ' +
            'I know from Acme how reliable your deliveries are.\n\nWould you have 30 minutes in the next two weeks for a ' +
            `first call?\n\nBest,\nJoe\n\nJoe Park\nHead of Procurement | Bright Foods\n${joeAtBright.email}`,
        ),
      ],
    },
    crm: { crm: 'hubspot', objectType: 'company', recordId: company.recordId, recordName: company.name, company: company.name, website: company.domain },
    expect: ['Joe Park', 'since March', NEW_DOMAIN, 'Bright Foods', 'no account yet'],
  };
}
