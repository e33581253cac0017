import { describe, expect, it } from 'vitest';
import { ingestText } from './ingest';
import { openTable } from './test-db';
import { tempDb } from '../test-support/fixture';

describe('an ingest of many small batches', () => {
  it('finishes with its summary, every row indexed and the fragments compacted', async () => {
    const db = tempDb('rl-dash-batches-');
    try {
      const count = 3000;
      const text = Array.from({ length: count }, (_, i) =>
        JSON.stringify({
          trajectory_id: `m${i}`,
          training_id: 'many',
          epoch_id: i % 5,
          data_id: `q${i}`,
          reward: 1,
          steps: [],
        }),
      ).join('\n');
      // 300 commits, as a 2.7 GB file makes 500: the run must still end, update the indexes and compact.
      const summary = await ingestText(text, { db: db.config, batchSize: 10 });
      expect(summary).toMatchObject({ read: count, inserted: count, rejected: 0, warnings: [] });
      const table = await openTable(db.config);
      expect(await table.countRows()).toBe(count);
      const index = (await table.listIndices()).find((i) => i.columns[0] === 'trajectory_id')!;
      expect(await table.indexStats(index.name)).toMatchObject({
        numIndexedRows: count,
        numUnindexedRows: 0,
      });
      expect((await table.stats()).fragmentStats.numFragments).toBe(1);
    } finally {
      db.cleanup();
    }
  }, 180_000);
});
