import { questionCounts, questionCountsByGroup } from '../engine/question-groups';
import {
  passMetrics,
  PASS_COLUMNS,
  rewardSummary,
  type PassMetrics,
  type QuestionTable,
  type RewardSummary,
} from '../metrics/pass-metrics';
import type { AnalysisQuery } from '../filters/query';
import type { Scan } from '../scan/scan';
import { defineStat } from '../stat';

/** Headline figures of a selection: size, pass@1 / pass@k and average reward with its CI. */
export type Summary = RewardSummary & PassMetrics & { success_threshold: number };

export function computeSummary(
  scan: Scan,
  rows: Int32Array,
  query: Pick<AnalysisQuery, 'success_threshold' | 'k'>,
  { withCi = true }: { withCi?: boolean } = {},
): Summary {
  return summaryOf(questionCounts(scan, rows, query.success_threshold), query, withCi);
}

function summaryOf(
  table: QuestionTable,
  query: Pick<AnalysisQuery, 'success_threshold' | 'k'>,
  withCi: boolean,
): Summary {
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
  computeGroups: ({ scan, rows }, groupBy, query) => {
    const tables = questionCountsByGroup(scan, rows, query.success_threshold, groupBy);
    return new Map([...tables].map(([key, table]) => [key, summaryOf(table, query, true)]));
  },
});
