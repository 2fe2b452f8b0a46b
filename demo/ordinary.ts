// The ~50 everyday accounts around the scenarios, so that cadence models and peer statistics have a population:
// mixed industries, sizes from 15 to 2,500 people, cadences from weekly to quarterly, 4 naturally lapsing,
// 6 churned, 3 that ordered once or twice long ago, 2 new ones, and 5 single-threaded. Bakeries are added by the expansion scenario (its peers).

import { INDUSTRY_BASKETS, type Industry } from './catalog';
import type { Country } from './places';
import type { DemoRole } from './people';
import type { Random } from './random';
import { cadenceDays, logTouches, placeOrders, type BasketItem } from './schedule';
import { staffCompany } from './staff';
import type { DemoCompany, DemoWorld } from './world';

type OrdinaryIndustry = Exclude<Industry, 'Bakery'>;
type Profile = 'steady' | 'lapsing' | 'churned' | 'new' | 'one-off';

const ORDINARY_ACCOUNTS: [string, OrdinaryIndustry, Country['code']][] = [
  ['Sugarbrook Confectionery', 'Confectionery', 'UK'],
  ['Chocolaterie Valmont', 'Confectionery', 'FR'],
  ['Süßwaren Hellwig', 'Confectionery', 'DE'],
  ['Dulces Sierra Clara', 'Confectionery', 'ES'],
  ['Lakritzmanufaktur Nordstern', 'Confectionery', 'DE'],
  ['Pralinerie Ostende', 'Confectionery', 'BE'],
  ['Caramella Rossi', 'Confectionery', 'IT'],
  ['Moonfield Sweets', 'Confectionery', 'IE'],
  ['Kandijmolen Zoetwaren', 'Confectionery', 'NL'],
  ['Brightwater Drinks', 'Beverages', 'UK'],
  ['Limonaderie du Rhône', 'Beverages', 'FR'],
  ['Quellhof Getränke', 'Beverages', 'DE'],
  ['Refrescos Costa Azahar', 'Beverages', 'ES'],
  ['Alpsprung Säfte', 'Beverages', 'AT'],
  ['Hopfield Craft Sodas', 'Beverages', 'IE'],
  ['Polderfris Dranken', 'Beverages', 'NL'],
  ['Bevande Vesuvio', 'Beverages', 'IT'],
  ['Greenleaf Iced Tea Company', 'Beverages', 'UK'],
  ['Dairyvale Creamery', 'Dairy', 'UK'],
  ['Fromagerie des Alpages', 'Dairy', 'FR'],
  ['Molkerei Sonnenwiese', 'Dairy', 'DE'],
  ['Lácteos Montenegro', 'Dairy', 'ES'],
  ['Zuivelhoeve Friesland', 'Dairy', 'NL'],
  ['Glenmore Dairies', 'Dairy', 'IE'],
  ['Latteria Bassa Valle', 'Dairy', 'IT'],
  ['Almkäserei Tauern', 'Dairy', 'AT'],
  ['Crunchworks Snacks', 'Snacks', 'UK'],
  ['Knusperhaus Snacks', 'Snacks', 'DE'],
  ['Apéritifs Saint-Clair', 'Snacks', 'FR'],
  ['Patatas La Huerta', 'Snacks', 'ES'],
  ['Nutty Fox Snacks', 'Snacks', 'UK'],
  ['Krokant Snackfabriek', 'Snacks', 'NL'],
  ['Salatini Adriatico', 'Snacks', 'IT'],
  ['Wild Atlantic Crisps', 'Snacks', 'IE'],
  ['Nordfood Großhandel', 'Distribution', 'DE'],
  ['Distribution Alimentaire Lemaire', 'Distribution', 'FR'],
  ['Distribuciones Ebro', 'Distribution', 'ES'],
  ['Pennine Food Wholesale', 'Distribution', 'UK'],
  ['Benelux Ingredients Trading', 'Distribution', 'NL'],
  ['Danubia Food Supply', 'Distribution', 'AT'],
  ['Emerald Foodservice', 'Distribution', 'IE'],
  ['Logistica Alimentare Padana', 'Distribution', 'IT'],
  ['Kitchen Meadow Foods', 'Food Manufacturing', 'UK'],
  ['Feinkost Lindenhof', 'Food Manufacturing', 'DE'],
  ['Conserveries Belle-Île', 'Food Manufacturing', 'FR'],
  ['Salsas Tres Robles', 'Food Manufacturing', 'ES'],
  ['Maaltijdmakers Brabant', 'Food Manufacturing', 'NL'],
  ['Shannon Kitchen Foods', 'Food Manufacturing', 'IE'],
  ['Sughi Toscani', 'Food Manufacturing', 'IT'],
  ['Suppenküche Alpenland', 'Food Manufacturing', 'AT'],
];

