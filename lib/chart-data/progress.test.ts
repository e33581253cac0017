import { describe, expect, it } from 'vitest';
import {
  kOptions,
  learningCurves,
  maxSamplesPerQuestion,
  passAtKLabel,
  progressSeries,
  terminationMixSeries,
  toolFailureSeries,
} from './progress';
import { epochPoint, progression } from './test-fixtures';

describe('progressSeries', () => {
  it('sorts epochs numerically, carries the 95 % interval ends and keeps nulls as gaps', () => {
    const rows = progressSeries(
      progression([
        epochPoint(10, {
          avg_reward: 0.5,
          avg_reward_ci: { low: 0.4, high: 0.6 },
          pass_at_1: 0.5,
          pass_at_1_ci: { low: 0.45, high: 0.55 },
          pass_at_k: 0.9,
        }),
        epochPoint(2, {
          avg_reward: 0.1,
          avg_reward_ci: null,
          pass_at_1: 0.1,
          pass_at_1_ci: { low: 0.1, high: 0.1 },
          pass_at_k: null,
        }),
      ]),
    );
    expect(rows).toEqual([
      {
        epoch: 2,
        'Avg reward': 0.1,
        'Avg reward low': null,
        'Avg reward high': null,
        'Pass@1': 0.1,
        'Pass@1 low': 0.1,
        'Pass@1 high': 0.1,
        'Pass@4': null,
      },
      {
        epoch: 10,
        'Avg reward': 0.5,
        'Avg reward low': 0.4,
        'Avg reward high': 0.6,
        'Pass@1': 0.5,
        'Pass@1 low': 0.45,
        'Pass@1 high': 0.55,
        'Pass@4': 0.9,
      },
    ]);
  });
  it('has no separate pass@k line when k is 1 or unknown', () => {
    expect(passAtKLabel(1)).toBeNull();
    expect(passAtKLabel(null)).toBeNull();
    expect(Object.keys(progressSeries(progression([epochPoint(0)], 1))[0])).toEqual([
      'epoch',
      'Avg reward',
      'Avg reward low',
      'Avg reward high',
      'Pass@1',
      'Pass@1 low',
      'Pass@1 high',
    ]);
  });
  it('handles a run without epochs', () => {
    expect(progressSeries(progression([]))).toEqual([]);
  });
});

describe('learningCurves', () => {
  it('splits reward and pass rates into two charts over the same rows', () => {
    const { reward, pass } = learningCurves(progression([epochPoint(0)], 8));
    expect(reward.categories).toEqual(['Avg reward']);
    expect(pass.categories).toEqual(['Pass@1', 'Pass@8']);
    expect(pass.colors).toHaveLength(2);
    expect(reward.rows).toBe(pass.rows);
  });
  it('bands average reward and pass@1, not pass@k', () => {
    const { reward, pass } = learningCurves(progression([epochPoint(0)], 8));
    expect(reward.bands.map((b) => b.category)).toEqual(['Avg reward']);
    expect(pass.bands.map((b) => b.category)).toEqual(['Pass@1']);
  });
});

describe('terminationMixSeries', () => {
  const stats = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).map(([k, count]) => [k, { count, ratio: 0 }]));

  it('gives ratios per epoch, ordered by total count, with 0 for reasons absent from an epoch', () => {
    const series = terminationMixSeries(
      progression([
        epochPoint(1, { termination_stats: stats({ success: 3, timeout: 1 }) }),
        epochPoint(0, { termination_stats: stats({ timeout: 2, error: 2 }) }),
      ]),
    );
    expect(series.categories).toEqual(['success', 'timeout', 'error']);
    expect(series.colors).toEqual(['emerald', 'amber', 'rose']);
    expect(series.rows).toEqual([
      { epoch: 0, success: 0, timeout: 0.5, error: 0.5 },
      { epoch: 1, success: 0.75, timeout: 0.25, error: 0 },
    ]);
  });
  it('groups rare reasons into "other" beyond the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`r${i}`, 10 - i]));
    const series = terminationMixSeries(progression([epochPoint(0, { termination_stats: stats(many) })]));
    expect(series.categories).toHaveLength(8);
    expect(series.categories[7]).toBe('other');
    expect(series.rows[0].other).toBeCloseTo((3 + 2 + 1) / 55);
  });
});

describe('toolFailureSeries', () => {
  it('draws the overall rate and the most-called tools, null where a tool was not called', () => {
    const series = toolFailureSeries(
      progression([
        epochPoint(0, {
          tool_failure_rate: 0.25,
          tools: {
            search: { calls: 3, failures: 0, failure_rate: 0 },
            python: { calls: 1, failures: 1, failure_rate: 1 },
          },
        }),
        epochPoint(1, { tool_failure_rate: null, tools: {} }),
        epochPoint(2, {
          tool_failure_rate: 0.5,
          tools: { python: { calls: 4, failures: 2, failure_rate: 0.5 } },
        }),
      ]),
      1,
    );
    expect(series.categories).toEqual(['All tools', 'python']);
    expect(series.rows).toEqual([
      { epoch: 0, 'All tools': 0.25, python: 1 },
      { epoch: 1, 'All tools': null, python: null },
      { epoch: 2, 'All tools': 0.5, python: 0.5 },
    ]);
    expect(series.colors[0]).toBe('slate');
  });
});

describe('k choices', () => {
  it('offers powers of two up to the largest sample count, and that count itself', () => {
    expect(kOptions(8)).toEqual([1, 2, 4, 8]);
    expect(kOptions(5)).toEqual([1, 2, 4, 5]);
    expect(kOptions(1)).toEqual([1]);
    expect(kOptions(0)).toEqual([]);
  });
  it('finds the largest sample count over epochs', () => {
    expect(
      maxSamplesPerQuestion(
        progression([
          epochPoint(0, { samples_per_question: [2, 6] }),
          epochPoint(1, { samples_per_question: null }),
        ]),
      ),
    ).toBe(6);
    expect(maxSamplesPerQuestion(progression([]))).toBe(0);
  });
});
