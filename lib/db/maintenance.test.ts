import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture, tempDb, type TempDb } from '../test-support/fixture';
import { openTrajectories } from './connection';
import { maintainAfterIngest } from './maintenance';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

describe('maintainAfterIngest', () => {
  it('gives up waiting after its time limit with a warning, and the rows stay readable', async () => {
    await loadFixture(db.config);
    const table = (await openTrajectories(db.config))!;
    const rows = await table.countRows();
    const started = performance.now();
    const warnings = await maintainAfterIngest(table, Date.now, 0);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(warnings).toEqual([
      'index update / compaction did not finish within 0 s; the rows are committed and the next ingest retries it',
    ]);
    expect(await table.countRows()).toBe(rows);
  });

  it('returns no warning when the step finishes in time', async () => {
    await loadFixture(db.config);
    const table = (await openTrajectories(db.config))!;
    expect(await maintainAfterIngest(table)).toEqual([]);
    const indexed = (await table.listIndices()).flatMap((index) => index.columns);
    expect(indexed).toContain('trajectory_id');
  });
});
