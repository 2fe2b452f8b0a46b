// Scenario 4 (SCENARIOS.md, "Ingredient X and the ten-times-larger Ingredient Y"): a bakery chain buys only
// vanilla extract from us. Its ten peers — the only other bakeries in the data, all of similar size (220–490
// people, as Crumb's 340) — all buy vanilla extract too; 7 of 10 also buy cocoa, spending about ten times (median
// exactly 10×, spread 8–12×) what this chain spends on vanilla, over the last 12 months.

import { PRODUCTS } from '../catalog';
import type { Country } from '../places';
import { hashText } from '../random';
import { cadenceDays, calibrateSpend, logTouches, placeOrders, spendBetween, type BasketItem } from '../schedule';
import { staffCompany } from '../staff';
import type { DemoScenario } from '../types';
import { partyOf, type DemoWorld } from '../world';
import { ME, message } from './mail';

export const CRUMB_VANILLA_SPEND = 7_900;
/** Peers' cocoa spend as multiples of Crumb's vanilla spend: 7 buyers, median 10. */
export const COCOA_RATIOS = [8.2, 9.1, 9.6, 10, 10.5, 11.2, 12.4];

const PEERS: [name: string, country: Country['code'], employees: number][] = [
  ['Golden Crust Bakeries', 'UK', 262],
  ['Boulangeries Maison Lebrun', 'FR', 298],
  ['Bäckerei Kornblume', 'DE', 315],
  ['Panaderías El Trigal', 'ES', 355],
  ['Bakkerij De Korenschoof', 'NL', 372],
  ['Hearthstone Bakery Group', 'IE', 401],
  ['Forno Santa Lucia', 'IT', 428],
  ['Backstube Donautal', 'AT', 455],
  ['Oven Fresh Bakeries', 'UK', 236],
  ['Boulangerie Pâtisserie Fleury', 'FR', 482],
];

const SF_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SF_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * An 18-character Salesforce Account id: key prefix 001 (Account, https://help.salesforce.com/s/articleView?id=000385203)
 * and the case-safe suffix — per 5-character chunk, a bit for each upper-case letter, read as an index into A–Z0–5
 * (the 15 → 18 conversion of https://developer.salesforce.com/docs/atlas.en-us.noversion.mc-programmatic-content.meta/mc-programmatic-content/longsfid.htm).
 */
export function salesforceAccountId(label: string): string {
  let hash = hashText(label);
  let tail = '';
  for (let i = 0; i < 5; i++) {
    tail += SF_ID_ALPHABET[hash % SF_ID_ALPHABET.length];
    hash = Math.floor(hash / SF_ID_ALPHABET.length) + 7919 * (i + 1);
  }
  const id15 = `001Qy00000${tail}`;
  return id15 + caseSafeSuffix(id15);
}

/** The three characters that make a 15-character Salesforce id case-insensitively unique. */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i])) bits |= 1 << i;
    suffix += SF_SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

export function addExpansionScenario(world: DemoWorld): DemoScenario {
  const random = world.random('scenario:expansion');
  const today = world.today;
  const since = today - 1100;
  const crumb = world.addCompany({
    name: 'Crumb & Co Bakeries',
    domain: 'crumbandco.com',
    industry: 'Bakery',
    employees: 340,
    country: 'UK',
    city: 'Manchester',
    createdDay: since - 30,
  });
  placeOrders(world, crumb, cadenceDays(random, since, today - 4, 30, 0.15), 30, [{ product: PRODUCTS.vanillaExtract, annualSpend: CRUMB_VANILLA_SPEND, everyNth: 1 }], random);
  calibrateSpend(world.linesOf(crumb), today - 365, today, CRUMB_VANILLA_SPEND);
  const crumbVanilla = spendBetween(world.linesOf(crumb), today - 365, today);

  const created = { createdDay: crumb.createdDay + 3 };
  const olivia = world.addPerson(crumb, { firstName: 'Olivia', lastName: 'Grant', gender: 'f', title: 'Purchasing Manager', role: 'procurement', ...created });
  const people = [
    [olivia, 3],
    [world.addPerson(crumb, { firstName: 'Ben', lastName: 'Marsh', gender: 'm', title: 'Head of Product Development', role: 'technical', ...created }), 0.4],
    [world.addPerson(crumb, { firstName: 'Hannah', lastName: 'Reid', gender: 'f', title: 'Operations Director', role: 'operations', ...created }), 0.3],
    [world.addPerson(crumb, { firstName: 'Simon', lastName: 'Clarke', gender: 'm', title: 'Finance Director', role: 'finance', ...created }), 0.15],
    [world.addPerson(crumb, { firstName: 'Fiona', lastName: 'Baker', gender: 'f', title: 'Managing Director', role: 'economic', ...created }), 0.15],
  ] as const;
  logTouches(world, { people: [...people], from: Math.max(since, today - 730), to: today - 1, perMonth: 1.6 }, random);
  world.addTouch(olivia, today, 'Email', 'Inbound', random);

  addBakeryPeers(world, crumbVanilla);

  const usualLitres = world.linesOf(crumb).map((line) => line.quantity).sort((a, b) => a - b)[Math.floor(world.linesOf(crumb).length / 2)];
  return {
    id: 'expansion',
    title: 'Ingredient X and the ten-times-larger Ingredient Y',
    accountName: crumb.name,
    accountDomain: crumb.domain,
    gmail: {
      subject: 'Next order: vanilla extract',
      messages: [
        message(
          partyOf(olivia),
          [ME],
          { day: today, minute: 11 * 60 + 4 },
          `Hi Sam,\n\nPlease book our usual ${usualLitres} litres of Madagascar vanilla extract (VX-MAD-1L) for delivery ` +
            'next week, same address as always.\n\nThanks,\nOlivia\n\nOlivia Grant\nPurchasing Manager | Crumb & Co Bakeries',
        ),
      ],
    },
    crm: { crm: 'salesforce', objectType: 'company', recordId: salesforceAccountId(`${world.seed}:${crumb.domain}`), recordName: crumb.name, company: crumb.name, website: `www.${crumb.domain}` },
    expect: ['Opportunities', 'cocoa', 'bought by 70% of similar bakeries', '10×'],
  };
}