/** Former customers: a real CRM has them, and they tell a lapse model that customers do stop. */
const CHURNED = 6;
/** Tried us once or twice, long ago. */
const ONE_OFF = 3;
const CADENCES = [[7, 1], [14, 3], [21, 2], [30, 4], [45, 2], [61, 2], [91, 2]] as const;
const CONTACT_COUNTS = [[2, 10], [3, 20], [4, 25], [5, 20], [6, 12], [7, 8], [8, 5]] as const;
const OTHER_ROLES: DemoRole[] = ['economic', 'finance', 'technical', 'quality', 'operations', 'user', 'procurement'];

export function addOrdinaryAccounts(world: DemoWorld): DemoCompany[] {
  const plan = world.random('ordinary:plan');
  const count = ORDINARY_ACCOUNTS.length;
  const special: Profile[] = [
    ...Array<Profile>(4).fill('lapsing'),
    ...Array<Profile>(CHURNED).fill('churned'),
    ...Array<Profile>(ONE_OFF).fill('one-off'),
    'new',
    'new',
  ];
  const profiles = plan.shuffled([...special, ...Array<Profile>(count - special.length).fill('steady')]);
  const singleThreaded = new Set(plan.shuffled([...Array(count).keys()].filter((i) => profiles[i] !== 'new')).slice(0, 5));
  return ORDINARY_ACCOUNTS.map(([name, industry, country], index) =>
    addOrdinaryAccount(world, { name, industry, country }, profiles[index], singleThreaded.has(index)),
  );
}

function addOrdinaryAccount(
  world: DemoWorld,
  spec: { name: string; industry: OrdinaryIndustry; country: Country['code'] },
  profile: Profile,
  singleThreaded: boolean,
): DemoCompany {
  const random = world.random(`ordinary:${spec.name}`);
  const today = world.today;
  const employees = Math.round(Math.exp(random.between(Math.log(15), Math.log(2500))));
  const cadence = random.weighted(CADENCES);
  // Frequent buyers keep a shorter history so that the whole log stays small enough to import in about a second.
  const historyDays = cadence <= 14 ? random.int(420, 800) : random.int(540, 1800);
  const since = profile === 'new' ? today - random.int(45, 130) : today - historyDays;
  const lastOrder =
    profile === 'lapsing'
      ? today - Math.max(60, Math.round(cadence * random.between(3.2, 5)))
      : profile === 'churned'
        ? Math.max(since + cadence * random.int(3, 12), today - random.int(150, 700))
        : profile === 'one-off'
          ? since + cadence * random.int(0, 2)
          : today - 1;
  const company = world.addCompany({
    name: spec.name,
    industry: spec.industry,
    employees,
    country: spec.country,
    owner: random.chance(0.8) ? undefined : 'Lena Vogt',
    createdDay: since - random.int(15, 120),
  });

  const days = cadenceDays(random, since, lastOrder, cadence, cadence <= 7 ? 0.15 : 0.25);
  placeOrders(world, company, days, cadence, basketFor(random, spec.industry, employees), random);

  const smallCompany = employees < 30;
  const contactCount = Math.min(random.weighted(CONTACT_COUNTS), smallCompany ? 3 : 8);
  const roles: DemoRole[] = ['procurement', ...random.shuffled(OTHER_ROLES).slice(0, contactCount - 1)];
  const people = staffCompany(world, company, roles, random, { from: company.createdDay, to: company.createdDay + 90 });

  const [main, ...others] = people;
  const weights = singleThreaded
    ? [[main, 1] as const]
    : [[main, random.between(1.5, 3)] as const, ...others.map((person) => [person, random.chance(0.3) ? 0 : random.between(0.1, 0.6)] as const)];
  const lastTouch = profile === 'steady' || profile === 'new' ? today - random.int(0, 6) : lastOrder + random.int(5, 40);
  logTouches(
    world,
    {
      people: weights.filter(([, weight]) => weight > 0),
      from: Math.max(since - 30, today - 730),
      to: Math.min(lastTouch, today),
      perMonth: profile === 'new' ? 3 : random.between(0.8, 2.4),
      callShare: singleThreaded ? 0 : 0.08,
      meetingShare: singleThreaded ? 0 : 0.04,
    },
    random,
  );
  return company;
}

function basketFor(random: Random, industry: OrdinaryIndustry, employees: number): BasketItem[] {
  const products = random.shuffled(INDUSTRY_BASKETS[industry]);
  const primary = random.chance(0.6) ? INDUSTRY_BASKETS[industry][0] : products[0];
  const secondary = products.filter((product) => product !== primary).slice(0, random.int(0, 3));
  const annualSpend = Math.max(3_000, employees * random.between(50, 180));
  const primaryShare = secondary.length === 0 ? 1 : random.between(0.55, 0.75);
  return [
    { product: primary, annualSpend: annualSpend * primaryShare, everyNth: 1 },
    ...secondary.map((product) => ({
      product,
      annualSpend: (annualSpend * (1 - primaryShare)) / secondary.length,
      everyNth: random.int(1, 3),
    })),
  ];
}
