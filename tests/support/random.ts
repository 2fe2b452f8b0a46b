// Seeded random numbers for tests and benchmarks (failures replay; figures repeat).

/** mulberry32: tiny deterministic PRNG (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Gamma(shape, 1) variates: Marsaglia & Tsang (2000), "A Simple Method for Generating Gamma Variables",
 * ACM TOMS 26(3); shape < 1 via Gamma(shape + 1) · U^(1/shape).
 */
export function gammaSampler(rand: () => number): (shape: number) => number {
  const normal = () => Math.sqrt(-2 * Math.log(rand() || 1e-300)) * Math.cos(2 * Math.PI * rand());
  const sample = (shape: number): number => {
    if (shape < 1) return sample(shape + 1) * (rand() || 1e-300) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(rand() || 1e-300) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return sample;
}
