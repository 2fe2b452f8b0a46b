// Scenario 5 (SCENARIOS.md, "The manager's playbook"): an ordinary healthy account — steady fortnightly orders,
// every buying role in the contacts and in touch — where the buyer asks about next quarter's plan, mentions the
// yearly supplier review (a signal the team-locked "Competitive defense" and "Reach decision-makers" playbooks
// answer) and copies a colleague who joined this month (a signal only the disabled "New contact onboarding"
// playbook answers, so the demo shows that it is never offered).

import { nextQuarterLabel } from '../calendar';
import { PRODUCTS } from '../catalog';
import { cadenceDays, logTouches, placeOrders } from '../schedule';
import type { DemoScenario } from '../types';
import { partyOf, type DemoWorld } from '../world';
import { ME, message } from './mail';

export function addPlaybookScenario(world: DemoWorld): DemoScenario {
  const random = world.random('scenario:playbook');
  const today = world.today;
  const since = today - 1400;
  const company = world.addCompany({
    name: 'Hofmann Molkerei',
    domain: 'hofmann-molkerei.de',
    industry: 'Dairy',
    employees: 520,
    country: 'DE',
    city: 'Kempten',
    createdDay: since - 50,
  });
  placeOrders(world, company, cadenceDays(random, since, today - 2, 14, 0.15), 14, [
    { product: PRODUCTS.strawberryFlavouring, annualSpend: 52_000, everyNth: 1 },
    { product: PRODUCTS.vanillaFlavouring, annualSpend: 24_000, everyNth: 2 },
    { product: PRODUCTS.pectin, annualSpend: 19_000, everyNth: 2 },
  ], random);

  const created = { createdDay: company.createdDay + 5 };
  const katrin = world.addPerson(company, { firstName: 'Katrin', lastName: 'Weber', gender: 'f', title: 'Einkaufsleiterin', role: 'procurement', ...created });
  const tobias = world.addPerson(company, { firstName: 'Tobias', lastName: 'Krämer', gender: 'm', title: 'Produktionsleiter', role: 'operations', ...created });
  const people = [
    [katrin, 2.5],
    [tobias, 0.6],
    [world.addPerson(company, { firstName: 'Stefan', lastName: 'Hofmann', gender: 'm', title: 'Geschäftsführer', role: 'economic', ...created }), 0.3],
    [world.addPerson(company, { firstName: 'Julia', lastName: 'Brandt', gender: 'f', title: 'Leiterin Finanzen', role: 'finance', ...created }), 0.3],
    [world.addPerson(company, { firstName: 'Markus', lastName: 'Vogel', gender: 'm', title: 'Leiter Qualitätssicherung', role: 'quality', ...created }), 0.4],
    [world.addPerson(company, { firstName: 'Lena', lastName: 'Schuster', gender: 'f', title: 'Head of R&D', role: 'technical', ...created }), 0.4],
  ] as const;
  logTouches(world, { people: [...people], from: today - 730, to: today - 1, perMonth: 3, callShare: 0.1, meetingShare: 0.06 }, random);
  const jana = world.addPerson(company, { firstName: 'Jana', lastName: 'Roth', gender: 'f', title: 'Produktentwicklerin', role: 'technical', createdDay: today - 19 });
  world.addTouch(jana, today - 12, 'Meeting', 'Outbound', random);
  world.addTouch(jana, today - 6, 'Email', 'Inbound', random);
  world.addTouch(katrin, today, 'Email', 'Inbound', random);

  const quarter = nextQuarterLabel(today);
  return {
    id: 'playbook',
    title: "The manager's playbook",
    accountName: company.name,
    accountDomain: company.domain,
    gmail: {
      subject: `Planning for ${quarter}`,
      messages: [
        message(
          partyOf(katrin),
          [ME],
          { day: today, minute: 8 * 60 + 20 },
          `Hallo Sam,\n\nwe are putting together our plan for the next quarter (${quarter}) and, as every year, we are ` +
            'reviewing our suppliers before the annual contracts are signed. Could you send us your price and availability ' +
            'outlook for strawberry flavouring and pectin? We are also working on a new drinking-yoghurt line for the ' +
            'spring; I have copied Jana Roth, who joined our product development team this month.\n\n' +
            'Could we book a call next week to go through volumes?\n\n' +
            'Viele Grüße\nKatrin Weber\nEinkaufsleiterin | Hofmann Molkerei GmbH',
          [partyOf(tobias), partyOf(jana)],
        ),
      ],
    },
    expect: ['set by your team', 'Competitive defense', 'Reach decision-makers'],
  };
}
