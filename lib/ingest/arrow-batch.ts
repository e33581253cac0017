import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { TrajectoryRow } from '../db/schema';

// LanceDB accepts only Arrow objects made by the CommonJS copy of apache-arrow it loads itself (tables built from the
// ESM import are rejected as "schemas must be equivalent"), so the columns are built with that copy.
const arrow = createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

const utf8List = () => new arrow.List(new arrow.Field('item', new arrow.Utf8(), true));

/** The table's schema (lib/db/schema.ts), made of the CommonJS classes. */
const schema = new arrow.Schema([
  new arrow.Field('trajectory_id', new arrow.Utf8(), false),
  new arrow.Field('training_id', new arrow.Utf8(), false),
  new arrow.Field('epoch_id', new arrow.Int32(), false),
  new arrow.Field('iteration_id', new arrow.Int32(), false),
  new arrow.Field('sample_id', new arrow.Int32(), false),
  new arrow.Field('data_id', new arrow.Utf8(), false),
  new arrow.Field('question', new arrow.Utf8(), true),
  new arrow.Field('reward', new arrow.Float64(), false),
  new arrow.Field('termination_reason', new arrow.Utf8(), false),
  new arrow.Field('agent_name', new arrow.Utf8(), true),
  new arrow.Field('created_at', new arrow.TimestampMillisecond('UTC'), true),
  new arrow.Field('steps_json', new arrow.Utf8(), false),
  new arrow.Field('step_count', new arrow.Int32(), false),
  new arrow.Field('tool_call_count', new arrow.Int32(), false),
  new arrow.Field('tool_error_count', new arrow.Int32(), false),
  new arrow.Field('tools_used', utf8List(), false),
  new arrow.Field('tools_failed', utf8List(), false),
  new arrow.Field('tool_call_names', utf8List(), false),
  new arrow.Field('tool_call_failed', new arrow.List(new arrow.Field('item', new arrow.Bool(), true)), false),
  new arrow.Field('process_reward_mean', new arrow.Float64(), true),
]);

type Column = Arrow.Data;

const encoder = new TextEncoder();

/** A utf8 column written straight into one value buffer (no per-value builder calls). */
function utf8Column(values: readonly (string | null)[]): Column {
  const offsets = new Int32Array(values.length + 1);
  let chars = 0;
  for (const value of values) if (value !== null) chars += value.length;
  // Sized for ASCII text; grown only for other characters.
  let bytes = new Uint8Array(chars + 64);
  let end = 0;
  let nulls = 0;
  const validity = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) {
      nulls++;
    } else {
      validity[i >> 3] |= 1 << (i & 7);
      // A UTF-16 code unit never takes more than 3 UTF-8 bytes.
      const room = end + value.length * 3;
      if (room > bytes.length) {
        const grown = new Uint8Array(Math.max(room, Math.ceil(bytes.length * 1.5)));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(value, bytes.subarray(end)).written;
    }
    offsets[i + 1] = end;
  }
  return arrow.makeData({
    type: new arrow.Utf8(),
    length: values.length,
    nullCount: nulls,
    nullBitmap: nulls > 0 ? validity : null,
    valueOffsets: offsets,
    data: bytes.subarray(0, end),
  });
}

function int32Column(values: readonly number[]): Column {
  return arrow.makeData({ type: new arrow.Int32(), length: values.length, data: Int32Array.from(values) });
}

function float64Column(values: readonly (number | null)[]): Column {
  const data = new Float64Array(values.length);
  const validity = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) nulls++;
    else {
      data[i] = value;
      validity[i >> 3] |= 1 << (i & 7);
    }
  }
  return arrow.makeData({
    type: new arrow.Float64(),
    length: values.length,
    nullCount: nulls,
    nullBitmap: nulls > 0 ? validity : null,
    data,
  });
}

function timestampColumn(values: readonly (Date | null)[]): Column {
  const type = new arrow.TimestampMillisecond('UTC');
  const builder = arrow.makeBuilder({ type, nullValues: [null] });
  for (const value of values) builder.append(value === null ? null : value.getTime());
  return builder.finish().flush();
}

function listColumn<T>(type: Arrow.List, values: readonly (readonly T[])[]): Column {
  const builder = arrow.makeBuilder({ type, nullValues: [null] });
  // The list builder takes plain arrays; its declared parameter type is only the Vector form.
  for (const value of values) builder.append(value as unknown as Arrow.Vector);
  return builder.finish().flush();
}

/**
 * Rows as one Arrow table with the table's exact schema, built column by column (LanceDB's own converter goes row by
 * row through generic builders and costs several times more).
 */
export function rowsToArrowTable(rows: readonly TrajectoryRow[]): Arrow.Table {
  const pick = <K extends keyof TrajectoryRow>(key: K) => rows.map((row) => row[key]);
  const listType = (name: string) => schema.fields.find((field) => field.name === name)!.type as Arrow.List;
  const columns: Record<keyof TrajectoryRow, Column> = {
    trajectory_id: utf8Column(pick('trajectory_id')),
    training_id: utf8Column(pick('training_id')),
    epoch_id: int32Column(pick('epoch_id')),
    iteration_id: int32Column(pick('iteration_id')),
    sample_id: int32Column(pick('sample_id')),
    data_id: utf8Column(pick('data_id')),
    question: utf8Column(pick('question')),
    reward: float64Column(pick('reward')),
    termination_reason: utf8Column(pick('termination_reason')),
    agent_name: utf8Column(pick('agent_name')),
    created_at: timestampColumn(pick('created_at')),
    steps_json: utf8Column(pick('steps_json')),
    step_count: int32Column(pick('step_count')),
    tool_call_count: int32Column(pick('tool_call_count')),
    tool_error_count: int32Column(pick('tool_error_count')),
    tools_used: listColumn(listType('tools_used'), pick('tools_used')),
    tools_failed: listColumn(listType('tools_failed'), pick('tools_failed')),
    tool_call_names: listColumn(listType('tool_call_names'), pick('tool_call_names')),
    tool_call_failed: listColumn(listType('tool_call_failed'), pick('tool_call_failed')),
    process_reward_mean: float64Column(pick('process_reward_mean')),
  };
  const struct = arrow.makeData({
    type: new arrow.Struct(schema.fields),
    length: rows.length,
    nullCount: 0,
    children: schema.fields.map((field) => columns[field.name as keyof TrajectoryRow]),
  });
  return new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]);
}
