import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTrajectories } from '../../db';
import { ingestText } from '../../ingest';
import { loadFixture, tempDb } from '../../test-support/fixture';
import { pickFilters, type Filters } from '../filters/query';
import { openSource, type Source } from '../source';
import { filterClauses } from '../filters/clauses';
import type { Clause } from '../filters/filter';
import { sqlWhere } from '../filters/where';
import { residentSelection } from './selection';
import { createAnnotation } from '../../annotations/store';
import { labelMatches } from '../filters/label-matches';
import { scanSelection } from '../filters/scan-selection';

/** Rows beside the fixture: null agent and question, mixed case, non-ASCII text, quotes, a tool only they use. */
const EXTRA = [
  {
    training_id: 'gamma',
    epoch_id: 0,
    data_id: 'Q-Upper',
    reward: 1,
    termination_reason: 'success',
    steps: [
      { action: 'search', action_input: 'a', observation: 'ok', tool_status: 'success' },
      { action: 'browser', action_input: 'b', observation: 'Error: down', tool_status: 'error' },
      { action: 'respond', action_input: 'done' },
    ],
  },
  {
    training_id: 'gamma',
    epoch_id: 2,
    data_id: 'q9',
    question: 'Ünïcode STRASSE café',
    reward: 0,
    termination_reason: 'timeout',
    steps: [{ action: 'respond', action_input: 'none' }],
  },
  {
    training_id: 'gamma',
    epoch_id: 2,
    data_id: "it's",
    question: "O'Brien's 100% question_mark",
    reward: -1,
    termination_reason: 'tool_error',
    agent_name: 'gamma-agent',
    steps: [
      { action: 'python', action_input: '1', observation: 'Error: x', tool_status: 'error' },
      { action: 'python', action_input: '2', observation: 'Error: y', tool_status: 'error' },
      { action: 'respond', action_input: 'fail' },
    ],
  },
  // Two unscored trajectories (their logs gave no score): no filter ever selects them; `unscored` counts them.
  ...[0, 1].map((sample) => ({
    training_id: 'alpha',
    epoch_id: 0,
    sample_id: 90 + sample,
    data_id: 'q1',
    question: 'What is the capital of France?',
    reward: null,
    termination_reason: 'submitted',
    steps: [{ action: 'search', action_input: 'capital', observation: 'Error: down', tool_status: 'error' }],
  })),
];

