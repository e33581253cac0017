import * as lancedb from '@lancedb/lancedb';
import { Schema } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { openTrajectories, TableNeedsUpgradeError, TABLE_NAME, trajectorySchema } from '../db';
import { tempDb, type TempDb } from '../test-support/fixture';
import { stepText } from './derive';
import { ingestText } from './ingest';
import { upgradeTable } from './upgrade';

// A table as the previous version wrote it: every column but step_text, and the full-text index on steps_json.
const OLD_SCHEMA = new Schema(trajectorySchema.fields.filter((field) => field.name !== 'step_text'));

const STEPS = (i: number) => [
  {
    step_id: 0,
    thought: `think ${i}`,
    action: 'python',
    action_input: { code: `x = ${i}` },
    observation: i % 3 === 0 ? 'ZeroDivisionError: division by zero' : 'ok',
    tool_status: 'success',
    process_reward: null,
  },
];

function oldRow(i: number) {
  return {
    trajectory_id: `old-${i}`,
    training_id: 'old-run',
    epoch_id: 0,
    iteration_id: 0,
    sample_id: i,
    data_id: `q${i % 4}`,
    question: null,
    reward: i % 2,
    termination_reason: 'done',
    agent_name: null,
    created_at: null,
    steps_json: JSON.stringify(STEPS(i)),
    step_count: 1,
    tool_call_count: 1,
    tool_error_count: 0,
    tools_used: ['python'],
    tools_failed: [],
    tool_call_names: ['python'],
    tool_call_failed: [false],
    process_reward_mean: null,
  };
}

async function writeOldTable(db: TempDb, rows: number, schema = OLD_SCHEMA): Promise<void> {
  const conn = await lancedb.connect(db.config.uri);
  const table = await conn.createEmptyTable(TABLE_NAME, schema);
  await table.add(Array.from({ length: rows }, (_, i) => oldRow(i)));
  await table.createIndex('steps_json', { config: lancedb.Index.fts({ withPosition: false }) });
}

const ANSWER_COLUMNS = ['repeated_call_run', 'final_answer_chars', 'final_repeat_share'];

// A table as the version before the answer columns wrote it (step_text filled).
const BEFORE_ANSWERS = new Schema(
  trajectorySchema.fields.filter((field) => !ANSWER_COLUMNS.includes(field.name)),
);

async function storedAnswers(db: TempDb): Promise<unknown[][]> {
  const table = (await openTrajectories(db.config))!;
  const rows = await table.query().select(ANSWER_COLUMNS).toArray();
  return rows.map((row) => ANSWER_COLUMNS.map((column) => row[column]));
}

async function stored(db: TempDb): Promise<Map<string, unknown>> {
  const table = (await openTrajectories(db.config))!;
  const rows = await table.query().select(['trajectory_id', 'step_text']).toArray();
  return new Map(rows.map((row) => [String(row.trajectory_id), row.step_text]));
}

/** One trajectory as an ingest gets it: a new epoch of the old run, answered with `answer`. */
const newRecord = (id: string, answer: string) =>
  JSON.stringify({
    trajectory_id: id,
    training_id: 'old-run',
    epoch_id: 1,
    data_id: 'q0',
    reward: 1,
    termination_reason: 'done',
    steps: [{ action: 'respond', action_input: answer }],
  });

let db: TempDb;
afterEach(() => db.cleanup());

