/**
 * A seeded PRNG (mulberry32: 32-bit state, full period 2^32, passes gjrand's tests at this size)
 * so that the same seed gives the same Monte Carlo figures on every machine and Node version.
 * Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
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
 * Inverse-CDF draw from the triangular distribution (low, mode, high) for a uniform u in [0, 1).
 * The triangular distribution is the usual three-point estimate: it needs only the range and the
 * most likely value, and never leaves [low, high].
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (width <= 0) return low;
  const split = (mode - low) / width;
  if (u < split) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}

/** The q-quantile (0..1) of sorted values, interpolating linearly between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (pos - lo);
}
