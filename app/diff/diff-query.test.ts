import { describe, expect, it } from 'vitest';
import { AnalysisError } from '@/lib/analysis/errors';
import { diffPageQuery, suggestedSides } from './diff-query';

const trainings = [
  { training_id: 'old', epoch_range: [0, 3], date_range: [1, 2] },
  { training_id: 'new', epoch_range: [2, 9], date_range: [5, 9] },
] as unknown as Parameters<typeof suggestedSides>[1];

describe('the diff page query', () => {
  it("reads the chooser's two runs, the same run twice as one run at two epochs", () => {
    const two = diffPageQuery({ training_ids: ['old', 'new'], epoch_a: '1', epoch_b: '4' });
    expect([two.sides, two.query.training_ids, two.query.training_id]).toEqual([
      true,
      ['old', 'new'],
      undefined,
    ]);
    const one = diffPageQuery({ training_ids: ['new', 'new'], epoch_a: '2', epoch_b: '9' });
    expect([one.sides, one.query.training_id, one.query.training_ids]).toEqual([true, ['new'], undefined]);
  });

  it('names no sides without epochs, and drops keys it does not read', () => {
    expect(diffPageQuery({}).sides).toBe(false);
    expect(diffPageQuery({ training_id: 'new' }).sides).toBe(false);
    expect(diffPageQuery({ training_ids: 'old,new', utm_source: 'chat' }).sides).toBe(false);
    expect(diffPageQuery({ training_ids: 'old,new', epoch_id: '3' }).sides).toBe(true);
  });

  it('rejects a bad value by name', () => {
    expect(() => diffPageQuery({ training_id: 'new', epoch_a: 'x' })).toThrow(AnalysisError);
  });

  it('suggests the named run, else the latest, from its first to its last epoch', () => {
    expect(suggestedSides(diffPageQuery({}).query, trainings)).toEqual({
      a: { training_id: 'new', epoch_id: 2 },
      b: { training_id: 'new', epoch_id: 9 },
    });
    expect(suggestedSides(diffPageQuery({ training_ids: 'old,new' }).query, trainings)).toEqual({
      a: { training_id: 'old', epoch_id: 0 },
      b: { training_id: 'new', epoch_id: 9 },
    });
  });
});
