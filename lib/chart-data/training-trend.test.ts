import { describe, expect, it } from 'vitest';
import type { EpochListItem } from '@/lib/analysis/stats/epoch-list';
import { trainingTrend } from './training-trend';

const epoch = (
  epoch_id: number,
  pass_at_1: number | null,
  avg_reward: number | null = pass_at_1,
): EpochListItem => ({
  epoch_id,
  trajectory_count: 8,
  question_count: 2,
  avg_reward,
  pass_at_1,
  pass_at_k: null,
  k: 4,
  pass_at_k_questions: 0,
  pass_at: {},
});

describe('trainingTrend', () => {
  it('orders epochs, keeps gaps as null, and measures the change first → last', () => {
    const trend = trainingTrend([epoch(2, 0.5), epoch(0, 0.25), epoch(1, null)]);
    expect(trend.rows).toEqual([
      { epoch: 0, 'Pass@1': 0.25 },
      { epoch: 1, 'Pass@1': null },
      { epoch: 2, 'Pass@1': 0.5 },
    ]);
    expect(trend.latest).toEqual({ epoch_id: 2, pass_at_1: 0.5, avg_reward: 0.5 });
    expect(trend.change).toBe(0.25);
  });

  it('has no change for a single epoch or a missing endpoint, and nothing for no epochs', () => {
    expect(trainingTrend([epoch(0, 0.4)]).change).toBeNull();
    expect(trainingTrend([epoch(0, null), epoch(1, 0.4)]).change).toBeNull();
    expect(trainingTrend([])).toEqual({ rows: [], latest: null, change: null });
  });
});
