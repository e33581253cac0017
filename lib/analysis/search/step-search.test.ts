import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestText } from '../../ingest';
import { loadFixture, tempDb } from '../../test-support/fixture';
import { countMatching } from '../filters/count-matching';
import { failureCases } from '../stats/failure-cases';
import { parseAnalysisQuery } from '../filters/query';
import { clearResultCache, openSource, type Source } from '../source';
import { runStat, statParams, type Grouped, type Stat } from '../stat';
import { searchScope, stepMatches } from './step-search';
import { summary, type Summary } from '../stats/summary';
import { terminationStats } from '../stats/termination-stats';

// In the fixture (lib/test-support/fixture.ts) only a failed tool call's observation says "failed"
// ("Error: search failed on <script>…"): alpha has five such trajectories (epoch 0: q1 s2, q2 s3, q3 s2; epoch 1:
// q1 s3, q2 s3), beta one (q1 s1). No question or data_id contains the word.

const query = (stat: Stat, params: Record<string, string>) =>
  parseAnalysisQuery(new URLSearchParams(params), statParams(stat));

async function count(source: Source, params: Record<string, string>): Promise<number> {
  clearResultCache();
  return ((await runStat(summary, query(summary, params), source)) as Summary).trajectory_count;
}

describe('q searches inside the steps through the full-text index (built by default)', () => {
  const db = tempDb();
  let resident: Source;
  let scanned: Source;
  beforeAll(async () => {
    await loadFixture(db.config);
    resident = await openSource(db.config);
    scanned = await openSource(db.config, { columnCacheBytes: 0 });
  });
  afterAll(() => db.cleanup());

  it('finds the trajectories whose observations hold a word, and only those', async () => {
    const matches = await stepMatches(scanned, { q: 'failed' });
    expect(matches!.rowIds.size).toBe(6);
  });

  it('makes such a trajectory match q, from resident columns and from scans alike', async () => {
    for (const source of [resident, scanned]) {
      expect(await count(source, { q: 'failed' })).toBe(6);
      expect(await count(source, { q: 'FAILED', training_id: 'beta' })).toBe(1);
      expect(await count(source, { q: 'failed', epoch_id: '1' })).toBe(2);
      clearResultCache();
      expect(await countMatching(source, query(summary, { q: 'failed' }))).toBe(6);
    }
  });

  it('still matches the question and data_id as substrings (q1 is 8 alpha and 2 beta trajectories)', async () => {
    for (const source of [resident, scanned]) {
      expect(await count(source, { q: 'capital of fr' })).toBe(10);
      expect(await count(source, { q: 'q3' })).toBe(8);
    }
  });

  it('gives the same figures from resident columns as from scans', async () => {
    const cases: [Stat, Record<string, string>][] = [
      [summary, { q: 'failed', group_by: 'training_id' }],
      [terminationStats, { q: 'failed' }],
      [failureCases, { q: 'failed', reward_max: '0.5' }],
      [summary, { q: 'alert' }],
    ];
    for (const [stat, params] of cases) {
      clearResultCache();
      const fromMemory = await runStat(stat, query(stat, params), resident);
      clearResultCache();
      const fromScans = await runStat(stat, query(stat, params), scanned);
      expect(fromMemory).toEqual(fromScans);
    }
    clearResultCache();
    const grouped = (await runStat(
      summary,
      query(summary, { q: 'failed', group_by: 'training_id' }),
      resident,
    )) as Grouped<Summary>;
    expect(grouped.groups.alpha.trajectory_count).toBe(5);
    expect(grouped.groups.beta.trajectory_count).toBe(1);
  });

  it('treats quotes and query syntax in q as text', async () => {
    for (const source of [resident, scanned]) {
      expect(await count(source, { q: "failed' OR 1=1 --" })).toBe(0);
      expect(await count(source, { q: '"failed" AND' })).toBe(0);
    }
  });
});

describe('without the step index (STEP_SEARCH_INDEX=off)', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    process.env.STEP_SEARCH_INDEX = 'off';
    try {
      await loadFixture(db.config);
    } finally {
      delete process.env.STEP_SEARCH_INDEX;
    }
    source = await openSource(db.config, { columnCacheBytes: 0 });
  });
  afterAll(() => db.cleanup());

  it('q matches the question and data_id only, and says so', async () => {
    expect(await stepMatches(source, { q: 'failed' })).toBeNull();
    expect(await searchScope(source, { q: 'failed' })).toBe('question-and-id');
    expect(await count(source, { q: 'failed' })).toBe(0);
    expect(await count(source, { q: 'capital of fr' })).toBe(10);
  });
});

describe('q reads the step text as words and phrases, not as JSON', () => {
  const db = tempDb();
  let resident: Source;
  let scanned: Source;
  const record = (id: string, steps: Record<string, unknown>[]) =>
    JSON.stringify({
      trajectory_id: id,
      training_id: 'words',
      epoch_id: 0,
      sample_id: 0,
      data_id: `task-${id}`,
      reward: 0,
      termination_reason: 'done',
      steps,
    });
  beforeAll(async () => {
    const text = [
      record('in-order', [
        {
          thought: 'compute it',
          action: 'python',
          action_input: { code: '1/0' },
          observation: 'ZeroDivisionError: division by zero',
        },
      ]),
      record('shuffled', [
        { action: 'python', action_input: { code: 'x' }, observation: 'zero, then division by nothing' },
      ]),
      record('in-arguments', [{ action: 'calculator', action_input: { note: 'division by zero expected' } }]),
      record('across-steps', [
        { action: 'python', action_input: 'print(1)', observation: 'division by' },
        { action: 'respond', action_input: 'zero' },
      ]),
    ].join('\n');
    const ingested = await ingestText(text, { db: db.config });
    expect(ingested.rejected).toBe(0);
    resident = await openSource(db.config);
    scanned = await openSource(db.config, { columnCacheBytes: 0 });
  });
  afterAll(() => db.cleanup());

  it('matches a quoted phrase only where its words follow each other, in observations and argument values', async () => {
    for (const source of [resident, scanned]) {
      expect(await count(source, { q: '"division by zero"' })).toBe(2);
      expect(await count(source, { q: 'division zero' })).toBe(4);
      expect(await count(source, { q: '"by zero" python' })).toBe(1);
      expect(await count(source, { q: '"zero division"' })).toBe(0);
    }
  });

  it('does not match the key names of the stored steps', async () => {
    for (const source of [resident, scanned])
      for (const key of ['observation', 'action', 'action_input', 'thought', 'tool_status', 'step_id'])
        expect(await count(source, { q: key }), key).toBe(0);
    // A tool's name and a thought are words a reader sees.
    expect(await count(resident, { q: 'calculator' })).toBe(1);
    expect(await count(resident, { q: 'compute' })).toBe(1);
  });

  it('says the step text was searched', async () => {
    expect(await searchScope(resident, { q: 'zero' })).toBe('steps');
    expect(await searchScope(resident, {})).toBeNull();
  });
});
