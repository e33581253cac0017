import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, openTrajectories, TABLE_NAME } from '../../db';
import { ingestText } from '../../ingest';
import { loadFixture, tempDb, type TempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { clearResultCache, openSource } from '../source';
import { defineStat, forgetRecentRequests, runStat } from '../stat';
import { count } from '../stats/response-parts';
import { z } from 'zod';
import { ColumnEngine } from './engine';
import type { ResidentColumns } from './resident';

const BUDGET = 64 * 1024 * 1024;

const appended = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      training_id: 'alpha',
      epoch_id: 9,
      data_id: `late-${i}`,
      reward: 1,
      termination_reason: 'success',
      steps: [{ action: 'respond', action_input: 'x' }],
    }),
  ).join('\n');

/** A stat that counts its computations: a cached answer does not compute again. */
let computed = 0;
const rowCount = defineStat({
  name: 'row-count-for-test',
  response: z.object({ rows: count }).strict(),
  doc: { params: 'none', answers: 'rows' },
  columns: ['reward'],
  params: [],
  compute: ({ rows }) => {
    computed++;
    return { rows: rows.length };
  },
});

let db: TempDb;
beforeEach(async () => {
  db = tempDb();
  await loadFixture(db.config);
  clearResultCache();
  forgetRecentRequests();
  computed = 0;
});
afterEach(() => db.cleanup());

describe('a new version is prepared before it answers', () => {
  it('answers the recent requests on the appended version, so its first request finds them ready', async () => {
    const query = parseAnalysisQuery(new URLSearchParams({ training_id: 'alpha' }));
    const before = await openSource(db.config, { columnCacheBytes: BUDGET });
    expect(await runStat(rowCount, query, before)).toEqual({ rows: 24 });
    expect(computed).toBe(1);
    expect((await ingestText(appended(5), { db: db.config })).inserted).toBe(5);
    // Opening the new version reads the 5 rows, then answers the remembered request on it before switching.
    const after = await openSource(db.config, { columnCacheBytes: BUDGET });
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.resident?.columns.rowsRead).toBe(5);
    expect(computed).toBe(2);
    expect(await runStat(rowCount, query, after)).toEqual({ rows: 29 });
    expect(computed).toBe(2);
  });

  it('lets the previous version answer, labelled stale, until the new one is prepared', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const prepared: number[] = [];
    const engine = new ColumnEngine(async () => (await connect(db.config)).openTable(TABLE_NAME), {
      budgetBytes: BUDGET,
      staleMs: 3_600_000,
      prepare: async (columns: ResidentColumns) => {
        prepared.push(columns.version);
        await gate;
      },
    });
    const table = (await openTrajectories(db.config))!;
    const first = await engine.view(await table.version());
    expect(first?.stale).toBeUndefined();
    await ingestText(appended(3), { db: db.config });
    const latest = await table.version();
    const during = await engine.view(latest);
    expect(during?.columns.version).toBe(first?.columns.version);
    expect(during?.stale?.latestVersion).toBe(latest);
    release();
    await engine.settled();
    const after = await engine.view(latest);
    expect(after?.stale).toBeUndefined();
    expect(after?.columns.version).toBe(latest);
    expect(after?.columns.scan.length).toBe(31);
    expect(prepared).toEqual([latest]);
  });
});
