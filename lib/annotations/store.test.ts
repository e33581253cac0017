import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, tempDb } from '../test-support/fixture';
import { AnnotationError } from './errors';
import {
  annotationsVersion,
  compactAnnotations,
  createAnnotation,
  currentAnnotations,
  deleteAnnotation,
  foldRecords,
  openAnnotations,
  updateAnnotation,
  type AnnotationRecord,
} from './store';

const db = tempDb();
beforeAll(() => loadFixture(db.config));
afterAll(() => db.cleanup());

/** The id of one fixture trajectory (alpha, epoch 0, q1, sample 0), read from the table. */
async function someTrajectoryId(): Promise<string> {
  const { openTrajectories } = await import('../db');
  const table = (await openTrajectories(db.config))!;
  const rows = await table
    .query()
    .where("training_id = 'alpha' AND epoch_id = 0 AND data_id = 'q1' AND sample_id = 0")
    .select(['trajectory_id'])
    .toArray();
  expect(rows).toHaveLength(1);
  return String(rows[0].trajectory_id);
}

describe('the annotations store', () => {
  it('has no table and version 0 before the first note', async () => {
    expect(await openAnnotations(db.config)).toBeNull();
    expect(await annotationsVersion(db.config)).toBe(0);
    expect((await currentAnnotations(db.config)).list).toEqual([]);
  });

  it('creates, edits and deletes a note, each as an appended record; the latest wins', async () => {
    const trajectoryId = await someTrajectoryId();
    const at = new Date('2026-03-01T10:00:00Z');
    const created = await createAnnotation(
      db.config,
      { target: { kind: 'trajectory', trajectory_id: trajectoryId }, label: 'reward-hack', note: 'guessed' },
      'ana',
      at,
    );
    expect(created).toMatchObject({
      target: { kind: 'trajectory', trajectory_id: trajectoryId },
      label: 'reward-hack',
      note: 'guessed',
      author: 'ana',
      created_at: '2026-03-01T10:00:00.000Z',
      updated_at: '2026-03-01T10:00:00.000Z',
    });
    const v1 = await annotationsVersion(db.config);
    expect((await currentAnnotations(db.config)).byId.get(created.id)).toEqual(created);

    const edited = await updateAnnotation(
      db.config,
      created.id,
      { note: 'guessed the answer' },
      'ana',
      new Date('2026-03-01T11:00:00Z'),
    );
    expect(edited).toMatchObject({ label: 'reward-hack', note: 'guessed the answer' });
    expect(edited.created_at).toBe('2026-03-01T10:00:00.000Z');
    expect(edited.updated_at).toBe('2026-03-01T11:00:00.000Z');
    expect(await annotationsVersion(db.config)).toBe(v1 + 1);
    const now = await currentAnnotations(db.config);
    expect(now.list.filter((a) => a.id === created.id)).toEqual([edited]);

    await expect(updateAnnotation(db.config, created.id, { note: 'x' }, 'bob')).rejects.toMatchObject({
      status: 403,
    });
    await expect(deleteAnnotation(db.config, created.id, 'bob')).rejects.toBeInstanceOf(AnnotationError);
    await deleteAnnotation(db.config, created.id, 'ana');
    expect((await currentAnnotations(db.config)).byId.has(created.id)).toBe(false);
    await expect(updateAnnotation(db.config, created.id, { note: 'x' }, 'ana')).rejects.toMatchObject({
      status: 404,
      param: 'id',
    });
    // Three records were appended for the one note.
    const table = (await openAnnotations(db.config))!;
    expect(await table.countRows(`id = '${created.id}'`)).toBe(3);
  });

  it('refuses a target that does not exist (404 naming target), and a group needs all three fields to match', async () => {
    await expect(
      createAnnotation(db.config, { target: { kind: 'question', data_id: 'nope' }, label: 'env-bug' }, 'ana'),
    ).rejects.toMatchObject({ status: 404, param: 'target' });
    await expect(
      createAnnotation(
        db.config,
        { target: { kind: 'group', training_id: 'beta', epoch_id: 1, data_id: 'q1' }, label: 'env-bug' },
        'ana',
      ),
    ).rejects.toMatchObject({ status: 404 });
    const group = await createAnnotation(
      db.config,
      { target: { kind: 'group', training_id: 'beta', epoch_id: 0, data_id: 'q1' }, label: 'env-bug' },
      'ana',
    );
    expect(group.target).toEqual({ kind: 'group', training_id: 'beta', epoch_id: 0, data_id: 'q1' });
    expect(group.note).toBe('');
  });

  it('an edit may not leave a note with neither label nor text', async () => {
    const note = await createAnnotation(
      db.config,
      { target: { kind: 'question', data_id: 'q2' }, label: 'flaky' },
      'ana',
    );
    await expect(updateAnnotation(db.config, note.id, { label: null }, 'ana')).rejects.toMatchObject({
      status: 400,
      param: 'label',
    });
    const relabelled = await updateAnnotation(
      db.config,
      note.id,
      { label: null, note: 'flaky grader' },
      'ana',
    );
    expect(relabelled).toMatchObject({ label: null, note: 'flaky grader' });
  });
});

describe('folding records', () => {
  const base: AnnotationRecord = {
    record_id: 'r1',
    id: 'n1',
    seq: 1,
    op: 'create',
    target_kind: 'question',
    trajectory_id: null,
    data_id: 'q1',
    training_id: null,
    epoch_id: null,
    label: 'a',
    note: '',
    author: 'ana',
    created_at: new Date(1000),
    updated_at: new Date(1000),
  };

  it('takes the highest seq whatever the order, then the later write, then the larger record id', () => {
    const second = {
      ...base,
      record_id: 'r2',
      seq: 2,
      op: 'update' as const,
      label: 'b',
      updated_at: new Date(500),
    };
    expect(foldRecords([second, base]).map((a) => a.label)).toEqual(['b']);
    const rivalEarly = { ...second, record_id: 'r9', label: 'early', updated_at: new Date(400) };
    expect(foldRecords([second, rivalEarly]).map((a) => a.label)).toEqual(['b']);
    const rivalSameTime = { ...second, record_id: 'r3', label: 'same-time' };
    expect(foldRecords([rivalSameTime, second]).map((a) => a.label)).toEqual(['same-time']);
  });

  it('hides a deleted note and orders the rest most recently changed first', () => {
    const other = { ...base, record_id: 'x1', id: 'n2', updated_at: new Date(3000) };
    const gone = { ...base, record_id: 'r2', seq: 2, op: 'delete' as const, updated_at: new Date(2000) };
    expect(foldRecords([base, other, gone]).map((a) => a.id)).toEqual(['n2']);
    expect(foldRecords([base, other]).map((a) => a.id)).toEqual(['n2', 'n1']);
  });
});

describe('compaction', () => {
  it('folds the one-record fragments of appends into one and keeps every note as it was', async () => {
    const cfg = db.config;
    for (let i = 0; i < 5; i++)
      await createAnnotation(cfg, { target: { kind: 'question', data_id: 'q3' }, label: `c-${i}` }, 'ana');
    const table = (await openAnnotations(cfg))!;
    const before = (await table.stats()).fragmentStats.numFragments;
    const notes = (await currentAnnotations(cfg)).list;
    expect(before).toBeGreaterThanOrEqual(5);
    await compactAnnotations(cfg);
    expect((await table.stats()).fragmentStats.numFragments).toBe(1);
    expect((await currentAnnotations(cfg)).list).toEqual(notes);
  });
});