/** Every filter kind, alone and combined, with the row count worked out by hand from FIXTURE and EXTRA (28 + 3). */
const CASES: [string, Filters, number][] = [
  ['no filter', {}, 31],
  ['one training', { training_id: ['alpha'] }, 24],
  ['two trainings', { training_id: ['beta', 'gamma'] }, 7],
  ['an unknown training', { training_id: ['nope'] }, 0],
  ['one epoch', { epoch_id: 0 }, 17],
  ['epoch ≥', { epoch_min: 1 }, 14],
  ['epoch ≤', { epoch_max: 1 }, 29],
  ['epoch range', { epoch_min: 1, epoch_max: 2 }, 14],
  ['reward ≥', { reward_min: 0.5 }, 16],
  ['reward ≤', { reward_max: 0 }, 15],
  ['reward range', { reward_min: -0.5, reward_max: 0.5 }, 15],
  // Bounds at or beyond a column's range keep every row (the engine skips them): the lowest reward is -1 (one row).
  ['reward ≥ the lowest reward', { reward_min: -1 }, 31],
  ['reward ≥ below every reward', { reward_min: -1000.5 }, 31],
  ['reward ≥ just above the lowest reward', { reward_min: -0.75 }, 30],
  ['reward ≤ the highest reward', { reward_max: 1 }, 31],
  ['epoch range covering every epoch', { epoch_min: 0, epoch_max: 2 }, 31],
  ['tool calls ≥ 0', { tool_calls_min: 0 }, 31],
  [
    'a bound keeping every row beside one that narrows',
    { reward_min: -5, termination_reason: ['timeout', 'tool_error'] },
    5,
  ],
  ['termination reasons', { termination_reason: ['timeout', 'tool_error'] }, 5],
  ['uses any of', { tools_any: ['browser', 'calculator'] }, 5],
  ['uses any of (unknown tool)', { tools_any: ['nope'] }, 0],
  ['uses all of', { tools_all: ['search', 'python'] }, 1],
  ['uses all of (one unknown)', { tools_all: ['search', 'nope'] }, 0],
  ['uses none of', { tools_none: ['search'] }, 17],
  ['uses none of several', { tools_none: ['search', 'python', 'calculator'] }, 6],
  ['any tool failed', { tool_failed: 'any' }, 8],
  ['search failed', { tool_failed: 'search' }, 3],
  ['python failed', { tool_failed: 'python' }, 4],
  ['a tool nobody calls failed', { tool_failed: 'nope' }, 0],
  // A failure signature: a failed call's error fingerprint (unscored rows with the same error never match).
  ['error signature', { signature: 'Error: down' }, 1],
  [
    'error signature of the fixture',
    { signature: 'Error: search failed on <script>alert(<num>)<<path>>' },
    3,
  ],
  ['error signature with a quote and a comma, none has it', { signature: "it's, gone" }, 0],
  ['tool calls ≥', { tool_calls_min: 2 }, 7],
  ['tool calls ≤', { tool_calls_max: 0 }, 6],
  ['questions by data_id', { data_id: ['q1', 'Q-Upper'] }, 11],
  ['agent (null agents never match)', { agent_name: ['gamma-agent', 'beta-agent'] }, 5],
  ['text in a question', { q: 'capital' }, 10],
  ['text in a data_id, other case, null question', { q: 'UPPER' }, 1],
  ['text with surrounding blanks', { q: '  capital  ' }, 10],
  ['non-ASCII text, other case', { q: 'CAFÉ' }, 1],
  ['quote in the text', { q: "o'brien" }, 1],
  ['% and _ are literal', { q: '100% question_' }, 1],
  ['% alone matches only a literal %', { q: '%' }, 1],
  ['blank text filters nothing', { q: '   ' }, 31],
  [
    'everything at once',
    { training_id: ['alpha'], epoch_min: 1, tools_any: ['search'], tool_calls_max: 1, q: 'capital' },
    2,
  ],
];

