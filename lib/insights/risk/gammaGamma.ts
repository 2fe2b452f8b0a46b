// Gamma-Gamma model of spend per transaction: Fader & Hardie, "The Gamma-Gamma Model of Monetary
// Value" (http://www.brucehardie.com/notes/025/gamma_gamma.pdf), likelihood eq. (1) written for the
// mean spend m_x of x repeat transactions; E[M | p, q, v, m_x, x] eq. (5). Same parameterisation as
// lifetimes' GammaGammaFitter
// (https://github.com/CamDavidsonPilon/lifetimes/blob/master/lifetimes/fitters/gamma_gamma_fitter.py).
import type { FitOptions } from './bgNbd';
import { minimizeBfgs } from './optimize';
import { distinctSorted, distinctValues } from './rows';
import { digamma, logGamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Fit on customers with frequency > 0 and a positive mean repeat spend; other rows are skipped. */
export function fitGammaGamma(
  rows: readonly { frequency: number; monetaryValue: number; weight?: number }[],
  options: FitOptions = {},
): GammaGammaFit {
  // Columns of the usable rows only (a million summary rows are mostly one-order customers).
  const usable = rows.filter((row) => row.frequency > 0 && row.monetaryValue > 0 && Number.isFinite(row.monetaryValue));
  return fitGammaGammaColumns(
    { frequency: Float64Array.from(usable, (row) => row.frequency), monetaryValue: Float64Array.from(usable, (row) => row.monetaryValue), weight: Float64Array.from(usable, (row) => row.weight ?? 1) },
    options,
  );
}

/** Each customer's repeat purchases, mean repeat spend and weight (default 1), as columns: the input of fitGammaGammaColumns. */
export interface SpendColumns {
  frequency: ArrayLike<number>;
  monetaryValue: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

/** fitGammaGamma on columns (no object per customer); the same fit, to the last bit, as on the same rows. */
export function fitGammaGammaColumns(columns: SpendColumns, options: FitOptions = {}): GammaGammaFit {
  const { penalizer = 0, maxIterations = 500, gradientTolerance = 1e-9 } = options;
  const { frequency, monetaryValue, weight } = columns;
  const isUsable = (i: number) => frequency[i] > 0 && monetaryValue[i] > 0 && Number.isFinite(monetaryValue[i]);
  let count = 0;
  for (let i = 0; i < frequency.length; i++) if (isUsable(i)) count++;
  if (count === 0) throw new RangeError('Gamma-Gamma needs customers with repeat purchases and positive spend');
  const x = new Float64Array(count);
  const m = new Float64Array(count);
  const w = new Float64Array(count);
  for (let i = 0, n = 0; i < frequency.length; i++) {
    if (!isUsable(i)) continue;
    x[n] = frequency[i];
    m[n] = monetaryValue[i];
    w[n++] = weight ? weight[i] : 1;
  }
  const logM = m.map(Math.log);
  let total = 0;
  let meanSpend = 0;
  for (let i = 0; i < count; i++) {
    total += w[i];
    meanSpend += w[i] * m[i];
  }
  meanSpend /= total;

  // Gamma-function terms depend on a customer only through x: compute them once per distinct x.
  const xs = distinctValues(x);
  const weightOfX = new Float64Array(xs.values.length);
  for (let i = 0; i < x.length; i++) weightOfX[xs.indexOf[i]] += w[i];
  // ln(x·m + v) depends on a customer only through the product x·m: one logarithm per distinct product and evaluation
  // (a million customers' integer-cent spends share a few thousand), the sums still taken row by row in input order.
  const products = distinctSorted(x.map((xi, i) => xi * m[i]));
  const productOf = products.indexOf;
  const xmvOf = new Float64Array(products.values.length);
  const logXmVOf = new Float64Array(products.values.length);

  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const v = Math.exp(theta[2]);
    if (!Number.isFinite(p + q + v)) return NaN;
    const lgQ = logGamma(q);
    const psiQ = digamma(q);
    const logV = Math.log(v);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let k = 0; k < xs.values.length; k++) {
      const xk = xs.values[k];
      const px = p * xk;
      const wk = weightOfX[k];
      const psiPxQ = digamma(px + q);
      const logXk = Math.log(xk);
      ll += wk * (logGamma(px + q) - logGamma(px) - lgQ + q * logV + px * logXk);
      gp += wk * xk * (psiPxQ - digamma(px) + logXk);
      gq += wk * (psiPxQ - psiQ + logV);
      gv += (wk * q) / v;
    }
    for (let j = 0; j < xmvOf.length; j++) {
      xmvOf[j] = products.values[j] + v;
      logXmVOf[j] = Math.log(xmvOf[j]);
    }
    for (let i = 0; i < x.length; i++) {
      const px = p * x[i];
      const xmv = xmvOf[productOf[i]];
      const logXmV = logXmVOf[productOf[i]];
      ll += w[i] * ((px - 1) * logM[i] - (px + q) * logXmV);
      gp += w[i] * x[i] * (logM[i] - logXmV);
      gq -= w[i] * logXmV;
      gv -= (w[i] * (px + q)) / xmv;
    }
    gradient[0] = (-gp * p) / total + 2 * penalizer * p * p;
    gradient[1] = (-gq * q) / total + 2 * penalizer * q * q;
    gradient[2] = (-gv * v) / total + 2 * penalizer * v * v;
    return -ll / total + penalizer * (p * p + q * q + v * v);
  };
  // Start at a population whose mean spend matches the data: E[M] = p·v/(q−1) with p = 1, q = 2.
  const result = minimizeBfgs(objective, [0, Math.log(2), Math.log(meanSpend)], { maxIterations, gradientTolerance });
  const [p, q, v] = Array.from(result.x, Math.exp);
  const penalty = penalizer * (p * p + q * q + v * v);
  return { p, q, v, logLikelihood: -(result.value - penalty) * total, iterations: result.iterations, converged: result.converged };
}

/**
 * Expected spend per transaction for a customer with x repeat purchases of mean value m:
 * a weighted mean of the population mean p·v/(q−1) and the customer's own mean (eq. 5).
 * Without repeat purchases this is the population mean. Needs q > 1 for a finite population mean.
 */
export function gammaGammaExpectedSpend({ p, q, v }: GammaGammaParams, frequency: number, monetaryValue: number): number {
  const x = frequency > 0 && monetaryValue > 0 ? frequency : 0;
  const m = x > 0 ? monetaryValue : 0;
  return (p * (v + x * m)) / (p * x + q - 1);
}