describe('upgrading a table written by the previous version', () => {
  it('is refused at open with a message naming the command, then upgraded: step_text filled, index replaced', async () => {
    db = tempDb();
    await writeOldTable(db, 23);
    await expect(openTrajectories(db.config)).rejects.toBeInstanceOf(TableNeedsUpgradeError);
    await expect(openTrajectories(db.config)).rejects.toThrow('npm run upgrade');
    const report = await upgradeTable(db.config, { batch: 5 });
    expect(report).toMatchObject({ added: ['step_text'], filled: 23 });
    expect(report.droppedIndexes).toHaveLength(1);
    const texts = await stored(db);
    expect(texts.size).toBe(23);
    for (let i = 0; i < 23; i++) expect(texts.get(`old-${i}`)).toBe(stepText(STEPS(i) as never));
    const table = (await openTrajectories(db.config))!;
    const fts = (await table.listIndices())
      .filter((index) => index.indexType === 'FTS')
      .map((i) => i.columns[0]);
    expect(fts.sort()).toEqual(['question', 'step_text']);
    // Upgrading again finds nothing to do; new rows arrive with their step text.
    expect(await upgradeTable(db.config)).toEqual({ added: [], relaxed: [], filled: 0, droppedIndexes: [] });
    const more = await ingestText(newRecord('new-1', 'done'), { db: db.config });
    expect(more.inserted).toBe(1);
    expect((await stored(db)).get('new-1')).toBe('respond done');
  });

  it('leaves a readable table when it stops between batches, and a re-run finishes exactly', async () => {
    db = tempDb();
    await writeOldTable(db, 12);
    await expect(
      upgradeTable(db.config, {
        batch: 5,
        onBatch: (filled) => {
          if (filled === 5) throw new Error('killed after the first batch');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await stored(db);
    expect(partial.size).toBe(12);
    expect([...partial.values()].filter((text) => text === null)).toHaveLength(7);
    const report = await upgradeTable(db.config, { batch: 5 });
    expect(report).toMatchObject({ added: [], filled: 7 });
    const done = await stored(db);
    expect(done.size).toBe(12);
    for (let i = 0; i < 12; i++) expect(done.get(`old-${i}`)).toBe(stepText(STEPS(i) as never));
  });

  it('fills the answer columns once, though a trajectory without a final answer keeps them null', async () => {
    db = tempDb();
    await writeOldTable(db, 12, BEFORE_ANSWERS);
    // Every row is one python call and no reply: a run of 1, no final answer (null length and share).
    await expect(
      upgradeTable(db.config, {
        batch: 5,
        onBatch: (filled) => {
          if (filled === 5) throw new Error('killed after the first batch');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await storedAnswers(db);
    expect(partial.filter(([run]) => run === 1)).toHaveLength(5);
    expect(partial.filter(([run]) => run === null)).toHaveLength(7);
    const report = await upgradeTable(db.config, { batch: 5 });
    expect(report).toMatchObject({ added: [], filled: 7 });
    expect(await storedAnswers(db)).toEqual(Array.from({ length: 12 }, () => [1, null, null]));
    // The null lengths are answers, not gaps: a scan for unfilled rows finds none.
    expect(await upgradeTable(db.config, { scanForUnfilled: true })).toMatchObject({ filled: 0 });
  });

  it('adds and fills final_answer_fingerprint in a table written before it', async () => {
    db = tempDb();
    const before = new Schema(
      trajectorySchema.fields.filter((field) => field.name !== 'final_answer_fingerprint'),
    );
    await writeOldTable(db, 7, before);
    await expect(openTrajectories(db.config)).rejects.toBeInstanceOf(TableNeedsUpgradeError);
    const report = await upgradeTable(db.config, { batch: 5 });
    expect(report).toMatchObject({ added: ['final_answer_fingerprint'], filled: 7 });
    const table = (await openTrajectories(db.config))!;
    // Every old row ends with a python call: no final answer, ''.
    const prints = await table.query().select(['final_answer_fingerprint']).toArray();
    expect(prints.map((row) => row.final_answer_fingerprint)).toEqual(Array.from({ length: 7 }, () => ''));
    expect(await upgradeTable(db.config, { scanForUnfilled: true })).toMatchObject({ filled: 0 });
    // A new row arrives with the fingerprint of its answer.
    await ingestText(newRecord('new-3', 'Booked flight HAT123 for 2 people'), { db: db.config });
    const added = await table
      .query()
      .where("trajectory_id = 'new-3'")
      .select(['final_answer_fingerprint'])
      .toArray();
    expect(added.map((row) => row.final_answer_fingerprint)).toEqual(['Booked flight <id> for <num> people']);
  });

  it('upgrades an old table the first time ingest writes to it', async () => {
    db = tempDb();
    await writeOldTable(db, 3);
    const result = await ingestText(newRecord('new-2', 'yes'), { db: db.config });
    expect(result.inserted).toBe(1);
    const texts = await stored(db);
    expect(texts.size).toBe(4);
    expect(texts.get('old-0')).toBe(stepText(STEPS(0) as never));
  });
});
