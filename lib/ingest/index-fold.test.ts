import { afterAll, describe, expect, it } from 'vitest';
import { UNINDEXED_SHARE_BEFORE_FOLD } from '../db/indexes';
import { clearResultCache, openSource } from '../analysis/source';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { runStat, statParams } from '../analysis/stat';
import { summary, type Summary } from '../analysis/stats/summary';
import { tempDb } from '../test-support/fixture';
import { ingestText } from './ingest';
import { openTable } from './test-db';

const db = tempDb();
afterAll(() => db.cleanup());

/** `count` records of run `run`, whose steps hold `word`. */
function records(run: string, from: number, count: number, word: string): string {
  return Array.from({ length: count }, (_, k) =>
    JSON.stringify({
      trajectory_id: `${run}-${from + k}`,
      training_id: run,
      epoch_id: (from + k) % 3,
      data_id: `q${(from + k) % 25}`,
      reward: (from + k) % 2,
      steps: [{ action: 'search', action_input: { query: word }, observation: `found ${word}` }],
    }),
  ).join('\n');
}

async function unindexedRows(): Promise<number[]> {
  const table = await openTable(db.config);
  const indices = await table.listIndices();
  return Promise.all(indices.map(async (index) => (await table.indexStats(index.name))!.numUnindexedRows));
}

async function matches(params: Record<string, string>): Promise<number> {
  clearResultCache();
  const source = await openSource(db.config);
  const query = parseAnalysisQuery(new URLSearchParams(params), statParams(summary));
  return ((await runStat(summary, query, source)) as Summary).trajectory_count;
}

describe('index maintenance after an append', () => {
  it('leaves a small append outside the indexes, still found exactly, and folds once rows pass the share', async () => {
    await ingestText(records('base', 0, 2000, 'aardvark'), { db: db.config });
    expect(new Set(await unindexedRows())).toEqual(new Set([0]));

    // 100 rows = 5 % of the indexed 2,000: not folded in (the append costs what its rows cost)…
    const small = await ingestText(records('small', 0, 100, 'zebrafish'), { db: db.config });
    expect(small).toMatchObject({ inserted: 100, warnings: [] });
    expect(100 / 2000).toBeLessThan(UNINDEXED_SHARE_BEFORE_FOLD);
    expect(new Set(await unindexedRows())).toEqual(new Set([100]));
    // …yet every figure counts them: full-text search, filters on indexed columns, and the totals.
    expect(await matches({ q: 'zebrafish' })).toBe(100);
    expect(await matches({ training_id: 'small' })).toBe(100);
    expect(await matches({ training_id: 'small', epoch_id: '1' })).toBe(33);
    expect(await matches({ q: 'aardvark' })).toBe(2000);

    // 400 more: 500 of 2,000 rows outside the indexes (25 %) → folded in by this ingest.
    await ingestText(records('small', 100, 400, 'zebrafish'), { db: db.config });
    expect(new Set(await unindexedRows())).toEqual(new Set([0]));
    expect(await matches({ q: 'zebrafish' })).toBe(500);
  }, 120_000);
});
