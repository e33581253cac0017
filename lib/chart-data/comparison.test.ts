import { describe, expect, it } from 'vitest';
import {
  comparisonMetricBars,
  comparisonOverlay,
  comparisonRewardSeries,
  comparisonTerminationSeries,
  freeKey,
  pairedVerdict,
} from './comparison';
import { comparedTraining, comparison, paired } from './test-fixtures';
import { runColors } from './colors';

const epoch = (epoch_id: number, pass_at_1: number | null, avg_reward: number | null = 0.5) => ({
  epoch_id,
  trajectory_count: 4,
  avg_reward,
  pass_at_1,
  pass_at_k: null,
});

describe('comparisonOverlay', () => {
  it('takes the union of epochs, sorted numerically, with null where a run has no such epoch', () => {
    const series = comparisonOverlay(
      comparison([
        comparedTraining('a', { epochs: [epoch(1, 0.1), epoch(10, 0.3)] }),
        comparedTraining('b', { epochs: [epoch(2, 0.2), epoch(10, null)] }),
      ]),
      'pass_at_1',
    );
    expect(series.categories).toEqual(['a', 'b']);
    // Each run its own colour (by name), as on every page.
    expect(series.colors).toEqual(runColors(['a', 'b']));
    expect(series.rows).toEqual([
      { epoch: 1, a: 0.1, b: null },
      { epoch: 2, a: null, b: 0.2 },
      { epoch: 10, a: 0.3, b: null },
    ]);
  });
  it('never lets a run called "epoch" clash with the x axis', () => {
    const series = comparisonOverlay(
      comparison([comparedTraining('epoch', { epochs: [epoch(0, 0.5)] })]),
      'avg_reward',
    );
    expect(series.index).toBe('epoch_');
    expect(series.rows).toEqual([{ epoch_: 0, epoch: 0.5 }]);
    expect(freeKey('x', ['x', 'x_'])).toBe('x__');
  });
  it('handles runs without epochs', () => {
    expect(comparisonOverlay(comparison([comparedTraining('a')]), 'pass_at_1').rows).toEqual([]);
  });
});

describe('comparisonMetricBars', () => {
  it('puts pass@1 and pass@k side by side per run and average reward apart', () => {
    const { pass, reward } = comparisonMetricBars(
      comparison([
        comparedTraining('a', { pass_at_1: 0.4, pass_at_k: 0.7, avg_reward: 0.4 }),
        comparedTraining('b', { pass_at_1: 0.5, pass_at_k: null, avg_reward: null }),
      ]),
    );
    expect(pass.rows).toEqual([
      { metric: 'Pass@1', a: 0.4, b: 0.5 },
      { metric: 'Pass@4', a: 0.7, b: null },
    ]);
    expect(reward.rows).toEqual([{ metric: 'Avg reward', a: 0.4, b: null }]);
  });
});

describe('comparisonTerminationSeries', () => {
  it('gives each run its shares over the reasons of all runs', () => {
    const series = comparisonTerminationSeries(
      comparison([
        comparedTraining('a', {
          termination_stats: { success: { count: 3, ratio: 0.75 }, timeout: { count: 1, ratio: 0.25 } },
        }),
        comparedTraining('b', { termination_stats: { error: { count: 2, ratio: 1 } } }),
      ]),
    );
    expect(series.categories).toEqual(['success', 'error', 'timeout']);
    expect(series.rows).toEqual([
      { run: 'a', success: 0.75, error: 0, timeout: 0.25 },
      { run: 'b', success: 0, error: 1, timeout: 0 },
    ]);
  });
  it('gives a run without trajectories gaps, not zeros', () => {
    const series = comparisonTerminationSeries(
      comparison([
        comparedTraining('a', { termination_stats: { success: { count: 1, ratio: 1 } } }),
        comparedTraining('b'),
      ]),
    );
    expect(series.rows[1]).toEqual({ run: 'b', success: null });
  });
});

describe('comparisonRewardSeries', () => {
  it('gives reward bucket shares per run', () => {
    const series = comparisonRewardSeries(
      comparison([
        comparedTraining('a', {
          reward_distribution: {
            perfect_score: { count: 1, ratio: 0.25 },
            partial_success: { count: 1, ratio: 0.25 },
            complete_failure: { count: 2, ratio: 0.5 },
          },
        }),
        comparedTraining('b'),
      ]),
    );
    expect(series.rows).toEqual([
      { run: 'a', Perfect: 0.25, Partial: 0.25, Failure: 0.5 },
      { run: 'b', Perfect: null, Partial: null, Failure: null },
    ]);
  });
});

describe('pairedVerdict', () => {
  it('calls a run better or worse only when the CI excludes 0', () => {
    expect(pairedVerdict(paired({ delta_ci: { low: 0.01, high: 0.2 } }))).toEqual({
      tone: 'better',
      text: 'better (CI excludes 0)',
    });
    expect(pairedVerdict(paired({ delta_pass_at_1: -0.1, delta_ci: { low: -0.2, high: -0.01 } })).tone).toBe(
      'worse',
    );
    expect(pairedVerdict(paired({ delta_ci: { low: -0.01, high: 0.2 } }))).toEqual({
      tone: 'unclear',
      text: 'no clear difference',
    });
  });
  it('says from which epoch on the difference holds in every epoch', () => {
    expect(pairedVerdict(paired({ delta_ci: { low: 0.01, high: 0.2 }, better_from_epoch: 3 })).text).toBe(
      'better (CI excludes 0), from epoch 3 on',
    );
    expect(
      pairedVerdict(
        paired({ delta_pass_at_1: -0.1, delta_ci: { low: -0.2, high: -0.01 }, worse_from_epoch: 6 }),
      ).text,
    ).toBe('worse (CI excludes 0), from epoch 6 on');
  });
  it('says so when the runs share no questions', () => {
    expect(pairedVerdict(paired({ common_questions: 0, delta_pass_at_1: null, delta_ci: null })).text).toBe(
      'no shared questions to compare',
    );
  });
});
