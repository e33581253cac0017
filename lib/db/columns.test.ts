import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INT_NULL, scanTable, type Scan, type ScanColumn } from '../analysis/scan/scan';
import { rowsToArrowTable } from '../ingest/arrow-batch';
import { normalizeRecord } from '../ingest/normalize';
import { SampleIdCounter } from '../ingest/trajectory-id';
import { tempDb, type TempDb } from '../test-support/fixture';
import {
  COLUMNS,
  columnsWith,
  SCAN_USES,
  trajectoryArrowSchema,
  type ColumnDeclaration,
  type TrajectoryRow,
} from './columns';
import { openOrCreateTrajectories, openTrajectories } from './connection';
import { trajectorySchema } from './schema';

let db: TempDb;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const cjsArrow = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

/** A field as the table stores it: name, type (with the item field of a list), nullability. */
function describeField(field: Arrow.Field): string {
  const children = (field.type.children ?? []).map(describeField);
  const items = children.length ? ` [${children.join(', ')}]` : '';
  return `${field.name}: ${field.type}${items}${field.nullable ? '' : ' not null'}`;
}

/**
 * The layout existing tables were written with: the declared columns must start with exactly these (reordering or
 * retyping one makes every existing table fail to open with IncompatibleSchemaError).
 */
const WRITTEN_LAYOUT = [
  'trajectory_id: Utf8 not null',
  'training_id: Utf8 not null',
  'epoch_id: Int32 not null',
  'iteration_id: Int32 not null',
  'sample_id: Int32 not null',
  'data_id: Utf8 not null',
  'question: Utf8',
  // Nullable since unscored trajectories exist; tables written before are relaxed in place by upgradeTable.
  'reward: Float64',
  'termination_reason: Utf8 not null',
  'agent_name: Utf8',
  'created_at: Timestamp<MILLISECOND, UTC>',
  'steps_json: Utf8 not null',
  'step_count: Int32 not null',
  'tool_call_count: Int32 not null',
  'tool_error_count: Int32 not null',
  'tools_used: List<Utf8> [item: Utf8] not null',
  'tools_failed: List<Utf8> [item: Utf8] not null',
  'tool_call_names: List<Utf8> [item: Utf8] not null',
  'tool_call_failed: List<Bool> [item: Bool] not null',
  'process_reward_mean: Float64',
];

/** Rows through the real ingest path: one with every value set, one with every nullable value null and no steps. */
function rows(): TrajectoryRow[] {
  const sampleIds = new SampleIdCounter();
  const records = [
    {
      training_id: 'run-ä',
      epoch_id: 3,
      iteration_id: 7,
      data_id: 'q1',
      question: 'Wie viel ist 東京 → 🙂?',
      reward: 0.75,
      termination_reason: 'success',
      agent_name: 'agent',
      created_at: '2025-01-02T03:04:05.678Z',
      dataset: 'bench',
      reward_components: { accuracy: 1, format: 0.5 },
      metrics: {
        prompt_tokens: 120,
        response_tokens: 48,
        truncated: false,
        latency_s: 2.5,
        cost_usd: 0.01,
        policy_version: 3,
        advantage: -0.25,
      },
      metadata: { model: 'm' },
      steps: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Go.' },
        {
          action: 'search',
          action_input: { q: 'x' },
          observation: 'é',
          tool_status: 'error',
          process_reward: 0.5,
        },
        { action: 'python', observation: 'ok', tool_status: 'success', process_reward: 1 },
        { action: 'search', observation: 'ok', tool_status: 'success' },
        { action: 'final_answer', observation: 'done', content: 'It is done, it is done, it is done.' },
      ],
    },
    { training_id: 'run-b', epoch_id: 0, data_id: 'q2', question: null, reward: null, steps: [] },
  ];
  return records.map((record) => {
    const result = normalizeRecord(record, { sampleIds });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.row;
  });
}

/** A value as written or as read back, in one form: timestamps as epoch ms, lists as arrays. */
function stored(column: ColumnDeclaration, value: unknown): unknown {
  if (value === null) return null;
  switch (column.kind) {
    case 'timestamp':
      return value instanceof Date ? value.getTime() : Number(value);
    case 'utf8-list':
    case 'bool-list':
      return Array.from(value as unknown[]);
    default:
      return value;
  }
}

