import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrajectories, ensureIndexes } from '../../db';
import { searchTerms } from '../../search-terms';
import { tempDb } from '../../test-support/fixture';
import { writeBenchTable } from '../../../scripts/bench-data-fast';
import { parseAnalysisQuery } from '../filters/query';
import { clearResultCache, openSource, type Source } from '../source';
import { summary } from '../stats/summary';

// 150,000 trajectories whose step text is tool names, `q<n>` arguments and "ok" / "Error: failed" observations:
// more matches of "ok" than the 100,000 the search once stopped at.
const SHAPE = { runs: 2, epochs: 6, questions: 1250, samples: 10 };

describe('q is exact at any number of matches', () => {
  const db = tempDb();
  let resident: Source;
  let scanned: Source;
  let texts: string[] = [];
  let trainings: string[] = [];

  beforeAll(async () => {
    expect(await writeBenchTable(db.config.uri, SHAPE)).toBe(150_000);
    const table = (await openTrajectories(db.config))!;
    await ensureIndexes(table);
    const rows = await table.query().select(['step_text', 'training_id']).toArray();
    texts = rows.map((row) => String(row.step_text));
    trainings = rows.map((row) => String(row.training_id));
    resident = await openSource(db.config);
    scanned = await openSource(db.config, { columnCacheBytes: 0 });
  }, 600_000);
  afterAll(() => db.cleanup());

  /** Trajectories whose step text has every word, counted by reading every text (not through the index). */
  const byReading = (test: (text: string, words: string[]) => boolean, training?: string) =>
    texts.filter((text, i) => (!training || trainings[i] === training) && test(text, searchTerms(text)))
      .length;

  async function count(source: Source, params: Record<string, string>): Promise<number> {
    clearResultCache();
    const query = parseAnalysisQuery(new URLSearchParams(params), ['success_threshold', 'k']);
    return (await summary(query, source)).trajectory_count;
  }

  it('counts every one of more than 100,000 matches, from resident columns and from scans', async () => {
    const expected = byReading((_, words) => words.includes('ok'));
    expect(expected).toBeGreaterThan(100_000);
    expect(await count(resident, { q: 'ok' })).toBe(expected);
    expect(await count(scanned, { q: 'ok' })).toBe(expected);
    const inRun = byReading((_, words) => words.includes('ok'), 'run-1');
    expect(await count(resident, { q: 'ok', training_id: 'run-1' })).toBe(inRun);
    expect(await count(scanned, { q: 'ok', training_id: 'run-1' })).toBe(inRun);
  }, 300_000);

  it('matches a phrase in order across the whole table', async () => {
    const phrase = byReading((text) => text.includes('Error: failed'));
    expect(phrase).toBeGreaterThan(0);
    expect(await count(resident, { q: '"error failed"' })).toBe(phrase);
    expect(await count(resident, { q: '"failed error"' })).toBe(0);
  }, 300_000);
});
