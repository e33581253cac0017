import { mulberry32, randomInt } from './random';

/** Ascending indices in [0, count) of at most maxPoints items: evenly spread (first and last kept), or a seeded uniform random subset when `seed` is given. */
export function downsample(count: number, maxPoints: number, seed?: number): Int32Array {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 0) {
    throw new RangeError(`maxPoints must be a non-negative integer, got ${maxPoints}`);
  }
  if (count <= maxPoints) return Int32Array.from({ length: count }, (_, i) => i);
  if (maxPoints === 0) return new Int32Array(0);

  if (seed === undefined) {
    if (maxPoints === 1) return Int32Array.of(0);
    // count > maxPoints ⇒ step > 1, so the rounded positions are strictly increasing.
    const step = (count - 1) / (maxPoints - 1);
    return Int32Array.from({ length: maxPoints }, (_, i) => Math.round(i * step));
  }

  // Floyd's algorithm: a uniform maxPoints-subset of [0, count) in O(maxPoints) draws.
  const rng = mulberry32(seed);
  const chosen = new Set<number>();
  for (let j = count - maxPoints; j < count; j++) {
    const t = randomInt(rng, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
