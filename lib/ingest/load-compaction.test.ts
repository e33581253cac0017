import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incompleteIndexes } from '../db/indexes';
import { tempDb, type TempDb } from '../test-support/fixture';
import { ingestText } from './ingest';
import { openTable } from './test-db';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

/** `count` trajectories of one run as JSONL, ids `t<from>…`, one step each. */
function records(from: number, count: number): string {
  const lines = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      trajectory_id: `t${i}`,
      training_id: 'load',
      epoch_id: i % 4,
      data_id: `q${i % 25}`,
      reward: i % 2,
      steps: [{ action: 'search', action_input: { i }, observation: `found ${i}` }],
    };
  });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

const fragmentsOf = async () => (await (await openTable(db.config)).stats()).fragmentStats.numFragments;

describe('compaction while a first load goes', () => {
  it('keeps the fragments of a long load bounded, every row written once', async () => {
    // Ten rows a commit: 60 commits, compacted every 100 rows written.
    const first = await ingestText(records(0, 600), {
      db: db.config,
      batchSize: 10,
      loadCompactionRows: 100,
    });
    expect(first).toMatchObject({ inserted: 600, updated: 0, rejected: 0, warnings: [] });
    // What was compacted is one fragment; at most the commits after the last compaction are apart.
    expect(await fragmentsOf()).toBeLessThanOrEqual(11);
    const table = await openTable(db.config);
    expect(await table.countRows()).toBe(600);
    expect(await incompleteIndexes(table)).toEqual([]);
    const ids = (await table.query().select(['trajectory_id']).toArray()).map(
      (row) => row.trajectory_id as string,
    );
    expect(new Set(ids).size).toBe(600);

    // The same load again writes nothing: every id is found where the compaction moved it.
    const again = await ingestText(records(0, 600), {
      db: db.config,
      batchSize: 10,
      loadCompactionRows: 100,
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 600 });
    expect(await table.countRows()).toBe(600);
  });

  it('keeps one row per id when two loads that compact as they go run at once, with overlapping ids', async () => {
    const options = { db: db.config, batchSize: 10, loadCompactionRows: 100 };
    // t0…t399 and t200…t599: 600 distinct ids, 200 of them written by both.
    const [a, b] = await Promise.all([
      ingestText(records(0, 400), options),
      ingestText(records(200, 400), options),
    ]);
    expect(a.rejected + b.rejected).toBe(0);
    expect(a.inserted + b.inserted).toBe(600);
    const table = await openTable(db.config);
    const ids = (await table.query().select(['trajectory_id']).toArray()).map(
      (row) => row.trajectory_id as string,
    );
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
    // 600 rows written in commits of at most 10 rows: at least 60 fragments unless the compactions ran between them.
    expect(await fragmentsOf()).toBeLessThan(60);
  });

  it('leaves one fragment a commit without it (the contrast)', async () => {
    await ingestText(records(0, 600), { db: db.config, batchSize: 10 });
    expect(await fragmentsOf()).toBe(60);
  });

  it('does not compact a table that has indexes during a load (its compaction would rewrite them)', async () => {
    await ingestText(records(0, 100), { db: db.config });
    expect(await fragmentsOf()).toBe(1);
    // The fragments as the load leaves them, before the maintenance after it (which folds and compacts).
    let beforeMaintenance: number | null = null;
    const more = await ingestText(records(100, 300), {
      db: db.config,
      batchSize: 10,
      loadCompactionRows: 50,
      onMaintenance: async () => void (beforeMaintenance ??= await fragmentsOf()),
    });
    expect(more).toMatchObject({ inserted: 300, warnings: [] });
    expect(beforeMaintenance).toBe(31);
    expect(await (await openTable(db.config)).countRows()).toBe(400);
  });
});
