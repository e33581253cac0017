import { questionCounts } from './engine/question-groups';
import {
  passMetrics,
  PASS_COLUMNS,
  rewardSummary,
  type PassMetrics,
  type RewardSummary,
} from './pass-metrics';
import type { AnalysisQuery } from './query';
import type { Scan } from './scan/scan';
import { defineStat } from './stat';

/** Headline figures of a selection: size, pass@1 / pass@k and average reward with its CI. */
export type Summary = RewardSummary & PassMetrics & { success_threshold: number };

export function computeSummary(
  scan: Scan,
  rows: Int32Array,
  query: Pick<AnalysisQuery, 'success_threshold' | 'k'>,
  { withCi = true }: { withCi?: boolean } = {},
): Summary {
  const table = questionCounts(scan, rows, query.success_threshold);
  return {
    ...rewardSummary(table, withCi),
    ...passMetrics(table, query.k),
    success_threshold: query.success_threshold,
  };
}

export const summary = defineStat({
  name: 'summary',
  columns: PASS_COLUMNS,
  params: ['success_threshold', 'k'],
  groupable: true,
  compute: ({ scan, rows }, query) => computeSummary(scan, rows, query),
});