function addBakeryPeers(world: DemoWorld, crumbVanilla: number): void {
  const random = world.random('scenario:expansion:peers');
  const today = world.today;
  const order = random.shuffled([...PEERS.keys()]);
  const cocoaRatio = new Map(order.slice(0, COCOA_RATIOS.length).map((peer, i) => [peer, COCOA_RATIOS[i]]));
  // Other products stay below half of the peers, so that cocoa is the clear gap.
  const butterBuyers = new Set(random.shuffled([...PEERS.keys()]).slice(0, 4));
  const emulsifierBuyers = new Set(random.shuffled([...PEERS.keys()]).slice(0, 3));
  const bagBuyers = new Set(random.shuffled([...PEERS.keys()]).slice(0, 3));

  PEERS.forEach(([name, country, employees], index) => {
    const peerRandom = world.random(`scenario:expansion:peer:${name}`);
    const since = today - peerRandom.int(700, 1500);
    const company = world.addCompany({ name, industry: 'Bakery', employees, country, createdDay: since - peerRandom.int(20, 90) });
    const cadence = peerRandom.pick([14, 21, 30]);
    const basket: BasketItem[] = [{ product: PRODUCTS.vanillaExtract, annualSpend: crumbVanilla * peerRandom.between(0.7, 1.4), everyNth: 1 }];
    if (butterBuyers.has(index)) basket.push({ product: PRODUCTS.butterFlavouring, annualSpend: peerRandom.between(2_000, 5_000), everyNth: 2 });
    if (emulsifierBuyers.has(index)) basket.push({ product: PRODUCTS.monoglycerides, annualSpend: peerRandom.between(1_500, 4_000), everyNth: 2 });
    if (bagBuyers.has(index)) basket.push({ product: PRODUCTS.kraftBags, annualSpend: peerRandom.between(1_500, 3_500), everyNth: 3 });
    const days = cadenceDays(peerRandom, since, today - peerRandom.int(1, 5), cadence, 0.2);
    placeOrders(world, company, days, cadence, basket, peerRandom);

    const ratio = cocoaRatio.get(index);
    if (ratio !== undefined) {
      const before = world.lines.length;
      placeOrders(world, company, days, cadence, [{ product: PRODUCTS.cocoaPowder, annualSpend: crumbVanilla * ratio, everyNth: 1 }], peerRandom);
      calibrateSpend(world.lines.slice(before), today - 365, today, crumbVanilla * ratio);
    }

    const roles = peerRandom.shuffled(['economic', 'finance', 'technical', 'operations', 'quality'] as const).slice(0, peerRandom.int(2, 5));
    const [main, ...others] = staffCompany(world, company, ['procurement', ...roles], peerRandom, { from: company.createdDay, to: company.createdDay + 60 });
    logTouches(
      world,
      { people: [[main, 2.5], ...others.map((person) => [person, peerRandom.between(0.1, 0.5)] as const)], from: Math.max(since, today - 730), to: today - peerRandom.int(0, 10), perMonth: peerRandom.between(0.8, 2) },
      peerRandom,
    );
  });
}
