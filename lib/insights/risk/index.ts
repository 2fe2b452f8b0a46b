// Lapse-risk engine: purchase summaries, BG/NBD, Pareto/NBD and Gamma-Gamma models, and the
// per-account lapse risk the sidebar shows. Pure functions; no DOM, no storage.
export { summarizeTransactions, groupPurchaseDays, type Transaction, type SummaryOptions, type CustomerSummary, type TimeUnit } from './summary';
export { toDayNumber, dayToIso } from '../../model/days';
export {
  fitBgNbd,
  bgNbdPAlive,
  bgNbdExpectedPurchases,
  bgNbdPredictor,
  bgNbdProbabilityOfPurchases,
  bgNbdExpectedPurchasesUnconditional,
  bgNbdLogLikelihood,
  type BgNbdParams,
  type BgNbdFit,
  type FitOptions,
} from './bgNbd';
export { fitParetoNbd, paretoNbdPAlive, paretoNbdExpectedPurchases, paretoNbdLogLikelihood, type ParetoNbdParams, type ParetoNbdFit } from './paretoNbd';
export { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams, type GammaGammaFit } from './gammaGamma';
export { chooseModel, type ModelChoice, type ModelName } from './chooseModel';
export type { RfmRow } from './rows';
export { scoreAccounts, lapseLevel, LEVEL_THRESHOLDS, type AccountOrder, type ScoreAccountsOptions } from './accountRisk';
export {
  fitMbgCnbd,
  mbgCnbdLogLikelihood,
  mbgCnbdPAlive,
  mbgCnbdPredictor,
  mbgCnbdExpectedPurchases,
  mbgCnbdPActive,
  sumLogGaps,
  MAX_K,
  type MbgCnbdParams,
  type MbgCnbdFit,
  type MbgCnbdFitForK,
  type MbgCnbdOptions,
  type MbgCnbdPredictor,
  type CnbdRow,
  type CnbdVariant,
} from './mbgcnbd';
export {
  backtestBook,
  splitBook,
  chooseModelByBacktest,
  activeProbabilities,
  thresholdForPrecision,
  flagQuality,
  auc,
  brierScore,
  meanAbsoluteError,
  rootMeanSquaredError,
  pairedBootstrapAuc,
  pairedBootstrapAucs,
  bgNbdPActive,
  paretoNbdPActive,
  BACKTEST_MODELS,
  type Backtest,
  type BacktestModel,
  type BacktestOptions,
  type BookOrder,
  type ModelChoiceByBacktest,
  type FlagThreshold,
  type FittedModel,
} from './backtest';
