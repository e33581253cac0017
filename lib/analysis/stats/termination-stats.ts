import { z } from 'zod';
import { denseGroupKeys, groupOrder, groupRows } from '../grouping';
import { countsToRatios } from '../metrics';
import { strings, type Scan } from '../scan/scan';
import type { GroupBy } from '../../vocabulary';
import { defineStat } from '../stat';
import { count, countRatios } from './response-parts';

export const terminationStatsResponse = z
  .object({
    total_trajectories: count,
    /** Per termination reason, most frequent first. */
    termination_stats: countRatios,
  })
  .strict();
export type TerminationStats = z.infer<typeof terminationStatsResponse>;

/** How trajectories ended: count and share per termination reason. */
export function computeTerminationStats(scan: Scan, rows: Int32Array): TerminationStats {
  const reason = strings(scan, 'termination_reason');
  const counts = new Float64Array(reason.values.length);
  for (let j = 0; j < rows.length; j++) counts[reason.codes[rows[j]]]++;
  return statsOfCounts(reason.values, counts, rows.length);
}

function statsOfCounts(reasons: readonly string[], counts: Float64Array, total: number): TerminationStats {
  const ordered: Record<string, number> = {};
  [...counts.keys()]
    .filter((code) => counts[code] > 0)
    .sort((a, b) => counts[b] - counts[a] || (reasons[a] < reasons[b] ? -1 : 1))
    .forEach((code) => (ordered[reasons[code]] = counts[code]));
  return { total_trajectories: total, termination_stats: countsToRatios(ordered) };
}

/** computeTerminationStats per group of `rows`, in one pass: a count per (group, reason). */
function terminationStatsByGroup(
  scan: Scan,
  rows: Int32Array,
  groupBy: GroupBy,
): Map<string, TerminationStats> {
  const dense = denseGroupKeys(scan, groupBy, rows);
  if (!dense)
    return new Map(
      [...groupRows(scan, groupBy, rows)].map(([key, group]) => [key, computeTerminationStats(scan, group)]),
    );
  const reason = strings(scan, 'termination_reason');
  const width = reason.values.length;
  const counts = new Float64Array(dense.size * width);
  const totals = new Int32Array(dense.size);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const slot = dense.keys[i] - dense.low;
    totals[slot]++;
    const code = reason.codes[i];
    if (code >= 0) counts[slot * width + code]++;
  }
  const present: number[] = [];
  for (let slot = 0; slot < dense.size; slot++) if (totals[slot] > 0) present.push(slot + dense.low);
  return new Map(
    groupOrder(scan, groupBy, present).map(([label, key]) => {
      const slot = key - dense.low;
      return [
        label,
        statsOfCounts(reason.values, counts.subarray(slot * width, (slot + 1) * width), totals[slot]),
      ];
    }),
  );
}

export const terminationStats = defineStat({
  name: 'termination-stats',
  doc: {
    params: '`group_by`',
    answers: 'count and share per termination reason',
  },
  response: terminationStatsResponse,
  columns: ['termination_reason'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeTerminationStats(scan, rows),
  computeGroups: ({ scan, rows }, groupBy) => terminationStatsByGroup(scan, rows, groupBy),
});
