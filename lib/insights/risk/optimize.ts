// Unconstrained minimisation by BFGS with a backtracking (Armijo) line search. The fitters optimise
// log-parameters, so every point the search tries is a valid (positive) parameter vector.
// Algorithm: Nocedal & Wright, Numerical Optimization (2nd ed.), Algorithm 6.1 and eq. (6.17)/(6.20).

/** Writes the gradient into `gradient` and returns the objective; may return NaN/Infinity off-domain. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Stop when every |gradient component| is below this. */
  gradientTolerance?: number;
  /** Largest step per coordinate per iteration (log-space: 3 ≈ a factor of 20). */
  maxStep?: number;
  /** Also stop after two successive iterations that lower the objective by less than this (relative). Off by default. */
  valueTolerance?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function minimizeBfgs(objective: ObjectiveWithGradient, start: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const { maxIterations = 500, gradientTolerance = 1e-8, maxStep = 3, valueTolerance = 0 } = options;
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) throw new Error('minimizeBfgs: the objective is not finite at the starting point');
  const h = identity(n);
  const direction = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  let iterations = 0;
  let converged = maxAbs(g) < gradientTolerance;
  let firstUpdate = true;
  let smallChanges = 0;

  while (!converged && iterations < maxIterations) {
    iterations++;
    multiply(h, g, direction, -1);
    let slope = dot(g, direction);
    if (!(slope < 0)) {
      resetToIdentity(h);
      firstUpdate = true;
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = -dot(g, g);
    }
    const longest = maxAbs(direction);
    let step = longest > maxStep ? maxStep / longest : 1;
    let fNew = NaN;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
      fNew = objective(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) break;
      // Quadratic interpolation of the step, kept within [0.1, 0.5] of the current one.
      const quadratic = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - f - slope * step)) : step * 0.1;
      step = Math.min(0.5 * step, Math.max(0.1 * step, quadratic));
      fNew = NaN;
    }
    if (!Number.isFinite(fNew)) break; // no descent possible: we are at the optimum to machine precision
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    const fOld = f;
    [x, g] = [Float64Array.from(xNew), Float64Array.from(gNew)];
    f = fNew;
    if (maxAbs(g) < gradientTolerance) converged = true;
    else if (Math.abs(fOld - f) <= 1e-15 * Math.max(1, Math.abs(f)) && maxAbs(s) < 1e-12) converged = true;
    else if (valueTolerance > 0) {
      smallChanges = fOld - f <= valueTolerance * Math.max(1, Math.abs(f)) ? smallChanges + 1 : 0;
      if (smallChanges >= 2) converged = true;
    }
    if (sy <= 1e-14) continue;
    if (firstUpdate) {
      // Scale the initial inverse Hessian (N&W eq. 6.20) so the first steps have the right size.
      const scale = sy / dot(y, y);
      for (let i = 0; i < n * n; i++) h[i] *= scale;
      firstUpdate = false;
    }
    multiply(h, y, hy, 1);
    const yHy = dot(y, hy);
    const rho = 1 / sy;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        h[i * n + j] += rho * ((1 + rho * yHy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
      }
    }
  }
  return { x, value: f, iterations, evaluations, converged };
}

/** Central-difference gradient for objectives without an analytic one. */
export function withNumericGradient(value: (x: Float64Array) => number, h = 1e-5): ObjectiveWithGradient {
  return (x, gradient) => {
    const f = value(x);
    if (!Number.isFinite(f)) return f;
    const probe = Float64Array.from(x);
    for (let i = 0; i < x.length; i++) {
      probe[i] = x[i] + h;
      const up = value(probe);
      probe[i] = x[i] - h;
      const down = value(probe);
      probe[i] = x[i];
      gradient[i] = (up - down) / (2 * h);
    }
    return f;
  };
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function resetToIdentity(m: Float64Array) {
  const n = Math.round(Math.sqrt(m.length));
  m.fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
}

function multiply(m: Float64Array, v: Float64Array, out: Float64Array, sign: number) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += m[i * n + j] * v[j];
    out[i] = sign * acc;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc += a[i] * b[i];
  return acc;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
