// Time-based dropout for account risk: the Pareto/NBD lifetime (Schmittlein, Morrison & Colombo 1987:
// each account's lifetime is exponential with rate μ, μ ~ Gamma(s, β) across accounts) combined with
// each account's own gap distribution, as in Pareto/GGG (Platzer & Reutterer 2016, Marketing Science
// 35(5); BTYDplus R/pareto-ggg-mcmc.R, https://github.com/mplatzer/BTYDplus, whose P(alive) also
// integrates numerically over the time of death).
//
// Why not BG/NBD's per-purchase dropout a/(b+x−1): fitted on a book of mostly steady accounts it is
// tiny for a long-standing buyer (the Poisson gaps explain any silence as chance), so even a buyer who
// misses three of its usual orders keeps a high P(alive). A dropout rate per unit of time does not
// shrink with the number of orders placed, and fitting it with regularity-aware silences lets the
// lapsed accounts of the book say how often accounts stop.
//
// For one account with first order at 0, last order at t_x, observed to T, and silence survival S(u)
// (probability of no order within u of the last one while still alive; regularity.ts):
//   alive:  A = P(τ > T) · S(T − t_x)               = (β/(β+T))^s · S(T − t_x)
//   gone:   D = ∫_{t_x}^{T} f(τ) · S(τ − t_x) dτ,     f(τ) = s β^s / (β+τ)^(s+1)
//   P(alive) = A / (A + D); the likelihood of the silence is A + D (the gaps before t_x and the
//   survival to t_x are common factors: the order gaps' likelihood does not depend on s, β).
// s and β are fitted by maximum likelihood over all accounts, the S(u) held fixed.
import { minimizeBfgs } from './optimize';

export interface LifetimeParams {
  s: number;
  beta: number;
}

export interface LifetimeFit extends LifetimeParams {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** One account's silence, ready for the fit: S at the silence and at quadrature nodes over it. */
export interface SilenceEvidence {
  /** Time of the last order, from the first (in the fit's unit). */
  recency: number;
  /** Time observed, from the first order. */
  T: number;
  /** S(T − t_x). */
  survivalNow: number;
  /** Death times τ = t_x + u_j of the quadrature nodes. */
  deathTimes: Float64Array;
  /** S(u_j) · Δu_j. */
  weightedSurvival: Float64Array;
}

/** Quadrature nodes per account (P(alive) within 0.2 points of a 4,000-node integral in the tests): midpoints on a grid dense near the last order, where S falls. */
export const SILENCE_NODES = 24;

/**
 * Tabulates S over the silence (T − t_x) with nodes u_j = σ·((j+½)/n)², midpoint rule in the square
 * root of u: the density of death times is smooth, S(u) changes fastest within a few usual gaps.
 */
export function silenceEvidence(recency: number, T: number, survival: (u: number) => number, nodes = SILENCE_NODES): SilenceEvidence {
  const silence = T - recency;
  const n = silence > 0 ? nodes : 0;
  const deathTimes = new Float64Array(n);
  const weightedSurvival = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const lo = silence * (j / n) ** 2;
    const hi = silence * ((j + 1) / n) ** 2;
    const u = silence * ((j + 0.5) / n) ** 2;
    deathTimes[j] = recency + u;
    weightedSurvival[j] = survival(u) * (hi - lo);
  }
  return { recency, T, survivalNow: silence > 0 ? survival(silence) : 1, deathTimes, weightedSurvival };
}

