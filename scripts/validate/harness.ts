// Backtest of lapse-risk models on a book's own history: split the order log at a calibration date,
// fit every model on the orders up to it, predict the holdout that follows, and score the predictions
// against what the customers did. Pure: dates are passed in, nothing reads the clock or does I/O.
//
// What is scored (per customer of the calibration cohort: first order on or before the calibration end):
// - the outcome: "bought in the holdout" = at least one order day in (calibration end, holdout end];
//   purchases = distinct order days in the holdout (same-day orders are one purchase, as in summary.ts);
// - AUC (Mann-Whitney, ties count one half) of a ranking score for that outcome, over all customers
//   and over repeat buyers (two or more order days in the calibration period);
// - Brier score, mean (p − outcome)², of a probability against the same outcome. Two probabilities
//   are scored: P(alive) at the calibration end — the "chance it is still an active buyer" a user is
//   shown — which may be alive yet silent for the holdout, so it is not calibrated for this outcome;
//   and P(active) = P(at least one purchase in the holdout), the model's own probability of exactly
//   the outcome scored;
// - MAE and RMSE of expected holdout purchases against actual purchases, and the predicted total.
// The backtest harness of `npm run validate` (never shipped). The shipped score is taken from lib as it runs in the
// extension: scoreBook's levels, and its own model choice (chooseModelByBacktest on the calibration period) for the
// probabilities over the holdout's length.
import { scoreBook, type AccountOrder } from '../../lib/insights/risk/accountRisk';
import { bgNbdPAlive, bgNbdPredictor, fitBgNbd, type BgNbdFit } from '../../lib/insights/risk/bgNbd';
import { chooseModelByBacktest, fitModel, forecaster, modelLabel, type BookFit } from '../../lib/insights/risk/choose';
import { dayToIso, toDayNumber } from '../../lib/model/days';
import { fitMbgCnbd, type MbgCnbdFit } from '../../lib/insights/risk/mbgcnbd';
import { mbgCnbdPredictor } from '../../lib/insights/risk/mbgcnbdPredict';
import { auc, brierScore, meanAbsoluteError, rootMeanSquaredError } from '../../lib/insights/risk/metrics';
import { bgNbdPActive, paretoNbdQuietIfAlive } from '../../lib/insights/risk/pActive';
import { fitParetoNbd, paretoNbdExpectedPurchases, paretoNbdPAlive, type ParetoNbdFit } from '../../lib/insights/risk/paretoNbd';
import { splitBook, type BacktestSplit, type BookOrder } from '../../lib/insights/risk/split';
import type { TimeUnit } from '../../lib/insights/risk/summary';

export type { BookOrder, BacktestSplit };
// ---------------------------------------------------------------------------------------------
// Models

export type BacktestModel = 'bgnbd' | 'pareto' | 'mbgcnbd' | 'shipped' | 'recency';
export const BACKTEST_MODELS: readonly BacktestModel[] = ['bgnbd', 'pareto', 'mbgcnbd', 'shipped', 'recency'];

/** One model's predictions for every customer of the split; a missing array means the model gives none. */
export interface ModelPredictions {
  model: BacktestModel;
  label: string;
  /** Ranking score for "buys in the holdout" when the model has no probability (levels, recency). */
  rank?: Float64Array;
  pAlive?: Float64Array;
  pActive?: Float64Array;
  expected?: Float64Array;
  /** Which customers the model scores at all (the shipped score leaves one-order accounts without a probability). */
  covered?: boolean[];
  fitMs: number;
  note?: string;
}

export interface BacktestFits {
  bgnbd?: BgNbdFit;
  pareto?: ParetoNbdFit;
  mbgcnbd?: MbgCnbdFit;
}

export interface BacktestOptions {
  calibrationEnd: string;
  holdoutEnd: string;
  unit?: TimeUnit;
  models?: readonly BacktestModel[];
  /**
   * A clock for the fit-time figures (e.g. () => performance.now()); the logic itself never reads one.
   * Without it every fitMs is 0.
   */
  clock?: () => number;
}

export interface Backtest {
  split: BacktestSplit;
  fits: BacktestFits;
  predictions: ModelPredictions[];
  metrics: ModelMetrics[];
}

/** Level of the shipped score as a rank: higher = more likely to order again. */
const LEVEL_RANK: Record<string, number> = { high: 0, watch: 1, unknown: 1, low: 2 };

