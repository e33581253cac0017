import { describe, expect, it } from 'vitest';
import { nextSort, sortDirection } from './dashboard-url';

describe('sorting', () => {
  it('sorts by a new column ascending and flips the active one', () => {
    expect(nextSort(null, 'reward')).toBe('-reward');
    expect(nextSort('-reward', 'reward')).toBe('reward');
    expect(nextSort('reward', 'step_count')).toBe('step_count');
    expect(nextSort('step_count', 'step_count')).toBe('-step_count');
  });
  it('reports the direction of each column', () => {
    expect(sortDirection(null, 'reward')).toBe('ascending');
    expect(sortDirection('-epoch_id', 'epoch_id')).toBe('descending');
    expect(sortDirection('-epoch_id', 'reward')).toBe('none');
  });
});