/** A and D (see the header), with their derivatives in (ln s, ln β) when `gradient` is given. */
function aliveAndGone({ s, beta }: LifetimeParams, e: SilenceEvidence, gradient?: Float64Array): [number, number] {
  // (β/(β+t))^s = exp(−s·log1p(t/β)), stable for β ≫ t.
  const logSurvT = -s * Math.log1p(e.T / beta);
  const alive = Math.exp(logSurvT) * e.survivalNow;
  let gone = 0;
  let goneDs = 0;
  let goneDb = 0;
  for (let j = 0; j < e.deathTimes.length; j++) {
    const tau = e.deathTimes[j];
    const term = ((s / (beta + tau)) * Math.exp(-s * Math.log1p(tau / beta))) * e.weightedSurvival[j];
    gone += term;
    if (gradient) {
      goneDs += term * (1 - s * Math.log1p(tau / beta)); // s · ∂/∂s
      goneDb += term * (s - ((s + 1) * beta) / (beta + tau)); // β · ∂/∂β
    }
  }
  if (gradient) {
    gradient[0] = alive * logSurvT + goneDs;
    gradient[1] = alive * ((s * e.T) / (beta + e.T)) + goneDb;
  }
  return [alive, gone];
}

/** P(alive) = A / (A + D); 1 when nothing has been silent. */
export function lifetimePAlive(params: LifetimeParams, evidence: SilenceEvidence): number {
  const [alive, gone] = aliveAndGone(params, evidence);
  const total = alive + gone;
  return total > 0 ? alive / total : 0;
}

/** Σ ln(A + D) over the accounts: the part of the log-likelihood that depends on (s, β). */
export function lifetimeLogLikelihood(params: LifetimeParams, evidence: readonly SilenceEvidence[]): number {
  let ll = 0;
  for (const e of evidence) {
    const [alive, gone] = aliveAndGone(params, e);
    ll += Math.log(alive + gone);
  }
  return ll;
}

/**
 * Dropout rates whose gamma shape exceeds this have a coefficient of variation 1/√s under 1%: the
 * same as one rate for every account. The fit stops growing s there (the flat end of the ridge).
 */
const LOG_MAX_SHAPE = Math.log(1e4);

/**
 * Maximum-likelihood (s, β) over the accounts' silences: BFGS with an analytic gradient in
 * (ln s, ln m), m = s/β the mean dropout rate. In those coordinates the likelihood's ridge toward
 * homogeneous rates (s, β → ∞ with s/β fixed, common when few accounts stop) is flat in ln s only,
 * so the search stops there instead of walking along it. Starts from s = 1, m = 1 / mean history.
 */
export function fitLifetime(evidence: readonly SilenceEvidence[], options: { maxIterations?: number } = {}): LifetimeFit {
  if (evidence.length === 0) throw new RangeError('no accounts to fit');
  const meanT = evidence.reduce((sum, e) => sum + e.T, 0) / evidence.length;
  const n = evidence.length;
  const partial = new Float64Array(2);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const capped = theta[0] > LOG_MAX_SHAPE;
    const s = Math.exp(capped ? LOG_MAX_SHAPE : theta[0]);
    const params = { s, beta: s / Math.exp(theta[1]) };
    if (!(params.s > 0 && params.beta > 0 && Number.isFinite(params.s + params.beta))) return NaN;
    let ll = 0;
    let gS = 0;
    let gBeta = 0;
    for (const e of evidence) {
      const [alive, gone] = aliveAndGone(params, e, partial);
      const total = alive + gone;
      if (!(total > 0)) return NaN;
      ll += Math.log(total);
      gS += partial[0] / total;
      gBeta += partial[1] / total;
    }
    // ln β = ln s − ln m: ∂/∂ln s|m = ∂/∂ln s|β + ∂/∂ln β, ∂/∂ln m = −∂/∂ln β.
    gradient[0] = capped ? 0 : -(gS + gBeta) / n;
    gradient[1] = gBeta / n;
    return -ll / n;
  };
  const start = [0, -Math.log(Math.max(meanT, 1e-6))];
  const result = minimizeBfgs(objective, start, {
    maxIterations: options.maxIterations ?? 200,
    gradientTolerance: 1e-7,
    // P(alive) moves by far less than a percent once the mean log-likelihood changes by 1e-10.
    valueTolerance: 1e-10,
  });
  const s = Math.exp(Math.min(result.x[0], LOG_MAX_SHAPE));
  return {
    s,
    beta: s / Math.exp(result.x[1]),
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
  };
}
