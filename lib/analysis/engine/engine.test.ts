import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTrajectories, type DbConfig } from '../../db';
import { ingestText } from '../../ingest';
import { loadFixture, tempDb, type TempDb } from '../../test-support/fixture';
import { parseAnalysisQuery } from '../filters/query';
import { clearResultCache, openSource, type Source } from '../source';
import { summary } from '../stats/summary';
import { toolReturnStats } from '../stats/tool-return-stats';
import { columnEngine } from './registry';
import { filterClauses } from '../filters/clauses';
import { residentSelection } from './selection';
import { INT_NULL, scanTable, type Scan } from '../scan/scan';

const BUDGET = 64 * 1024 * 1024;

const newRows = (training: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      training_id: training,
      epoch_id: 5,
      data_id: `n${i}`,
      reward: i % 2,
      termination_reason: i % 2 ? 'success' : 'wrong_answer',
      steps: [{ action: 'respond', action_input: 'x' }],
    }),
  ).join('\n');

async function figures(source: Source) {
  clearResultCache();
  return summary(parseAnalysisQuery(new URLSearchParams()), source);
}

function open(config: DbConfig): Promise<Source> {
  return openSource(config, { columnCacheBytes: BUDGET });
}

describe('resident columns follow the table version', () => {
  let db: TempDb;
  beforeEach(async () => {
    db = tempDb();
    await loadFixture(db.config);
  });
  afterEach(() => db.cleanup());

  it('read every row once, then answer the same version from memory', async () => {
    const first = await open(db.config);
    expect(first.resident?.columns.rowsRead).toBe(28);
    expect(first.version).toBe(await (await openTrajectories(db.config))!.version());
    const again = await open(db.config);
    expect(again.resident?.columns).toBe(first.resident?.columns);
  });

  it('read the question text once, when a text search first needs it', async () => {
    const source = await open(db.config);
    expect(source.resident?.columns.columns).not.toContain('question');
    const first = await residentSelection(source, filterClauses({ q: 'capital' }), []);
    const engine = columnEngine(db.config, BUDGET);
    expect(engine.resident?.columns).toContain('question');
    const again = await residentSelection(source, filterClauses({ q: 'france' }), []);
    expect(again?.scan).toBe(first?.scan);
    expect(first?.rows.length).toBe(10);
  });

  it('read on-demand columns (a list, a nullable int) when first needed, and keep them through an append', async () => {
    const source = await open(db.config);
    expect(source.resident?.columns.columns).toContain('repeated_call_run');
    const wanted = ['error_fingerprints', 'final_answer_chars'] as const;
    for (const column of wanted) expect(source.resident?.columns.columns).not.toContain(column);
    const first = (await residentSelection(source, [], wanted))!;
    expect(columnEngine(db.config, BUDGET).resident?.columns).toEqual(expect.arrayContaining([...wanted]));
    // FIXTURE has 7 failed calls, one fingerprint each; every trajectory ends with a reply whose words ('final') are
    // in its observation.
    expect(first.scan.lists.error_fingerprints!.codes).toHaveLength(7);
    expect(new Set(first.scan.ints.final_answer_chars)).toEqual(new Set([5]));

    const records = [
      { steps: [{ action: 'search', action_input: 'x', error: 'rate limited' }] },
      {
        steps: [
          { action: 'search', action_input: 'x' },
          { action: 'respond', content: 'ok' },
        ],
      },
    ].map((record, i) =>
      JSON.stringify({ training_id: 'delta', epoch_id: 0, data_id: `d${i}`, reward: 0, ...record }),
    );
    expect((await ingestText(records.join('\n'), { db: db.config })).inserted).toBe(2);
    const after = await open(db.config);
    expect(after.resident?.columns.rowsRead).toBe(2);
    const held = (await residentSelection(after, [], wanted))!;
    expect(held.scan).toBe(after.resident?.columns.scan);
    expect(held.scan.length).toBe(30);
    // The first new trajectory ends with a call: no final answer, held as INT_NULL.
    expect(Array.from(held.scan.ints.final_answer_chars!.subarray(28))).toEqual([INT_NULL, 2]);
    const table = (await openTrajectories(db.config))!;
    const scanned = await scanTable(table, { columns: [...wanted, 'repeated_call_run'], withRowIds: true });
    expect(Array.from(held.scan.rowIds!)).toEqual(Array.from(scanned.rowIds!));
    for (const column of ['final_answer_chars', 'repeated_call_run'] as const)
      expect(Array.from(held.scan.ints[column]!), column).toEqual(Array.from(scanned.ints[column]!));
    const fingerprints = (scan: Scan) => {
      const { offsets, codes, values } = scan.lists.error_fingerprints!;
      return Array.from({ length: scan.length }, (_, i) =>
        Array.from(codes.subarray(offsets[i], offsets[i + 1]), (code) => values[code]),
      );
    };
    expect(fingerprints(held.scan)).toEqual(fingerprints(scanned));
    expect(fingerprints(held.scan).slice(28)).toEqual([['rate limited'], []]);
  });

  it('read only the appended rows after an append', async () => {
    const before = await open(db.config);
    const added = await ingestText(newRows('delta', 3), { db: db.config });
    expect(added.inserted).toBe(3);
    const after = await open(db.config);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.resident?.columns.rowsRead).toBe(3);
    expect(after.resident?.columns.scan.length).toBe(31);
    expect(after.stale).toBeUndefined();
    // The fixture's rewards sum to 14 (alpha 5 + 8, beta 1); the new rows add 0 + 1 + 0.
    const resident = await figures(after);
    expect(resident.trajectory_count).toBe(31);
    expect(resident.avg_reward).toBeCloseTo(15 / 31, 12);
    expect(resident).toEqual(await figures(await openSource(db.config, { columnCacheBytes: 0 })));
  });

  it('follow a compaction by reading only the rows it gave new row ids', async () => {
    await open(db.config);
    expect((await ingestText(newRows('delta', 3), { db: db.config })).inserted).toBe(3);
    const appended = await open(db.config);
    const table = (await openTrajectories(db.config))!;
    const before = (await table.stats()).fragmentStats.numFragments;
    await table.optimize();
    expect((await table.stats()).fragmentStats.numFragments).toBeLessThan(before);
    const moved = await table.countRows(`_rowid > ${appended.resident!.columns.maxRowId}`);
    expect(moved).toBeGreaterThan(0);
    const after = await open(db.config);
    expect(after.version).toBe(await table.version());
    expect(after.resident?.columns.rowsRead).toBe(moved);
    const lanceIds = (await table.query().select(['epoch_id']).withRowId().toArray()).map((r) =>
      BigInt(r._rowid),
    );
    expect([...after.resident!.columns.scan.rowIds!]).toEqual(lanceIds);
    const scanned = await openSource(db.config, { columnCacheBytes: 0 });
    expect(await figures(after)).toEqual(await figures(scanned));
    const tools = async (source: Source) => {
      clearResultCache();
      return toolReturnStats(parseAnalysisQuery(new URLSearchParams()), source);
    };
    // FIXTURE has 7 failed calls: alpha/0/q1 s2 two, then one each in five more trajectories; the new rows none.
    expect((await tools(after)).total_failures).toBe(7);
    expect(await tools(after)).toEqual(await tools(scanned));
  });

  it('reload every row after an update, answering with scans until the reload is done', async () => {
    await open(db.config);
    const table = (await openTrajectories(db.config))!;
    await table.update({ where: "training_id = 'beta'", valuesSql: { reward: '1' } });
    const during = await open(db.config);
    expect(during.resident).toBeUndefined();
    expect(during.version).toBe(await table.version());
    await columnEngine(db.config, BUDGET).settled();
    const after = await open(db.config);
    expect(after.resident?.columns.rowsRead).toBe(28);
    expect(after.resident?.columns.version).toBe(await table.version());
    // beta's rewards were 1, 0, 0, 0 and are now all 1: the sum goes from 14 to 17.
    expect((await figures(after)).avg_reward).toBeCloseTo(17 / 28, 12);
    expect(await figures(after)).toEqual(await figures(during));
  });

  it('reload every row after a delete', async () => {
    await open(db.config);
    const table = (await openTrajectories(db.config))!;
    await table.delete("training_id = 'beta'");
    expect((await open(db.config)).resident).toBeUndefined();
    await columnEngine(db.config, BUDGET).settled();
    const after = await open(db.config);
    expect(after.resident?.columns.rowsRead).toBe(24);
    expect((await figures(after)).trajectory_count).toBe(24);
  });

  it('answer from the previous version, labelled stale, within the read-consistency interval', async () => {
    const config = { ...db.config, readConsistencyInterval: 60 };
    const before = await open(config);
    const table = (await openTrajectories(config))!;
    await table.delete("training_id = 'beta'");
    const during = await open(config);
    expect(during.version).toBe(before.version);
    expect(during.stale?.latest_version).toBe(await table.version());
    expect((await figures(during)).trajectory_count).toBe(28);
    await columnEngine(config, BUDGET).settled();
    const after = await open(config);
    expect(after.stale).toBeUndefined();
    expect((await figures(after)).trajectory_count).toBe(24);
  });

  it('hold nothing above the memory budget, and the scans give the same figures', async () => {
    const tiny = await openSource(db.config, { columnCacheBytes: 1000 });
    expect(tiny.resident).toBeUndefined();
    const held = await open(db.config);
    expect(held.resident).toBeDefined();
    expect(await figures(tiny)).toEqual(await figures(held));
  });
});