export function backtestBook(orders: readonly BookOrder[], options: BacktestOptions): Backtest {
  const { calibrationEnd, holdoutEnd, unit = 'weeks', models = BACKTEST_MODELS, clock = () => 0 } = options;
  const split = splitBook(orders, calibrationEnd, holdoutEnd, unit);
  const { rows, horizon } = split;
  const fits: BacktestFits = {};
  const predictions: ModelPredictions[] = [];
  const timed = <T>(work: () => T): [T, number] => {
    const started = clock();
    const result = work();
    return [result, clock() - started];
  };
  const each = (f: (row: (typeof rows)[number]) => number) => Float64Array.from(rows, f);

  const labels: Record<BacktestModel, string> = { bgnbd: 'BG/NBD', pareto: 'Pareto/NBD', mbgcnbd: 'MBG/CNBD-k', shipped: 'shipped (accountRisk)', recency: 'naive: recency' };
  /** A model whose fit fails (a tiny or degenerate book) is reported without predictions instead of failing the backtest. */
  const attempt = (model: BacktestModel, work: () => void) => {
    try {
      work();
    } catch (error) {
      predictions.push({ model, label: labels[model], fitMs: 0, note: `fit failed: ${(error as Error).message}` });
    }
  };

  let bg: BgNbdFit | undefined;
  if (models.includes('bgnbd') || models.includes('shipped')) {
    attempt('bgnbd', () => {
      const [fit, fitMs] = timed(() => fitBgNbd(rows));
      bg = fits.bgnbd = fit;
      if (!models.includes('bgnbd')) return;
      const predictor = bgNbdPredictor(fit, horizon);
      predictions.push({
        model: 'bgnbd',
        label: labels.bgnbd,
        pAlive: each((row) => bgNbdPAlive(fit, row.frequency, row.recency, row.T)),
        pActive: each((row) => bgNbdPActive(fit, horizon, row.frequency, row.recency, row.T)),
        expected: each((row) => predictor(row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  if (models.includes('pareto')) {
    attempt('pareto', () => {
      const [fit, fitMs] = timed(() => fitParetoNbd(rows));
      fits.pareto = fit;
      const quiet = new Map<number, Map<number, number>>();
      predictions.push({
        model: 'pareto',
        label: labels.pareto,
        pAlive: each((row) => paretoNbdPAlive(fit, row.frequency, row.recency, row.T)),
        pActive: each((row) => {
          // The quiet-if-alive factor depends on (x, T) only.
          let byT = quiet.get(row.frequency);
          if (byT === undefined) quiet.set(row.frequency, (byT = new Map()));
          let q = byT.get(row.T);
          if (q === undefined) byT.set(row.T, (q = paretoNbdQuietIfAlive(fit, horizon, row.frequency, row.T)));
          return paretoNbdPAlive(fit, row.frequency, row.recency, row.T) * (1 - q);
        }),
        expected: each((row) => paretoNbdExpectedPurchases(fit, horizon, row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  if (models.includes('mbgcnbd')) {
    attempt('mbgcnbd', () => {
      const [fit, fitMs] = timed(() => fitMbgCnbd(rows));
      fits.mbgcnbd = fit;
      const predictor = mbgCnbdPredictor(fit, horizon);
      predictions.push({
        model: 'mbgcnbd',
        label: `MBG/CNBD-k (k=${fit.k})`,
        pAlive: each((row) => predictor.pAlive(row.frequency, row.recency, row.T)),
        pActive: each((row) => predictor.pActive(row.frequency, row.recency, row.T)),
        expected: each((row) => predictor.expected(row.frequency, row.recency, row.T)),
        fitMs,
      });
    });
  }
  const bgFit = bg;
  if (models.includes('shipped')) attempt('shipped', () => predictions.push(shippedPredictions(orders, split, calibrationEnd, timed)));
  if (models.includes('recency')) {
    predictions.push({
      model: 'recency',
      label: labels.recency,
      // Fewer days of silence ranks higher; the forecast carries the past repeat rate forward.
      rank: Float64Array.from(split.silenceDays, (d) => -d),
      expected: each((row) => (row.T > 0 ? (row.frequency / row.T) * horizon : 0)),
      fitMs: 0,
      note: 'rank = −days since the last order; E = repeat purchases per unit of time so far × holdout',
    });
  }
  const metrics = predictions.map((p) => evaluate(p, split));
  return { split, fits, predictions, metrics };
}

/**
 * The shipped score as of the calibration end, as the extension computes it: levels from scoreBook (which chooses
 * its model by a backtest on the calibration period alone and takes its thresholds from it), probabilities and
 * expected purchases from the same chosen model over the holdout's length.
 */
function shippedPredictions(orders: readonly BookOrder[], split: BacktestSplit, calibrationEnd: string, timed: <T>(work: () => T) => [T, number]): ModelPredictions {
  const isoDays = new Map<number, string>();
  const isoOf = (date: string | Date) => {
    const day = toDayNumber(date);
    let text = isoDays.get(day);
    if (text === undefined) isoDays.set(day, (text = dayToIso(day)));
    return text;
  };
  const calibrationDay = toDayNumber(calibrationEnd);
  const accountOrders: AccountOrder[] = [];
  for (const order of orders) {
    const date = isoOf(order.date);
    if (toDayNumber(date) <= calibrationDay) accountOrders.push({ accountId: order.customerId, date, amount: order.amount ?? 0, currency: order.currency });
  }
  const today = dayToIso(calibrationDay);
  const [{ scores, model }, fitMs] = timed(() => scoreBook(accountOrders, { today, asOf: today }));
  const choice = chooseModelByBacktest(accountOrders.map((o) => ({ customerId: o.accountId, date: o.date })), { endDayOf: () => calibrationDay });
  const book = fitModel(choice.chosen, split.rows);
  const predict = forecaster(book, split.horizon);
  const byId = new Map(scores.toArray().map((score) => [score.accountId, score]));
  const n = split.rows.length;
  const rank = new Float64Array(n);
  const pAlive = new Float64Array(n);
  const pActive = new Float64Array(n);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const score = byId.get(split.customerIds[i]);
    if (!score) throw new Error(`the shipped score left out account ${split.customerIds[i]}`);
    rank[i] = LEVEL_RANK[score.level];
    const forecast = predict(split.rows[i]);
    pAlive[i] = forecast.pAlive;
    pActive[i] = forecast.pActive;
    expected[i] = forecast.expected;
  }
  const checked = model.trackRecord ? `; its own check on the calibration period: high precision ${(model.trackRecord.high.precision * 100).toFixed(0)}%, recall ${(model.trackRecord.high.recall * 100).toFixed(0)}%` : '';
  const inner = `; the choice's Brier of P(active) on the last 90 days: ${choice.candidates.map((c) => `${c.label} ${c.brierAll.toFixed(6)}`).join(', ')}`;
  return { model: 'shipped', label: `shipped (${modelLabel(book)})`, rank, pAlive, pActive, expected, fitMs, note: `chosen by backtest: ${model.label}${checked}${inner}${describeMixture(book)}` };
}

/** The mixture's fitted parameters on the calibration period, when it is the chosen model. */
function describeMixture(book: BookFit): string {
  if (book.model !== 'bgpareto') return '';
  const { share, bg, pareto, logLikelihood } = book.fit;
  const f = (v: number) => v.toFixed(3);
  return `; fitted: π=${f(share)} BG/NBD r=${f(bg.r)} α=${f(bg.alpha)} a=${f(bg.a)} b=${f(bg.b)}, Pareto/NBD r=${f(pareto.r)} α=${f(pareto.alpha)} s=${f(pareto.s)} β=${f(pareto.beta)}, LL=${logLikelihood.toFixed(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Metrics of one model

export interface SubsetMetrics {
  customers: number;
  /** AUC of each score the model has. */
  aucRank?: number;
  aucPAlive?: number;
  aucPActive?: number;
  aucExpected?: number;
  brierPAlive?: number;
  brierPActive?: number;
  mae?: number;
  rmse?: number;
  predictedTotal?: number;
  actualTotal: number;
}

export interface ModelMetrics {
  model: BacktestModel;
  label: string;
  all: SubsetMetrics;
  repeat: SubsetMetrics;
}

function evaluate(p: ModelPredictions, split: BacktestSplit): ModelMetrics {
  const subset = (keep: (i: number) => boolean): SubsetMetrics => {
    const index: number[] = [];
    for (let i = 0; i < split.rows.length; i++) if (keep(i)) index.push(i);
    const pick = (values: Float64Array) => Float64Array.from(index, (i) => values[i]);
    const labels = index.map((i) => split.bought[i]);
    const actual = pick(split.holdoutPurchases);
    // A score counts only where the model covers every customer of the subset.
    const complete = (values: Float64Array | undefined) => (values && index.every((i) => Number.isFinite(values[i])) ? pick(values) : undefined);
    const rank = complete(p.rank);
    const pAlive = complete(p.pAlive);
    const pActive = complete(p.pActive);
    const expected = complete(p.expected);
    const sum = (values: Float64Array) => values.reduce((acc, v) => acc + v, 0);
    return {
      customers: index.length,
      aucRank: rank && auc(rank, labels),
      aucPAlive: pAlive && auc(pAlive, labels),
      aucPActive: pActive && auc(pActive, labels),
      aucExpected: expected && auc(expected, labels),
      brierPAlive: pAlive && brierScore(pAlive, labels),
      brierPActive: pActive && brierScore(pActive, labels),
      mae: expected && meanAbsoluteError(expected, actual),
      rmse: expected && rootMeanSquaredError(expected, actual),
      predictedTotal: expected && sum(expected),
      actualTotal: sum(actual),
    };
  };
  return { model: p.model, label: p.label, all: subset(() => true), repeat: subset((i) => split.repeat[i]) };
}