/** Row `i`'s value of `column` in a scan, in the form `stored` gives. */
function scanned(scan: Scan, column: ScanColumn, kind: ColumnDeclaration['kind'], i: number): unknown {
  const strings = (codes: ArrayLike<number>, values: string[], from: number, to: number) =>
    Array.from({ length: to - from }, (_, j) => values[codes[from + j]]);
  const names = scan.lists.tool_call_names!;
  switch (kind) {
    case 'int32': {
      const value = scan.ints[column as keyof Scan['ints']]![i];
      return value === INT_NULL ? null : value;
    }
    case 'float64': {
      const value = scan.floats[column as keyof Scan['floats']]![i];
      return Number.isNaN(value) ? null : value;
    }
    case 'utf8': {
      const { codes, values } = scan.strings[column as keyof Scan['strings']]!;
      return codes[i] === -1 ? null : values[codes[i]];
    }
    case 'utf8-list': {
      const { offsets, codes, values } = scan.lists[column as keyof Scan['lists']]!;
      return strings(codes, values, offsets[i], offsets[i + 1]);
    }
    case 'bool-list':
      // Held aligned with tool_call_names.
      return Array.from(scan.toolCallFailed!.subarray(names.offsets[i], names.offsets[i + 1]), Boolean);
    case 'timestamp': {
      const value = scan.createdAt![i];
      return Number.isNaN(value) ? null : value;
    }
  }
}

describe('the column declarations', () => {
  it('make the same schema from the ESM and the CommonJS apache-arrow, field by field', () => {
    const esm = trajectorySchema.fields;
    const cjs = trajectoryArrowSchema(cjsArrow).fields;
    const written = rowsToArrowTable([]).schema.fields;
    expect(esm.map((field) => field.name)).toEqual(COLUMNS.map((column) => column.name));
    for (const fields of [cjs, written]) {
      expect(fields).toHaveLength(esm.length);
      fields.forEach((field, i) => {
        expect(describeField(field)).toBe(describeField(esm[i]));
        expect(field.type.typeId).toBe(esm[i].type.typeId);
      });
    }
    // Made of the CommonJS classes, the only ones LanceDB accepts.
    expect(cjs[0]).toBeInstanceOf(cjsArrow.Field);
  });

  it('keep the layout existing tables were written with', () => {
    expect(trajectorySchema.fields.slice(0, WRITTEN_LAYOUT.length).map(describeField)).toEqual(
      WRITTEN_LAYOUT,
    );
  });

  it('write every declared column through rowsToArrowTable into LanceDB, and read each back', async () => {
    const written = rows();
    const table = await openOrCreateTrajectories(db.config);
    await table.add(rowsToArrowTable(written));
    // Opened afresh (another config key), the table passes the schema check of openTrajectories.
    const reopened = (await openTrajectories({ ...db.config, readConsistencyInterval: 1 }))!;
    const onDisk = (await reopened.schema()).fields;
    expect(onDisk.map(describeField)).toEqual(trajectorySchema.fields.map(describeField));

    const read = await reopened
      .query()
      .select(COLUMNS.map((column) => column.name))
      .toArray();
    expect(read).toHaveLength(written.length);
    for (const column of COLUMNS as readonly ColumnDeclaration[]) {
      const name = column.name as keyof TrajectoryRow;
      const expected = written.map((row) => stored(column, row[name]));
      const actual = read.map((row: Record<string, unknown>) => stored(column, row[name]));
      expect(actual, column.name).toEqual(expected);
      expect(
        expected.some((value) => value !== null),
        `${column.name}: give a row a value`,
      ).toBe(true);
    }
  });

  it('let scanTable read every declared scan column, by its kind', async () => {
    const written = rows();
    const table = await openOrCreateTrajectories(db.config);
    await table.add(rowsToArrowTable(written));
    const columns = columnsWith({ scan: SCAN_USES });
    expect(columns.length).toBeGreaterThan(0);
    // tool_call_failed is held aligned with tool_call_names.
    const scan = await scanTable(table, { columns: [...columns, 'tool_call_names'] });
    expect(scan.length).toBe(written.length);
    for (const column of COLUMNS as readonly ColumnDeclaration[]) {
      if (!column.scan) continue;
      const name = column.name as ScanColumn;
      written.forEach((row, i) => {
        expect(scanned(scan, name, column.kind, i), `${name} of row ${i}`).toEqual(
          stored(column, row[name as keyof TrajectoryRow]),
        );
      });
    }
  });
});
