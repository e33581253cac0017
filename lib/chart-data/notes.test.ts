import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotations/schema';
import { labelHref, noteFacets, noteViews, targetBody, targetHref, targetText } from './notes';

const note = (over: Partial<Annotation>): Annotation => ({
  id: 'n1',
  target: { kind: 'question', data_id: 'q1' },
  label: 'env-bug',
  note: '',
  author: 'ana',
  created_at: '2026-12-01T10:00:00.000Z',
  updated_at: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('notes as lists show them', () => {
  it('links each kind of target to its page, and names it', () => {
    expect(targetHref({ kind: 'trajectory', trajectory_id: 'a b/%' })).toBe('/trajectories/a%20b%2F%25');
    expect(targetHref({ kind: 'question', data_id: 'q 1' })).toBe('/questions/q%201');
    expect(targetHref({ kind: 'group', training_id: 'run/1', epoch_id: 3, data_id: 'q1' })).toBe(
      '/groups/run%2F1/3/q1',
    );
    expect(targetText({ kind: 'group', training_id: 'run', epoch_id: 3, data_id: 'q1' })).toBe(
      'q1 in run, epoch 3',
    );
    expect(targetBody({ kind: 'group', training_id: 'run', epoch_id: 3, data_id: 'q1' })).toEqual({
      training_id: 'run',
      epoch_id: 3,
      data_id: 'q1',
    });
    expect(labelHref('reward-hack')).toBe('/notes?label=reward-hack');
  });

  it('says how long ago, whether edited, and whether it is the viewer’s', () => {
    const now = Date.parse('2026-12-01T10:05:00Z');
    const [mine, theirs] = noteViews(
      [note({}), note({ id: 'n2', author: 'bob', updated_at: '2026-12-01T10:04:30.000Z' })],
      'ana',
      now,
    );
    expect(mine).toMatchObject({ when: '5 min ago', edited: false, mine: true, target: 'question q1' });
    expect(theirs).toMatchObject({ when: 'just now', edited: true, mine: false });
    expect(noteViews([note({})], null, now)[0].mine).toBe(false);
    // On the page of trajectory t1, a note on its question is about something else.
    const here = { kind: 'trajectory' as const, trajectory_id: 't1' };
    const onPage = noteViews([note({}), note({ target: here })], null, now, here);
    expect(onPage.map((v) => v.elsewhere)).toEqual([true, false]);
    expect(mine.elsewhere).toBe(false);
  });

  it('counts labels and authors, most frequent first, ties alphabetical; an unlabelled note counts no label', () => {
    const facets = noteFacets([
      note({ label: 'b' }),
      note({ label: 'a', author: 'bob' }),
      note({ label: 'b', author: 'bob' }),
      note({ label: null, note: 'x', author: 'cy' }),
    ]);
    expect(facets.labels).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 1 },
    ]);
    expect(facets.authors).toEqual([
      { value: 'bob', count: 2 },
      { value: 'ana', count: 1 },
      { value: 'cy', count: 1 },
    ]);
  });
});
