// The data sets of `npm run validate`, read in place from ../shared (never copied into the repository),
// and the seeded simulated B2B book.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BookOrder } from '../../lib/insights/risk';
import { toDayNumber } from '../../lib/model/days';
import { parseCdnowLog } from '../../tests/support/cdnow';
import { B2B_DEFAULTS, simulateB2bBook } from '../../tests/support/b2bBook';
import { bayesB2bScores } from './bayesCeiling';

const shared = resolve(import.meta.dirname, '../../../shared/data');

export interface DataSet {
  name: string;
  why: string;
  calibrationEnd: string;
  holdoutEnd: string;
  load(): BookOrder[];
  /** Purchasing is regular (reorder cycles): the shipped score must then beat the best textbook model by 0.01. */
  regular?: boolean;
  /** For simulated books: is the customer still buying at the calibration end? */
  aliveAtCalibrationEnd?: (customerId: string) => boolean;
  /** For simulated books: the Bayes-optimal P(≥ 1 order in (calibration end, holdoutEnd]) of each customer, under the simulator's true process. */
  bayesActive?: (customerIds: readonly string[], holdoutEnd: string) => Float64Array;
  /**
   * A second, longer holdout of the same book, printed for reference beside the goal line (the goal is judged on
   * `holdoutEnd`).
   */
  referenceHoldoutEnd?: string;
}

const SIMULATED = { accounts: 5000, seed: 7, start: '2022-01-01', end: '2024-12-31', acquisitionEnd: '2024-03-31', medianGapDays: 45 } as const;
let simulatedTruth: Map<string, number> | undefined;
let simulatedDays: Map<string, number[]> | undefined;

export const dataSets: DataSet[] = [
  {
    name: 'CDNOW (full log)',
    why: 'calibration to 1997-09-30, holdout to 1998-06-30 (as in the issue and in Fader, Hardie & Lee 2005)',
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    load: () => parseCdnowLog(readFileSync(resolve(shared, 'cdnow/CDNOW_master.txt'), 'utf8')),
  },
  {
    name: 'example_transactions.csv (lifetimes simulator)',
    why: 'calibration to 2014-09-30, holdout to 2014-12-31: every customer has had its first order by the end of September, so the holdout follows the whole book for its last quarter',
    calibrationEnd: '2014-09-30',
    holdoutEnd: '2014-12-31',
    load: () =>
      readFileSync(resolve(shared, 'example_transactions.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [date, id] = line.split(',');
          return { customerId: id, date: date.slice(0, 10) };
        }),
  },
  {
    name: `simulated B2B book (${SIMULATED.accounts.toLocaleString('en')} accounts, seed ${SIMULATED.seed})`,
    why:
      'gamma reorder gaps of shape 2–8, median gap 45 days, lognormal rates, random churn dates; first orders 2022-01-01..2024-03-31, calibration to 2024-06-30, ' +
      'holdout the next 90 days (to 2024-09-28): the horizon the product predicts for (the model choice backtests 90 days, "high" means no order in the next 90 days)',
    calibrationEnd: '2024-06-30',
    // The product's horizon, not the 6 months simulated: with a median gap of 45 days nearly every account still
    // buying orders within 6 months, so a 6-month holdout asks only "stopped or not" and hides what the timing of
    // the next order (regularity) tells. The 6-month holdout is still printed, for reference.
    holdoutEnd: '2024-09-28',
    referenceHoldoutEnd: '2024-12-31',
    load: () => {
      const book = simulateB2bBook(SIMULATED);
      simulatedTruth = new Map(book.accounts.map((a) => [a.customerId, a.churnDay]));
      simulatedDays = new Map();
      for (const order of book.orders) {
        const day = toDayNumber(order.date);
        const days = simulatedDays.get(order.customerId);
        if (days) days.push(day);
        else simulatedDays.set(order.customerId, [day]);
      }
      return book.orders;
    },
    regular: true,
    aliveAtCalibrationEnd: (id) => (simulatedTruth?.get(id) ?? -Infinity) >= toDayNumber('2024-06-30'),
    bayesActive: (ids, holdoutEnd) =>
      bayesB2bScores(
        ids.map((id) => simulatedDays?.get(id) ?? []),
        toDayNumber('2024-06-30'),
        toDayNumber(holdoutEnd),
        { ...B2B_DEFAULTS, medianGapDays: SIMULATED.medianGapDays },
      ).pActive,
  },
];

