import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOrCreateTrajectories } from '../db/connection';
import type { TrajectoryRow } from '../db/schema';
import { normalizeRecord } from './normalize';
import { readBack } from './test-db';
import { RunWrites, upsertChanged } from './upsert';
import { tempDb, type TempDb } from '../test-support/fixture';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

function row(id: string, reward: number): TrajectoryRow {
  const result = normalizeRecord({
    trajectory_id: id,
    training_id: 'u',
    epoch_id: 0,
    data_id: id,
    reward,
    steps: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

describe('upsertChanged', () => {
  it('appends new ids, merges changed rows, skips equal ones without a new version', async () => {
    const table = await openOrCreateTrajectories(db.config);
    expect(await upsertChanged(table, [row('a', 0), row('b', 1)])).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const version = await table.version();
    expect(await upsertChanged(table, [row('a', 0), row('b', 1)])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await table.version()).toBe(version);
    expect(await upsertChanged(table, [row('a', 5), row('b', 1), row('c', 2)])).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 1,
    });
    const rows = await readBack(table, ['trajectory_id', 'reward']);
    expect(Object.fromEntries(rows.map((r) => [r.trajectory_id, r.reward]))).toEqual({ a: 5, b: 1, c: 2 });
  });

  it('answers from what the run wrote while it is the only writer, and looks up again after another commit', async () => {
    const table = await openOrCreateTrajectories(db.config);
    const run = new RunWrites();
    expect(await upsertChanged(table, [row('a', 0)], run)).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await upsertChanged(table, [row('a', 0), row('b', 1)], run)).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 1,
    });
    // Another writer adds x: the run must not take x for new.
    await table.add([row('x', 9)] as unknown as Record<string, unknown>[]);
    expect(await upsertChanged(table, [row('x', 7), row('b', 1)], run)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
    const rows = await readBack(table, ['trajectory_id', 'reward']);
    expect(rows).toHaveLength(3);
    expect(Object.fromEntries(rows.map((r) => [r.trajectory_id, r.reward]))).toEqual({ a: 0, b: 1, x: 7 });
  });

  it('does not trust memory when the table already had rows before the run', async () => {
    const table = await openOrCreateTrajectories(db.config);
    await table.add([row('old', 1)] as unknown as Record<string, unknown>[]);
    expect(await upsertChanged(table, [row('old', 1)], new RunWrites())).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
  });
});
