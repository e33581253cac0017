import { OTHER_CATEGORY } from './colors';

/** At most this many categories in a legend; beyond it the smallest ones are summed into "other". */
export const MAX_CATEGORIES = 8;

export interface TopCategories {
  /** Categories to draw, most frequent first, "other" last when some were grouped. */
  categories: string[];
  /** The category a name is drawn as: itself, or "other". */
  bucketOf: (name: string) => string;
}

/**
 * Orders categories by total (largest first, ties by name so the order never flickers) and keeps the top
 * `max - 1` plus "other" when there are more than `max`.
 */
export function topCategories(totals: ReadonlyMap<string, number>, max = MAX_CATEGORIES): TopCategories {
  const ordered = [...totals.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);
  if (ordered.length <= max) return { categories: ordered, bucketOf: (name) => name };
  const kept = new Set(ordered.slice(0, max - 1));
  return {
    categories: [...kept, OTHER_CATEGORY],
    bucketOf: (name) => (kept.has(name) ? name : OTHER_CATEGORY),
  };
}

/** Adds up values per name across many records (e.g. per-epoch counts into run totals). */
export function sumByName(records: Iterable<Record<string, number>>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) totals.set(name, (totals.get(name) ?? 0) + value);
  }
  return totals;
}

/** Sums a record's values into their buckets; every drawn category is present (0 when absent). */
export function bucketValues(
  record: Record<string, number>,
  { categories, bucketOf }: TopCategories,
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(categories.map((c) => [c, 0]));
  for (const [name, value] of Object.entries(record)) out[bucketOf(name)] += value;
  return out;
}
