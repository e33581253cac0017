/** A count with its share of the total. */
export interface CountRatio {
  count: number;
  ratio: number;
}

/** Map each count to { count, ratio = count / Σcounts }; ratio is 0 when the total is 0 (never NaN). */
export function countsToRatios(counts: Readonly<Record<string, number>>): Record<string, CountRatio> {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    if (!Number.isFinite(count) || count < 0) {
      throw new RangeError(`count for "${key}" must be a finite non-negative number, got ${count}`);
    }
    total += count;
  }
  const out: Record<string, CountRatio> = {};
  for (const [key, count] of Object.entries(counts)) {
    out[key] = { count, ratio: total === 0 ? 0 : count / total };
  }
  return out;
}
