// A seeded simulated B2B order book with regular reorder cycles, so that the truth is known: for the
// backtest harness (`npm run validate`) and its tests. Test/script support only; it does not ship.
//
// Each account: first order on a day drawn uniformly from [start, acquisitionEnd]; then gaps between
// orders Gamma(shape, mean gap / shape) days (shape uniform in `shapeRange`, so the gap CV is 1/√shape:
// 0.35–0.7 for shapes 2–8), rounded to whole days (at least one); the mean gap lognormal across
// accounts (median `medianGapDays`, log-sd `gapSpread`). Each account stops for good on a churn day:
// first order + an exponential lifetime whose rate is Gamma(2)-distributed across accounts with mean
// 1/`meanLifetimeDays`. Order values lognormal around an account-level mean.
import { dayToIso, toDayNumber } from '../../lib/model/days';
import type { BookOrder } from '../../lib/insights/risk';
import { gammaSampler, random } from './random';

export interface B2bBookOptions {
  accounts: number;
  seed: number;
  /** First possible first order, YYYY-MM-DD. */
  start: string;
  /** Last day of the log, YYYY-MM-DD. */
  end: string;
  /** Last possible first order (default: 180 days before `end`). */
  acquisitionEnd?: string;
  /** Range of the gamma shape of the gaps (default [2, 8]). */
  shapeRange?: readonly [number, number];
  medianGapDays?: number;
  gapSpread?: number;
  meanLifetimeDays?: number;
}

export interface SimulatedAccount {
  customerId: string;
  firstDay: number;
  /** Day after which the account never orders again (may lie after `end`). */
  churnDay: number;
  shape: number;
  meanGapDays: number;
}

export interface SimulatedBook {
  orders: BookOrder[];
  accounts: SimulatedAccount[];
}

/** The population distributions' defaults (scripts/validate/bayesCeiling.ts reads them as the true prior). */
export const B2B_DEFAULTS = { shapeRange: [2, 8] as const, medianGapDays: 30, gapSpread: 0.6, meanLifetimeDays: 1000 };

export function simulateB2bBook(options: B2bBookOptions): SimulatedBook {
  const {
    accounts: count,
    seed,
    shapeRange = B2B_DEFAULTS.shapeRange,
    medianGapDays = B2B_DEFAULTS.medianGapDays,
    gapSpread = B2B_DEFAULTS.gapSpread,
    meanLifetimeDays = B2B_DEFAULTS.meanLifetimeDays,
  } = options;
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const normal = () => Math.sqrt(-2 * Math.log(rand() || 1e-300)) * Math.cos(2 * Math.PI * rand());
  const startDay = toDayNumber(options.start);
  const endDay = toDayNumber(options.end);
  const acquisitionEndDay = options.acquisitionEnd ? toDayNumber(options.acquisitionEnd) : endDay - 180;
  const orders: BookOrder[] = [];
  const accounts: SimulatedAccount[] = [];
  const iso = new Map<number, string>();
  const isoOf = (day: number) => {
    const known = iso.get(day);
    if (known !== undefined) return known;
    const text = dayToIso(day);
    iso.set(day, text);
    return text;
  };
  for (let a = 0; a < count; a++) {
    const customerId = `acct-${String(a).padStart(5, '0')}`;
    const firstDay = startDay + Math.floor(rand() * (acquisitionEndDay - startDay + 1));
    const shape = shapeRange[0] + rand() * (shapeRange[1] - shapeRange[0]);
    const meanGapDays = medianGapDays * Math.exp(gapSpread * normal());
    const churnRate = gamma(2) / 2 / meanLifetimeDays;
    const churnDay = firstDay + Math.floor(-Math.log(rand() || 1e-300) / churnRate);
    const typicalOrder = 500 * Math.exp(0.8 * normal());
    accounts.push({ customerId, firstDay, churnDay, shape, meanGapDays });
    for (let day = firstDay; day <= endDay && day <= churnDay; ) {
      orders.push({ customerId, date: isoOf(day), amount: Math.round(typicalOrder * Math.exp(0.3 * normal())), currency: 'EUR' });
      day += Math.max(1, Math.round((gamma(shape) * meanGapDays) / shape));
    }
  }
  return { orders, accounts };
}
