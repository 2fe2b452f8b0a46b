// The demo world before it becomes CSV: companies, people, order lines and touches (emails, calls, meetings),
// with the ids a HubSpot export and an ERP would give them. Scenario and ordinary-account builders add to it.

import { lineAmount, type Industry, type Product } from './catalog';
import { COUNTRIES, slug, type Country } from './places';
import { randomPhone, type DemoRole, type PersonName } from './people';
import { hashText, streamFor, type Random } from './random';

export interface DemoCompany {
  name: string;
  domain: string;
  industry: Industry;
  employees: number;
  annualRevenue: number;
  country: Country;
  city: string;
  owner: string;
  createdDay: number;
  createdMinute: number;
  /** HubSpot company Record ID. */
  recordId: string;
  /** ERP customer number, as the invoice log names it. */
  customerId: string;
  /** The name the ERP prints on invoices: the legal name. */
  legalName: string;
}

export interface DemoPerson extends PersonName {
  email: string;
  title: string;
  role: DemoRole;
  phone: string;
  /** Absent for a company we have no account for (Bright Foods). */
  company?: DemoCompany;
  companyName: string;
  createdDay: number;
  createdMinute: number;
  leadStatus: string;
  owner: string;
  recordId: string;
}

export interface DemoLine {
  company: DemoCompany;
  day: number;
  product: Product;
  quantity: number;
  amount: number;
}

export type TouchType = 'Email' | 'Meeting' | 'Call';
export type Direction = 'Inbound' | 'Outbound';

export interface DemoTouch {
  person: DemoPerson;
  day: number;
  minute: number;
  type: TouchType;
  direction: Direction;
}

export interface CompanySpec {
  name: string;
  domain?: string;
  industry: Industry;
  employees: number;
  country: Country['code'];
  city?: string;
  owner?: string;
  createdDay: number;
}

export interface PersonSpec extends PersonName {
  title: string;
  role: DemoRole;
  createdDay: number;
  /** Defaults to first.last@<company domain>. */
  email?: string;
  leadStatus?: string;
}

export const REP = { email: 'sam.rivera@keepaccount-demo.example', name: 'Sam Rivera' } as const;

/** Working hours, so that a time zone shift of a few hours never moves an activity to another day. */
export function workingMinute(random: Random): number {
  return random.int(8 * 60, 17 * 60 + 45);
}

export class DemoWorld {
  readonly companies: DemoCompany[] = [];
  readonly people: DemoPerson[] = [];
  readonly lines: DemoLine[] = [];
  readonly touches: DemoTouch[] = [];
  private readonly usedIds = new Set<string>();

  constructor(
    readonly today: number,
    readonly seed: number,
  ) {}

  /** An independent random stream for one part of the world. */
  random(label: string): Random {
    return streamFor(this.seed, label);
  }

  /** A HubSpot-like numeric record id, stable for the same label and seed. */
  private recordId(label: string, digits: number): string {
    let value = hashText(`${this.seed}:id:${label}`) % 10 ** (digits - 1);
    let id = String(10 ** (digits - 1) + value);
    while (this.usedIds.has(id)) id = String(10 ** (digits - 1) + ++value);
    this.usedIds.add(id);
    return id;
  }

  addCompany(spec: CompanySpec): DemoCompany {
    const random = this.random(`company:${spec.name}`);
    const country = COUNTRIES[spec.country];
    const domain = spec.domain ?? `${slug(spec.name)}.${country.tld}`;
    const revenuePerEmployee = random.between(90_000, 260_000);
    const company: DemoCompany = {
      name: spec.name,
      domain,
      industry: spec.industry,
      employees: spec.employees,
      annualRevenue: Math.round((spec.employees * revenuePerEmployee) / 100_000) * 100_000,
      country,
      city: spec.city ?? random.pick(country.cities),
      owner: spec.owner ?? REP.name,
      createdDay: spec.createdDay,
      createdMinute: workingMinute(random),
      recordId: this.recordId(`company:${domain}`, 11),
      customerId: `C${10001 + this.companies.length}`,
      legalName: `${spec.name} ${country.legalForm}`,
    };
    this.companies.push(company);
    return company;
  }

  /** A person at a company we know, or (company undefined) at one we have no account for. */
  addPerson(company: DemoCompany | undefined, spec: PersonSpec & { companyName?: string; country?: Country }): DemoPerson {
    const random = this.random(`person:${spec.firstName} ${spec.lastName}:${company?.domain ?? spec.companyName}`);
    const email = spec.email ?? this.freeAddress(spec, company?.domain ?? '');
    const person: DemoPerson = {
      firstName: spec.firstName,
      lastName: spec.lastName,
      gender: spec.gender,
      email,
      title: spec.title,
      role: spec.role,
      phone: randomPhone(random, spec.country ?? company?.country ?? COUNTRIES.UK),
      company,
      companyName: company?.name ?? spec.companyName ?? '',
      createdDay: spec.createdDay,
      createdMinute: workingMinute(random),
      leadStatus: spec.leadStatus ?? random.weighted([['Connected', 6], ['Open Deal', 1], ['In Progress', 1], ['', 2]] as const),
      owner: company?.owner ?? REP.name,
      recordId: this.recordId(`person:${email}`, 9),
    };
    this.people.push(person);
    return person;
  }

  /** first.last@domain, with a middle initial-like suffix when two people share a name at one company. */
  private freeAddress(name: PersonName, domain: string): string {
    const base = `${slug(name.firstName, '')}.${slug(name.lastName, '')}`;
    let candidate = `${base}@${domain}`;
    for (let n = 2; this.people.some((person) => person.email === candidate); n++) candidate = `${base}${n}@${domain}`;
    return candidate;
  }

  addLine(company: DemoCompany, day: number, product: Product, quantity: number): DemoLine {
    const line = { company, day, product, quantity, amount: lineAmount(product, quantity) };
    this.lines.push(line);
    return line;
  }

  addTouch(person: DemoPerson, day: number, type: TouchType, direction: Direction, random: Random): DemoTouch {
    const touch = { person, day, minute: workingMinute(random), type, direction };
    this.touches.push(touch);
    return touch;
  }

  linesOf(company: DemoCompany): DemoLine[] {
    return this.lines.filter((line) => line.company === company);
  }

  peopleAt(company: DemoCompany): DemoPerson[] {
    return this.people.filter((person) => person.company === company);
  }
}

/** How a person appears in a mail header. */
export function partyOf(person: { email: string; firstName: string; lastName: string }): { email: string; name: string } {
  return { email: person.email, name: `${person.firstName} ${person.lastName}` };
}
