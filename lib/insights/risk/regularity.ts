// Timing regularity. BG/NBD assumes purchases arrive as a Poisson process, so a long silence is
// weak evidence against a buyer who orders like clockwork. Platzer & Reutterer (2016), "Ticking Away
// the Moments: Timing Regularity Helps to Better Predict Customer Activity", Marketing Science 35(5)
// (MBG/CNBD-k and Pareto/GGG, R package BTYDplus: https://github.com/mplatzer/BTYDplus, files
// R/mbg-cnbd-k.R and R/pareto-ggg-mcmc.R) replace the exponential gaps by Erlang/gamma gaps of shape k,
// with k per customer in Pareto/GGG and no upper bound on it.
//
// Two honest-uncertainty adjustments on top (both ours, documented here):
// - k is estimated from the account's own gaps as 1/CV², the CV² shrunk toward 1 (Poisson gaps) as if
//   REGULARITY_PRIOR_GAPS gaps of a Poisson buyer had been seen too: two gaps cannot prove clockwork,
//   thirty tight ones can (a gap CV of 0.1 over 30 gaps gives k ≈ 13; over 300 gaps k ≈ 75).
// - The next gap is a mixture: with probability w it ignores the rhythm and follows BG/NBD's Poisson
//   gaps (k = 1): a skipped cycle, a stock build-up, a holiday shutdown. w is Laplace's rule of
//   succession on the account's own gaps: (off-rhythm gaps + 1) / (gaps + 2), an off-rhythm gap being
//   at least twice the median. A buyer never seen to skip in 30 gaps gets w = 1/32, not 0, so one
//   long silence does not read as certain loss.
import type { BgNbdParams } from './bgNbd';
import { sigmoid } from './special';

/** Weight of the Poisson prior on the gap CV², in gaps. */
export const REGULARITY_PRIOR_GAPS = 2;
/** Numerical bound only (the survival sum has k terms); evidence alone keeps k below (gaps + 1) / 2. */
export const MAX_REGULARITY = 500;
/** A gap this many times the median breaks the account's rhythm. */
export const OFF_RHYTHM_GAP_RATIO = 2;

/**
 * Erlang order k of the gaps (an Erlang-k gap has CV 1/√k): 1 / CV², the sample CV² (n − 1 degrees of
 * freedom) shrunk toward 1 by REGULARITY_PRIOR_GAPS pseudo-gaps; 1 with fewer than two gaps.
 */
export function regularityOf(gaps: readonly number[]): number {
  const n = gaps.length;
  if (n < 2) return 1;
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / n;
  if (!(mean > 0)) return 1;
  const variance = gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / (n - 1);
  const cv2 = ((n - 1) * (variance / (mean * mean)) + REGULARITY_PRIOR_GAPS) / (n - 1 + REGULARITY_PRIOR_GAPS);
  return Math.min(MAX_REGULARITY, Math.max(1, Math.round(1 / cv2)));
}

/** w = (gaps ≥ 2× the median + 1) / (gaps + 2): Laplace's rule of succession. 1/2 without gaps. */
export function offRhythmShare(gaps: readonly number[], medianGap: number): number {
  let off = 0;
  for (const gap of gaps) if (gap >= OFF_RHYTHM_GAP_RATIO * medianGap) off++;
  return (off + 1) / (gaps.length + 2);
}

/**
 * P(no purchase within `silence` of the last one | still alive) with Erlang-k gaps: P(N < k) for N
 * negative binomial with shape R = r + k·x and rate A = α/k + t_x, the gamma posterior of the phase
 * rate under BG/NBD's prior (k = 1: BG/NBD's own ((α+t_x)/(α+T))^(r+x)).
 */
export function erlangSilenceSurvival({ r, alpha }: Pick<BgNbdParams, 'r' | 'alpha'>, frequency: number, recency: number, silence: number, k: number): number {
  if (silence <= 0) return 1;
  const shape = r + k * frequency;
  const rate = alpha / k + recency;
  const logP = Math.log(rate / (rate + silence));
  const q = silence / (rate + silence);
  let term = Math.exp(shape * logP);
  let survival = term;
  for (let j = 1; j < k; j++) {
    term *= ((shape + j - 1) / j) * q;
    survival += term;
  }
  return Math.min(1, survival);
}

export interface GapModel {
  /** Erlang order of the rhythm. */
  k: number;
  /** Probability the next gap ignores the rhythm (Poisson gap). */
  offRhythm: number;
}

/** The silence survival of the mixture: (1 − w)·S_k(u) + w·S_1(u). */
export function silenceSurvival(bg: Pick<BgNbdParams, 'r' | 'alpha'>, frequency: number, recency: number, silence: number, gaps: GapModel): number {
  const poisson = erlangSilenceSurvival(bg, frequency, recency, silence, 1);
  if (gaps.k === 1) return poisson;
  return (1 - gaps.offRhythm) * erlangSilenceSurvival(bg, frequency, recency, silence, gaps.k) + gaps.offRhythm * poisson;
}

/**
 * MBG/CNBD-k-style P(alive | x, t_x, T) with BG/NBD's per-purchase dropout odds a/(b+x−1):
 * 1 / (1 + a/(b+x−1) / S_k(T − t_x)). k = 1 gives exactly bgNbdPAlive. (scoreAccounts uses the
 * time-based lifetime of lifetime.ts instead; see there why.)
 */
export function regularityAdjustedPAlive(params: BgNbdParams, frequency: number, recency: number, T: number, k: number): number {
  if (frequency === 0) return 1;
  const { a, b } = params;
  const survival = erlangSilenceSurvival(params, frequency, recency, T - recency, k);
  const logOddsDead = Math.log(a / (b + frequency - 1)) - Math.log(survival);
  return sigmoid(-logOddsDead);
}
