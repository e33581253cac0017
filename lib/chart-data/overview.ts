import type { ProcessRewardCorrelation } from '@/lib/analysis/stats/process-reward-correlation';
import type { RewardCategoryStats } from '@/lib/analysis/stats/reward-category-stats';
import type { TerminationStats } from '@/lib/analysis/stats/termination-stats';
import type { ToolReturnStats } from '@/lib/analysis/stats/tool-return-stats';
import { categoryColor, OTHER_CATEGORY } from './colors';
import { bucketValues, MAX_CATEGORIES, topCategories } from './top-categories';
import type { ChartColor } from './types';

export interface DonutSlice {
  name: string;
  count: number;
  ratio: number;
  color: ChartColor;
  /** False for the "other" bucket, which stands for several reasons and cannot be filtered on. */
  selectable: boolean;
}

/** Termination reasons as donut slices, most frequent first, the rarest summed into "other". */
export function donutData(stats: TerminationStats, max = MAX_CATEGORIES): DonutSlice[] {
  const counts = Object.fromEntries(
    Object.entries(stats.termination_stats).map(([name, { count }]) => [name, count]),
  );
  const top = topCategories(new Map(Object.entries(counts)), max);
  const grouped = top.categories.length < Object.keys(counts).length;
  const bucketed = bucketValues(counts, top);
  return top.categories.map((name) => ({
    name,
    count: bucketed[name],
    ratio: stats.total_trajectories > 0 ? bucketed[name] / stats.total_trajectories : 0,
    color: categoryColor(name),
    selectable: !(grouped && name === OTHER_CATEGORY),
  }));
}

export interface RewardBar {
  key: keyof RewardCategoryStats['reward_distribution'];
  label: string;
  /** The reward range of the bucket, from the thresholds used. */
  range: string;
  count: number;
  ratio: number;
  color: ChartColor;
}

/** The three reward buckets, best first, labelled with the thresholds that define them. */
export function rewardBars(stats: RewardCategoryStats): RewardBar[] {
  const { perfect, failure } = stats.thresholds;
  const d = stats.reward_distribution;
  return [
    { key: 'perfect_score', label: 'Perfect', range: `r ≥ ${perfect}`, ...d.perfect_score, color: 'emerald' },
    {
      key: 'partial_success',
      label: 'Partial',
      range: `${failure} < r < ${perfect}`,
      ...d.partial_success,
      color: 'amber',
    },
    {
      key: 'complete_failure',
      label: 'Failure',
      range: `r ≤ ${failure}`,
      ...d.complete_failure,
      color: 'rose',
    },
  ];
}

export interface ToolReturnRow {
  tool: string;
  calls: number;
  failures: number;
  failureRate: number;
  /** calls relative to the most-called tool (0..1), for an inline bar. */
  callShare: number;
  /** failures relative to the most-called tool's calls (0..1): the red part of the inline bar. */
  failureShare: number;
}

const MAX_TOOL_ROWS = 15;

/** The most-called tools with their failure rates; `hidden` counts the tools left out. */
export function toolReturnRows(
  stats: ToolReturnStats,
  max = MAX_TOOL_ROWS,
): { rows: ToolReturnRow[]; hidden: number } {
  const tools = [...stats.tools].sort((a, b) => b.calls - a.calls || (a.tool < b.tool ? -1 : 1));
  const most = tools[0]?.calls ?? 0;
  const rows = tools.slice(0, max).map((t) => ({
    tool: t.tool,
    calls: t.calls,
    failures: t.failures,
    failureRate: t.failure_rate,
    callShare: most > 0 ? t.calls / most : 0,
    failureShare: most > 0 ? t.failures / most : 0,
  }));
  return { rows, hidden: Math.max(0, tools.length - max) };
}

export const SCATTER_X = 'Process reward (mean)';
export const SCATTER_Y = 'Final reward';
export const SCATTER_GROUP = 'group';

/** The sampled (process reward, reward) pairs in the shape Tremor's ScatterChart draws. */
export function scatterPoints(correlation: ProcessRewardCorrelation): Record<string, number | string>[] {
  return correlation.scatter.map((point) => ({
    [SCATTER_X]: point.process_reward_mean,
    [SCATTER_Y]: point.reward,
    [SCATTER_GROUP]: 'Trajectory',
  }));
}
