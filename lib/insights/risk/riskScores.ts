// Every account's lapse risk as typed columns (scoreBook, accountRisk.ts, computes every figure into them); the
// LapseRisk object of an account is made only when a caller asks for it. A million accounts' figures take ~60 MB as
// columns, where a million LapseRisk objects, each with its boxed numbers and date strings, took ~270 MB and a
// second of garbage collection. Pure; no clock.
import type { LapseRisk, RiskLevel } from '../../model/insight';
import { dayToIso } from '../../model/days';
import type { PurchaseDays } from './summary';

/** Level codes of the `level` column. */
export const LEVEL_CODES = ['high', 'watch', 'low'] as const satisfies readonly RiskLevel[];
export type LevelCode = 0 | 1 | 2;

/** One segment's accounts (entry k: account k of `grouped`) and their figures. */
export interface SegmentScores {
  grouped: PurchaseDays;
  /** Each account's as-of day (a day number). */
  asOf: Int32Array;
  scoredAt: string;
  horizonDays: number;
  /** The model's figures; undefined when no model could be fitted (every account is then "unknown"). */
  figures?: SegmentFigures;
}

export interface SegmentFigures {
  model: string;
  /** LEVEL_CODES index of each account's level. */
  level: Uint8Array;
  /** As the model gave them; clamped to 0..1 when read. */
  pAlive: Float64Array;
  pActive: Float64Array;
  expected: Float64Array;
  /** Unrounded; rounded to cents when read. */
  annualValue: Float64Array;
  /** Median days between orders (read only for accounts with two orders or more). */
  medianGapDays: Float64Array;
  /** Spend in the year up to the last order (read only when nothing was bought in the year up to the as-of day). */
  yearBeforeLastOrder: Float64Array;
}

/** The lapse risk of every account of a book, in the order of its segments' accounts. */
export class RiskScores implements Iterable<LapseRisk> {
  readonly length: number;

  constructor(private readonly parts: readonly SegmentScores[]) {
    this.length = parts.reduce((n, part) => n + part.grouped.customerIds.length, 0);
  }

  /** Account k's level, without making its LapseRisk. */
  levelAt(k: number): RiskLevel {
    const [part, i] = this.locate(k);
    return part.figures ? LEVEL_CODES[part.figures.level[i]] : 'unknown';
  }

  /** Account k's LapseRisk (a new object each call). */
  at(k: number): LapseRisk {
    const [part, i] = this.locate(k);
    return riskOf(part, i);
  }

  toArray(): LapseRisk[] {
    const out: LapseRisk[] = new Array(this.length);
    let k = 0;
    for (const part of this.parts) for (let i = 0; i < part.grouped.customerIds.length; i++) out[k++] = riskOf(part, i);
    return out;
  }

  *[Symbol.iterator](): Iterator<LapseRisk> {
    for (const part of this.parts) for (let i = 0; i < part.grouped.customerIds.length; i++) yield riskOf(part, i);
  }

  private locate(k: number): [SegmentScores, number] {
    if (!(Number.isInteger(k) && k >= 0 && k < this.length)) throw new RangeError(`no account ${k} among ${this.length}`);
    let i = k;
    for (const part of this.parts) {
      if (i < part.grouped.customerIds.length) return [part, i];
      i -= part.grouped.customerIds.length;
    }
    throw new RangeError(`no account ${k}`);
  }
}

function riskOf(part: SegmentScores, k: number): LapseRisk {
  const { grouped, asOf, scoredAt, horizonDays, figures } = part;
  const { customerIds, start, days, currencies } = grouped;
  const from = start[k];
  const to = start[k + 1];
  const asOfDay = asOf[k];
  if (!figures) {
    return {
      accountId: customerIds[k],
      level: 'unknown',
      horizonDays,
      asOf: dayToIso(asOfDay),
      orderCount: to - from,
      lastOrderDate: dayToIso(days[to - 1]),
      daysSinceLastOrder: asOfDay - days[to - 1],
      thinEvidence: true,
      model: 'none',
      scoredAt,
    };
  }
  const pAlive = clamp01(figures.pAlive[k]);
  const annualValue = figures.annualValue[k];
  const yearBeforeLastOrder = figures.yearBeforeLastOrder[k];
  // One object literal with every key (an absent figure is undefined, which JSON and the schema read as absent):
  // a literal with spreads in it costs ~5 µs per account, a plain one ~1 µs.
  return {
    accountId: customerIds[k],
    level: LEVEL_CODES[figures.level[k]],
    pAlive,
    pActive: clamp01(figures.pActive[k]),
    horizonDays,
    asOf: dayToIso(asOfDay),
    orderCount: to - from,
    lastOrderDate: dayToIso(days[to - 1]),
    daysSinceLastOrder: asOfDay - days[to - 1],
    medianGapDays: to - from > 1 ? figures.medianGapDays[k] : undefined,
    expectedOrdersNext90: figures.expected[k],
    annualValue: roundMoney(annualValue),
    // The year's value times the chance the account has stopped: never more than the annual value.
    valueAtRisk: roundMoney(annualValue * (1 - pAlive)),
    currency: currencies?.[k],
    thinEvidence: to - from < 3,
    spendInLastYearOfOrdering: annualValue <= 0 && yearBeforeLastOrder > 0 ? roundMoney(yearBeforeLastOrder) : undefined,
    model: figures.model,
    scoredAt,
  };
}

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));
const roundMoney = (value: number) => Math.round(value * 100) / 100;
