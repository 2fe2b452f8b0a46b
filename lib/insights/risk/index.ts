// Lapse-risk engine: purchase summaries, BG/NBD, Pareto/NBD and Gamma-Gamma models, and the
// per-account lapse risk the sidebar shows. Pure functions; no DOM, no storage.
export { summarizeTransactions, summarizePurchaseDays, groupPurchaseDays, purchaseDaysUpTo, PurchaseDaysBuilder, type PurchaseDays, type CustomerSummaryWithGaps, type Transaction, type SummaryOptions, type CustomerSummary, type TimeUnit } from './summary';
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
export { scoreAccounts, scoreBook, accountPurchaseDays, HORIZON_DAYS, LEVEL_PRECISION, type AccountOrder, type ScoreAccountsOptions, type BookScores } from './accountRisk';
export { RiskScores } from './riskScores';
export {
  fitMbgCnbd,
  mbgCnbdLogLikelihood,
  mbgCnbdPAlive,
  sumLogGaps,
  MAX_K,
  type MbgCnbdParams,
  type MbgCnbdFit,
  type MbgCnbdFitForK,
  type MbgCnbdOptions,
  type CnbdRow,
  type CnbdVariant,
} from './mbgcnbd';
export { mbgCnbdPredictor, mbgCnbdExpectedPurchases, mbgCnbdPActive, type MbgCnbdPredictor } from './mbgcnbdPredict';
export { splitBook, splitBookPerCustomer, type BookOrder, type BacktestSplit } from './split';
export { auc, aucSorted, sortByScore, brierScore, meanAbsoluteError, rootMeanSquaredError } from './metrics';
export { bgNbdPActive, paretoNbdPActive } from './pActive';
export {
  chooseModelByBacktest,
  fitModel,
  forecaster,
  modelLabel,
  thresholdForPrecision,
  flagQuality,
  SHIPPED_CANDIDATES,
  MIXTURE_MAX_ROWS,
  type BookFit,
  type FittedModel,
  type FlagThreshold,
  type ModelChoiceByBacktest,
} from './choose';
