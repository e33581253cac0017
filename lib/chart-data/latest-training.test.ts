import { describe, expect, it } from 'vitest';
import { latestTraining } from './latest-training';

describe('latestTraining', () => {
  it('picks the training whose last rollout is the most recent, wherever it is in the list', () => {
    expect(
      latestTraining([
        { training_id: 'a', date_range: [100, 500] },
        { training_id: 'b', date_range: [50, 900] },
        { training_id: 'c', date_range: [800, 850] },
      ]),
    ).toBe('b');
  });
  it('prefers a dated training to an undated one', () => {
    expect(
      latestTraining([
        { training_id: 'a', date_range: [1, 2] },
        { training_id: 'b', date_range: null },
      ]),
    ).toBe('a');
  });
  it('takes the later one in the list on a tie or without any time', () => {
    expect(
      latestTraining([
        { training_id: 'a', date_range: [1, 7] },
        { training_id: 'b', date_range: [3, 7] },
      ]),
    ).toBe('b');
    expect(
      latestTraining([
        { training_id: 'a', date_range: null },
        { training_id: 'b', date_range: null },
      ]),
    ).toBe('b');
  });
  it('has no choice for an empty list', () => {
    expect(latestTraining([])).toBeUndefined();
  });
});
