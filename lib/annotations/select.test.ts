import { describe, expect, it } from 'vitest';
import type { Annotation } from './schema';
import { labelsByQuestion, labelsByTrajectory, matchingAnnotations } from './select';

const at = '2026-12-01T10:00:00.000Z';
const note = (
  id: string,
  target: Annotation['target'],
  label: string | null,
  author = 'ana',
): Annotation => ({
  id,
  target,
  label,
  note: label ? '' : 'text',
  author,
  created_at: at,
  updated_at: at,
});

const NOTES = [
  note('t', { kind: 'trajectory', trajectory_id: 't1' }, 'reward-hack'),
  note('q', { kind: 'question', data_id: 'q1' }, 'env-bug', 'bob'),
  note('g', { kind: 'group', training_id: 'run', epoch_id: 2, data_id: 'q1' }, 'regressed'),
  note('g-other-run', { kind: 'group', training_id: 'other', epoch_id: 2, data_id: 'q1' }, 'flaky'),
  note('plain', { kind: 'question', data_id: 'q2' }, null),
];

describe('which notes concern what', () => {
  it('a target field keeps the notes whose target has it with that value', () => {
    const ids = (query: Parameters<typeof matchingAnnotations>[1]) =>
      matchingAnnotations(NOTES, query).map((n) => n.id);
    expect(ids({ data_id: 'q1' })).toEqual(['q', 'g', 'g-other-run']);
    expect(ids({ data_id: 'q1', training_id: 'run' })).toEqual(['g']);
    expect(ids({ epoch_id: 2 })).toEqual(['g', 'g-other-run']);
    expect(ids({ trajectory_id: 't1' })).toEqual(['t']);
    expect(ids({ author: 'bob' })).toEqual(['q']);
    expect(ids({ label: 'regressed', author: 'bob' })).toEqual([]);
  });

  it('a trajectory carries its own labels, its question’s and its group’s, not another run’s group', () => {
    const rows = [
      { trajectory_id: 't1', training_id: 'run', epoch_id: 2, data_id: 'q1' },
      { trajectory_id: 't2', training_id: 'run', epoch_id: 3, data_id: 'q1' },
      { trajectory_id: 't3', training_id: 'run', epoch_id: 2, data_id: 'q2' },
    ];
    expect(labelsByTrajectory(NOTES, rows)).toEqual({
      t1: ['env-bug', 'regressed', 'reward-hack'],
      t2: ['env-bug'],
    });
  });

  it('a question carries its labels and, for one run, its groups’ labels in that run', () => {
    expect(labelsByQuestion(NOTES)).toEqual({ q1: ['env-bug'] });
    expect(labelsByQuestion(NOTES, 'run')).toEqual({ q1: ['env-bug', 'regressed'] });
  });
});
