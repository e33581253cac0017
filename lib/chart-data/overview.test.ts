import { describe, expect, it } from 'vitest';
import { donutData, rewardBars, scatterPoints, toolReturnRows } from './overview';

describe('donutData', () => {
  it('keeps the reasons in count order with their shares and stable colours', () => {
    const slices = donutData({
      total_trajectories: 4,
      termination_stats: { timeout: { count: 1, ratio: 0.25 }, success: { count: 3, ratio: 0.75 } },
    });
    expect(slices.map((s) => [s.name, s.count, s.ratio, s.color, s.selectable])).toEqual([
      ['success', 3, 0.75, 'emerald', true],
      ['timeout', 1, 0.25, 'amber', true],
    ]);
  });
  it('sums the rarest into an unselectable "other" slice', () => {
    const stats = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`r${i}`, { count: 10 - i, ratio: 0 }]),
    );
    const slices = donutData({ total_trajectories: 55, termination_stats: stats });
    expect(slices).toHaveLength(8);
    expect(slices[7]).toMatchObject({ name: 'other', count: 6, selectable: false, color: 'gray' });
  });
  it('handles an empty selection', () => {
    expect(donutData({ total_trajectories: 0, termination_stats: {} })).toEqual([]);
  });
});

describe('rewardBars', () => {
  it('lists the buckets best first with their thresholds', () => {
    const bars = rewardBars({
      total_trajectories: 10,
      thresholds: { perfect: 1, failure: 0 },
      avg_reward: 0.5,
      reward_distribution: {
        perfect_score: { count: 5, ratio: 0.5 },
        partial_success: { count: 2, ratio: 0.2 },
        complete_failure: { count: 3, ratio: 0.3 },
      },
    });
    expect(bars.map((b) => [b.label, b.range, b.count, b.ratio, b.color])).toEqual([
      ['Perfect', 'r ≥ 1', 5, 0.5, 'emerald'],
      ['Partial', '0 < r < 1', 2, 0.2, 'amber'],
      ['Failure', 'r ≤ 0', 3, 0.3, 'rose'],
    ]);
  });
});

describe('toolReturnRows', () => {
  const tool = (name: string, calls: number, failures: number) => ({
    tool: name,
    calls,
    successes: calls - failures,
    failures,
    failure_rate: failures / calls,
    trajectories: 1,
  });
  it('sizes the bars relative to the most-called tool and reports hidden tools', () => {
    const { rows, hidden } = toolReturnRows(
      {
        total_calls: 16,
        total_failures: 3,
        failure_rate: 3 / 16,
        tools: [tool('b', 4, 2), tool('a', 10, 1), tool('c', 2, 0)],
      },
      2,
    );
    expect(rows.map((r) => [r.tool, r.callShare, r.failureShare, r.failureRate])).toEqual([
      ['a', 1, 0.1, 0.1],
      ['b', 0.4, 0.2, 0.5],
    ]);
    expect(hidden).toBe(1);
  });
  it('handles no tool calls', () => {
    expect(toolReturnRows({ total_calls: 0, total_failures: 0, failure_rate: null, tools: [] })).toEqual({
      rows: [],
      hidden: 0,
    });
  });
});

describe('scatterPoints', () => {
  it('names the axes for the chart', () => {
    const points = scatterPoints({
      n: 1,
      missing: 0,
      pearson: { r: null, p: null },
      spearman: { r: null, p: null },
      scatter: [{ process_reward_mean: 0.3, reward: 1 }],
    });
    expect(points).toEqual([{ 'Process reward (mean)': 0.3, 'Final reward': 1, group: 'Trajectory' }]);
  });
});
