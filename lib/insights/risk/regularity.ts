// Timing regularity. BG/NBD assumes purchases arrive as a Poisson process, so a long silence is
// weak evidence against a buyer who orders like clockwork. Platzer & Reutterer (2016), "Ticking Away
// the Moments: Timing Regularity Helps to Better Predict Customer Activity", Marketing Science 35(5)
// (the MBG/CNBD-k model, R package BTYDplus: https://github.com/mplatzer/BTYDplus) replace the
// exponential gaps by Erlang-k gaps. We keep the BG/NBD population fit and its dropout odds
// a/(b+x−1), and replace only the "no purchase since t_x while still alive" factor by its Erlang-k
// form, with the account's k estimated from its own gaps.
import type { BgNbdParams } from './bgNbd';
import { sigmoid } from './special';

/** Erlang order is capped: buyers skip a cycle or double an order now and then, so never trust clockwork fully. */
export const MAX_REGULARITY = 3;
/** Fewer gaps than this say too little about regularity: stay with BG/NBD's Poisson gaps (k = 1). */
export const MIN_GAPS_FOR_REGULARITY = 4;

/** k = round(mean² / variance) of the gaps (an Erlang-k gap has CV 1/√k), clamped to [1, MAX_REGULARITY]. */
export function regularityOf(gaps: readonly number[]): number {
  if (gaps.length < MIN_GAPS_FOR_REGULARITY) return 1;
  const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  const variance = gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / (gaps.length - 1);
  if (variance === 0) return MAX_REGULARITY;
  return Math.min(MAX_REGULARITY, Math.max(1, Math.round((mean * mean) / variance)));
}

/**
 * P(alive | x, t_x, T) with Erlang-k gaps: 1 / (1 + a/(b+x−1) / S), where S = P(no purchase in (t_x, T]
 * | alive) = P(N < k) for N negative binomial with shape R = r + k·x and rate A = α/k + t_x (the
 * gamma posterior of the phase rate). k = 1 gives exactly bgNbdPAlive.
 */
export function regularityAdjustedPAlive({ r, alpha, a, b }: BgNbdParams, frequency: number, recency: number, T: number, k: number): number {
  if (frequency === 0) return 1;
  const shape = r + k * frequency;
  const rate = alpha / k + recency;
  const silence = T - recency;
  const logP = Math.log(rate / (rate + silence));
  const q = silence / (rate + silence);
  let term = Math.exp(shape * logP);
  let survival = term;
  for (let j = 1; j < k; j++) {
    term *= ((shape + j - 1) / j) * q;
    survival += term;
  }
  const logOddsDead = Math.log(a / (b + frequency - 1)) - Math.log(survival);
  return sigmoid(-logOddsDead);
}