describe('the two back ends of the filter form (resident engine, LanceDB where) select the same rows, filter by filter', () => {
  const db = tempDb();
  let source: Source;
  let lanceRowIds: (filters: Filters) => Promise<bigint[]>;
  beforeAll(async () => {
    await loadFixture(db.config);
    const extra = await ingestText(EXTRA.map((r) => JSON.stringify(r)).join('\n'), { db: db.config });
    expect(extra.rejected).toBe(0);
    source = await openSource(db.config);
    const table = (await openTrajectories(db.config))!;
    lanceRowIds = async (filters) => {
      let query = table.query().select(['epoch_id']).withRowId();
      const where = sqlWhere(filterClauses(filters));
      if (where) query = query.where(where);
      return (await query.toArray()).map((row) => BigInt(row._rowid)).sort((a, b) => (a < b ? -1 : 1));
    };
  });
  afterAll(() => db.cleanup());
  const table = () => tableHandle!;
  let tableHandle: Awaited<ReturnType<typeof openTrajectories>>;
  beforeAll(async () => {
    tableHandle = await openTrajectories(db.config);
  });

  it('covers every kind of clause of the one filter form', () => {
    const ops = new Set(CASES.flatMap(([, filters]) => filterClauses(pickFilters(filters)).map((c) => c.op)));
    const every: Record<Clause['op'], true> = {
      in: true,
      has_any: true,
      has_all: true,
      has_none: true,
      '=': true,
      '>=': true,
      '<=': true,
      any_tool_failed: true,
      failed_tool: true,
      scored: true,
      unscored: true,
      contains: true,
      labelled: true,
    };
    ops.add('unscored'); // the case below
    ops.add('labelled'); // the note labels' case below
    expect([...ops].sort()).toEqual(Object.keys(every).sort());
  });

  it('holds the table in memory', () => {
    expect(source.resident?.columns.scan.length).toBe(33);
  });

  it.each<[string, Filters, number]>([
    ['no filter', {}, 2],
    ['a training', { training_id: ['alpha'] }, 2],
    ['a failed tool', { tool_failed: 'search' }, 2],
    ['a reward bound (unscored rows have no reward to compare)', { reward_min: -5 }, 0],
  ])('the unscored ones, %s', async (_name, filters, expected) => {
    const clauses = filterClauses(pickFilters(filters), null, 'unscored');
    const selection = (await residentSelection(source, clauses, ['reward']))!;
    const ids = Array.from(selection.rows, (i) => selection.scan.rowIds![i]).sort((a, b) => (a < b ? -1 : 1));
    expect(ids).toHaveLength(expected);
    const where = sqlWhere(clauses)!;
    const table = (await openTrajectories(db.config))!;
    const lance = (await table.query().where(where).select(['epoch_id']).withRowId().toArray())
      .map((row) => BigInt(row._rowid))
      .sort((a, b) => (a < b ? -1 : 1));
    expect(ids).toEqual(lance);
  });

  it.each(CASES)('%s', async (_name, filters, expected) => {
    const selection = await residentSelection(source, filterClauses(pickFilters(filters)), ['reward']);
    expect(selection).not.toBeNull();
    const ids = Array.from(selection!.rows, (i) => selection!.scan.rowIds![i]).sort((a, b) =>
      a < b ? -1 : 1,
    );
    expect(ids).toHaveLength(expected);
    expect(ids).toEqual(await lanceRowIds(pickFilters(filters)));
  });

  it('a note label: the labelled trajectory, question and group, in both back ends', async () => {
    const target = (
      await table()
        .query()
        .where("training_id = 'alpha' AND epoch_id = 0 AND data_id = 'q3' AND sample_id = 0")
        .select(['trajectory_id'])
        .toArray()
    )[0];
    const write = (t: Parameters<typeof createAnnotation>[1]['target'], label: string) =>
      createAnnotation(db.config, { target: t, label }, 'tester');
    await write({ kind: 'question', data_id: 'q2' }, 'hand'); // alpha 8 + beta 2
    await write({ kind: 'group', training_id: 'alpha', epoch_id: 1, data_id: 'q1' }, 'hand'); // 4
    await write({ kind: 'trajectory', trajectory_id: String(target.trajectory_id) }, 'hand'); // 1
    await write({ kind: 'question', data_id: 'q1' }, 'other-label');
    const filters: Filters = { label: ['hand'] };
    const labels = await labelMatches(source, filters);
    const clauses = filterClauses(filters, null, 'scored', labels);
    expect(clauses.map((c) => c.op)).toEqual(['labelled', 'scored']);
    const resident = (await residentSelection(source, clauses, ['reward']))!;
    const ids = Array.from(resident.rows, (i) => resident.scan.rowIds![i]).sort((a, b) => (a < b ? -1 : 1));
    expect(ids).toHaveLength(15);
    const scanned = await scanSelection(table(), clauses, ['reward'], true);
    const scannedIds = Array.from(scanned.rows, (i) => scanned.scan.rowIds![i]).sort((a, b) =>
      a < b ? -1 : 1,
    );
    expect(scannedIds).toEqual(ids);
    expect(() => filterClauses(filters)).toThrow('a label filter needs its matches');
  });

  it('gives rows in ascending order, as a scan of the table does', async () => {
    const { rows } = (await residentSelection(source, filterClauses({ tools_none: ['search'] }), []))!;
    expect([...rows]).toEqual([...rows].sort((a, b) => a - b));
  });
});
