import { afterEach, describe, expect, it } from 'vitest';
import { ingestText } from '../ingest';
import { fixtureRecords, loadFixture, tempDb, type TempDb } from '../test-support/fixture';
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
});
