import { describe, expect, it } from 'vitest';
import { REWARD_CATEGORIES, rewardCategory } from './reward-category';

describe('rewardCategory', () => {
  it('uses perfect = 1 and failure = 0 by default, inclusive at both boundaries', () => {
    expect(rewardCategory(1)).toBe('perfect_score');
    expect(rewardCategory(1.5)).toBe('perfect_score');
    expect(rewardCategory(0.999999)).toBe('partial_success');
    expect(rewardCategory(0.5)).toBe('partial_success');
    expect(rewardCategory(1e-9)).toBe('partial_success');
    expect(rewardCategory(0)).toBe('complete_failure');
    expect(rewardCategory(-0)).toBe('complete_failure');
    expect(rewardCategory(-3)).toBe('complete_failure');
  });

  it('honours custom thresholds', () => {
    const t = { perfect: 10, failure: 2 };
    expect(rewardCategory(10, t)).toBe('perfect_score');
    expect(rewardCategory(9.99, t)).toBe('partial_success');
    expect(rewardCategory(2.01, t)).toBe('partial_success');
    expect(rewardCategory(2, t)).toBe('complete_failure');
    expect(rewardCategory(1, t)).toBe('complete_failure');
    expect(rewardCategory(0.5, { perfect: 0.5 })).toBe('perfect_score');
    expect(rewardCategory(-0.5, { failure: -1 })).toBe('partial_success');
    expect(rewardCategory(-1, { failure: -1 })).toBe('complete_failure');
  });

  it('rejects perfect ≤ failure and NaN', () => {
    expect(() => rewardCategory(0.5, { perfect: 0, failure: 0 })).toThrow(RangeError);
    expect(() => rewardCategory(0.5, { perfect: 0, failure: 1 })).toThrow(RangeError);
    expect(() => rewardCategory(0.5, { perfect: Number.NaN })).toThrow(RangeError);
    expect(() => rewardCategory(Number.NaN)).toThrow(RangeError);
  });

  it('lists every category once', () => {
    expect([...REWARD_CATEGORIES].sort()).toEqual(['complete_failure', 'partial_success', 'perfect_score']);
  });
});
