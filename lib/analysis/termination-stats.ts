import { countsToRatios, type CountRatio } from './metrics';
import { strings, type Scan } from './scan/scan';
import { defineStat } from './stat';

export interface TerminationStats {
  total_trajectories: number;
  /** Per termination reason, most frequent first. */
  termination_stats: Record<string, CountRatio>;
}

/** How trajectories ended: count and share per termination reason. */
export function computeTerminationStats(scan: Scan, rows: Int32Array): TerminationStats {
  const reason = strings(scan, 'termination_reason');
  const counts = new Float64Array(reason.values.length);
  for (let j = 0; j < rows.length; j++) counts[reason.codes[rows[j]]]++;
  const ordered: Record<string, number> = {};
  [...counts.keys()]
    .filter((code) => counts[code] > 0)
    .sort((a, b) => counts[b] - counts[a] || (reason.values[a] < reason.values[b] ? -1 : 1))
    .forEach((code) => (ordered[reason.values[code]] = counts[code]));
  return { total_trajectories: rows.length, termination_stats: countsToRatios(ordered) };
}

export const terminationStats = defineStat({
  name: 'termination-stats',
  columns: ['termination_reason'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeTerminationStats(scan, rows),
});
