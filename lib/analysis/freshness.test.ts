import { afterEach, describe, expect, it } from 'vitest';
import { ingestText } from '../ingest';
import { fixtureRecords, loadFixture, tempDb, type TempDb } from '../test-support/fixture';
import { openTrajectories } from '../db';
import { columnBudgetFromEnv, columnEngine } from './engine/registry';
import { freshness } from './freshness';

let db: TempDb | null = null;
afterEach(() => {
  db?.cleanup();
  db = null;
});

describe('freshness', () => {
  it('is null while the database has no table', async () => {
    db = tempDb();
    expect(await freshness(db.config)).toBeNull();
  });

  it('gives the table version and when it was written, and moves on with the next write', async () => {
    db = tempDb();
    const before = Date.now() / 1000;
    await loadFixture(db.config);
    const first = (await freshness(db.config))!;
    const afterFirst = Date.now() / 1000;
    expect(first.version).toBeGreaterThanOrEqual(1);
    // commit times are whole milliseconds: allow one either side
    expect(first.written_at!).toBeGreaterThanOrEqual(before - 0.001);
    expect(first.written_at!).toBeLessThanOrEqual(afterFirst + 0.001);
    // asking again without a write: the same answer
    expect(await freshness(db.config)).toEqual(first);

    const record = { ...fixtureRecords()[0], data_id: 'q-new', trajectory_id: 'fresh-1' };
    await ingestText(JSON.stringify(record), { db: db.config });
    const second = (await freshness(db.config))!;
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.written_at!).toBeGreaterThanOrEqual(first.written_at!);
    expect(second.written_at!).toBeLessThanOrEqual(Date.now() / 1000 + 0.001);
  });

  it('while a changed table reloads, gives the version still answering and the one it is updating to', async () => {
    db = tempDb();
    await loadFixture(db.config);
    // The previous version may answer for up to a minute while a change reloads.
    const config = { ...db.config, readConsistencyInterval: 60 };
    const loaded = (await freshness(config))!;
    expect(loaded.updating_to).toBeUndefined();
    const table = (await openTrajectories(config))!;
    await table.delete("training_id = 'beta'");
    const latest = await table.version();
    const during = (await freshness(config))!;
    expect(during.version).toBe(loaded.version);
    expect(during.written_at).toBe(loaded.written_at);
    expect(during.updating_to).toBe(latest);
    await columnEngine(config, columnBudgetFromEnv()).settled();
    const after = (await freshness(config))!;
    expect(after.version).toBe(latest);
    expect(after.updating_to).toBeUndefined();
  });
});
