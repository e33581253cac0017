import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../db/connection';
import { trajectorySchema, type TrajectoryRow } from '../db/schema';
import { tempDb, TAU_BENCH_FILE, type TempDb } from '../test-support/fixture';
import { rowsToArrowTable } from './arrow-batch';
import { normalizeRecord } from './normalize';
import { readBack } from './test-db';
import { SampleIdCounter } from './trajectory-id';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const COLUMNS = trajectorySchema.fields.map((field) => field.name);

function rowOf(record: Record<string, unknown>, sampleIds: SampleIdCounter): TrajectoryRow {
  const result = normalizeRecord(record, { sampleIds });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

/** Rows with every kind of value: nulls, empty lists, non-ASCII text, failed tools, process rewards. */
function syntheticRows(count: number): TrajectoryRow[] {
  const sampleIds = new SampleIdCounter();
  return Array.from({ length: count }, (_, i) =>
    rowOf(
      {
        training_id: i % 3 === 0 ? 'run-ä' : 'run-b',
        epoch_id: i % 7,
        data_id: `q${i % 50}`,
        question: i % 5 === 0 ? null : `Frage ${i}: 東京 → 🙂?`,
        reward: i % 4 === 0 ? 1 : -0.25,
        agent_name: i % 2 === 0 ? null : 'agent',
        termination_reason: i % 6 === 0 ? undefined : 'done',
        created_at: i % 9 === 0 ? null : `2025-01-0${1 + (i % 9)}T00:00:00.000Z`,
        steps:
          i % 10 === 0
            ? []
            : [
                { action: 'search', action_input: { q: `x${i}` }, observation: 'é', tool_status: 'error' },
                { action: 'search', observation: 'ok', tool_status: 'success', process_reward: i / 100 },
                { action: 'final_answer', observation: 'done' },
              ],
      },
      sampleIds,
    ),
  );
}

async function writeBothWays(rows: TrajectoryRow[]) {
  const connection = await connect(db.config);
  const viaRows = await connection.createEmptyTable('via_rows', trajectorySchema);
  await viaRows.add(rows as unknown as Record<string, unknown>[]);
  const viaColumns = await connection.createEmptyTable('via_columns', trajectorySchema);
  await viaColumns.add(rowsToArrowTable(rows));
  const sorted = async (table: typeof viaRows) =>
    (await readBack(table, COLUMNS)).sort((a, b) =>
      String(a.trajectory_id).localeCompare(String(b.trajectory_id)),
    );
  return { rows: await sorted(viaRows), columns: await sorted(viaColumns) };
}

describe('rowsToArrowTable', () => {
  it('stores every column of 3,000 varied rows exactly as LanceDB’s own row conversion does', async () => {
    const { rows, columns } = await writeBothWays(syntheticRows(3000));
    expect(columns).toHaveLength(3000);
    expect(columns).toEqual(rows);
    const first = columns.find((row) => row.question === 'Frage 1: 東京 → 🙂?')!;
    // Row 1: two search calls, the first failed; one process reward 0.01; created 2025-01-02.
    expect(first).toMatchObject({
      training_id: 'run-b',
      agent_name: 'agent',
      created_at: Date.UTC(2025, 0, 2),
      step_count: 3,
      tool_call_count: 2,
      tool_error_count: 1,
      tools_used: ['search'],
      tools_failed: ['search'],
      tool_call_names: ['search', 'search'],
      tool_call_failed: [true, false],
      process_reward_mean: 0.01,
    });
    const zero = columns.find((row) => row.training_id === 'run-ä' && row.step_count === 0)!;
    // Row 0: no steps, no question, no agent, no date, no termination reason.
    expect(zero).toMatchObject({
      question: null,
      agent_name: null,
      created_at: null,
      termination_reason: 'unknown',
      tools_used: [],
      tool_call_failed: [],
      process_reward_mean: null,
    });
  });

  it('stores the tau-bench file the same way, with its known figures', async () => {
    const sampleIds = new SampleIdCounter();
    const records = fs
      .readFileSync(TAU_BENCH_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => rowOf(JSON.parse(line), sampleIds));
    const { rows, columns } = await writeBothWays(records);
    expect(columns).toEqual(rows);
    expect(columns).toHaveLength(200);
    expect(columns.reduce((s, r) => s + (r.reward as number), 0) / 200).toBeCloseTo(0.42, 10);
    expect(columns.reduce((s, r) => s + (r.tool_call_count as number), 0)).toBe(1164);
  });
});
