import { describe, expect, it } from 'vitest';
import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { advantageBar, advantageScale, groupLinks, zeroVarianceSeries } from './groups';

const group = (patch: Partial<GroupDetail>): GroupDetail => ({
  training_id: 'run',
  epoch_id: 3,
  data_id: 'q5',
  question: null,
  success_threshold: 0,
  samples: [],
  mean_reward: 0,
  reward_std: 0,
  min_reward: 0,
  max_reward: 0,
  success_rate: 0,
  learning_signal: false,
  previous_data_id: 'q4',
  next_data_id: null,
  previous_epoch: null,
  next_epoch: 4,
  ...patch,
});

describe('zero-variance series', () => {
  it('draws the share and both sides per epoch', () => {
    const series = zeroVarianceSeries([
      {
        epoch_id: 0,
        groups: 4,
        single_sample: 0,
        zero_variance: 2,
        all_pass: 1,
        all_fail: 1,
        zero_variance_share: 0.5,
        all_pass_share: 0.25,
        all_fail_share: 0.25,
      },
    ]);
    expect(series.rows).toEqual([{ epoch: 0, 'Zero variance': 0.5, 'All pass': 0.25, 'All fail': 0.25 }]);
  });
});

describe('group links', () => {
  it('leads to the neighbouring questions and epochs, null at the ends', () => {
    expect(groupLinks(group({})).map((l) => [l.key, l.href])).toEqual([
      ['ArrowLeft', '/groups/run/3/q4'],
      ['ArrowRight', null],
      ['[', null],
      [']', '/groups/run/4/q5'],
    ]);
  });
});

describe('advantage bars', () => {
  it('grows right for positive and left for negative advantages, half the track at the scale', () => {
    expect(advantageBar(Math.sqrt(3), Math.sqrt(3))).toEqual({ left: 50, width: 50 });
    expect(advantageBar(-Math.sqrt(3) / 2, Math.sqrt(3))).toEqual({ left: 25, width: 25 });
    expect(advantageBar(0, 0)).toEqual({ left: 50, width: 0 });
  });

  it('scales to the largest |advantage| of the group', () => {
    const samples = [-1.5, 0.5, 1].map((advantage, sample_id) => ({
      trajectory_id: String(sample_id),
      sample_id,
      reward: 0,
      success: false,
      advantage,
      termination_reason: 'x',
      step_count: 1,
      tool_path: [],
      tool_call_count: 0,
    }));
    expect(advantageScale(group({ samples }))).toBe(1.5);
    expect(advantageScale(group({}))).toBe(0);
  });
});
