// How orders and touches are laid out in time: a cadence with jitter, baskets of products on each order, and
// an activity log spread over contacts by weight.

import { quantityFor, lineAmount, type Product } from './catalog';
import type { Random } from './random';
import type { DemoCompany, DemoLine, DemoPerson, DemoWorld, Direction, TouchType } from './world';

/** Order days from `first` to at most `last`, gaps of `cadence` days ± `jitter` (a fraction), at least 2 days apart. */
export function cadenceDays(random: Random, first: number, last: number, cadence: number, jitter = 0.2): number[] {
  const days: number[] = [];
  for (let day = first; day <= last; ) {
    days.push(day);
    day += Math.max(2, Math.round(cadence * (1 + (random.next() * 2 - 1) * jitter)));
  }
  return days;
}

export interface BasketItem {
  product: Product;
  /** Euros a year while the account orders at its cadence. */
  annualSpend: number;
  /** On every n-th order (1 = every order). */
  everyNth: number;
}

/** One invoice per order day, one line per basket item due that day. */
export function placeOrders(
  world: DemoWorld,
  company: DemoCompany,
  days: number[],
  cadence: number,
  basket: BasketItem[],
  random: Random,
): void {
  for (const item of basket) {
    const offset = random.int(0, item.everyNth - 1);
    const perOrder = (item.annualSpend * cadence * item.everyNth) / 365;
    days.forEach((day, index) => {
      if (index % item.everyNth !== offset) return;
      world.addLine(company, day, item.product, quantityFor(item.product, perOrder * random.between(0.85, 1.15)));
    });
  }
}

/** Spend on lines dated in (from, to]. */
export function spendBetween(lines: DemoLine[], from: number, to: number): number {
  return lines.reduce((sum, line) => (line.day > from && line.day <= to ? sum + line.amount : sum), 0);
}

function setQuantity(line: DemoLine, quantity: number): void {
  line.quantity = quantity;
  line.amount = lineAmount(line.product, quantity);
}

/**
 * Brings the spend of these lines in (from, to] to about `target`: every line is rescaled (so that older history
 * keeps the same level), then single packs are added or removed in the window until the total is within half
 * of the smallest pack's value.
 */
export function calibrateSpend(lines: DemoLine[], from: number, to: number, target: number): void {
  const actual = spendBetween(lines, from, to);
  const inWindow = lines.filter((line) => line.day > from && line.day <= to);
  if (actual <= 0 || inWindow.length === 0) return;
  for (const line of lines) setQuantity(line, quantityFor(line.product, line.amount * (target / actual)));
  const tolerance = Math.min(...inWindow.map((line) => line.product.unitPrice * line.product.pack)) / 2;
  for (let step = 0; step < inWindow.length * 6; step++) {
    const gap = target - spendBetween(inWindow, from, to);
    if (Math.abs(gap) <= tolerance) return;
    const line = inWindow[step % inWindow.length];
    const packValue = line.product.unitPrice * line.product.pack;
    if (Math.abs(gap) < packValue / 2) continue;
    if (gap > 0) setQuantity(line, line.quantity + line.product.pack);
    else if (line.quantity > line.product.pack) setQuantity(line, line.quantity - line.product.pack);
  }
}

export interface TouchPlan {
  /** People and how much of the conversation each gets. */
  people: (readonly [DemoPerson, number])[];
  from: number;
  to: number;
  perMonth: number;
  callShare?: number;
  meetingShare?: number;
}

/** `count` emails with one person, evenly spread over [from, to] with some jitter, in both directions. */
export function spreadEmails(world: DemoWorld, person: DemoPerson, from: number, to: number, count: number, random: Random): void {
  const span = Math.max(0, to - from);
  for (let i = 0; i < count; i++) {
    const day = from + Math.floor(((i + random.next()) * span) / count);
    world.addTouch(person, day, 'Email', random.chance(0.55) ? 'Outbound' : 'Inbound', random);
  }
}

/** A CRM-style activity log: emails both ways, some calls and meetings, on random working days. */
export function logTouches(world: DemoWorld, plan: TouchPlan, random: Random): void {
  if (plan.to < plan.from || plan.people.length === 0) return;
  const months = (plan.to - plan.from + 1) / 30.44;
  const count = Math.round(plan.perMonth * months);
  const callShare = plan.callShare ?? 0.08;
  const meetingShare = plan.meetingShare ?? 0.04;
  for (let i = 0; i < count; i++) {
    const person = random.weighted(plan.people);
    const day = Math.max(random.int(plan.from, plan.to), person.createdDay);
    const type: TouchType = random.weighted([['Email', 1 - callShare - meetingShare], ['Call', callShare], ['Meeting', meetingShare]] as const);
    const direction: Direction = type === 'Email' ? (random.chance(0.5) ? 'Inbound' : 'Outbound') : random.chance(0.75) ? 'Outbound' : 'Inbound';
    world.addTouch(person, day, type, direction, random);
  }
}
