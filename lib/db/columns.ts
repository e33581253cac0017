import type * as Arrow from 'apache-arrow';

/**
 * The columns of the `trajectories` table, each declared once. Everything else is derived from this list: the Arrow
 * schema (ESM copy in ./schema.ts, CommonJS copy in lib/ingest/arrow-batch.ts), the `TrajectoryRow` type, the Arrow
 * columns written at ingest (by kind), the scalar indexes (./indexes.ts), the columns the scan engine reads
 * (lib/analysis/scan/scan.ts, by kind) and which of them stay resident in memory (lib/analysis/engine/resident.ts).
 *
 * The order is the table's field order on disk: append new columns at the end, never reorder or retype (existing
 * tables are checked against this list when opened, see `IncompatibleSchemaError`).
 */

/**
 * How a column is stored. utf8-list and bool-list are non-null lists of nullable items; timestamp is milliseconds,
 * UTC.
 */
export type ColumnKind = 'utf8' | 'int32' | 'float64' | 'timestamp' | 'utf8-list' | 'bool-list';

/**
 * Whether and how the scan engine (lib/analysis/scan) reads a column; absent: never read by it.
 * - resident: held in memory for the whole table (lib/analysis/engine/resident.ts);
 * - on-demand: read into memory the first time a request needs it;
 * - direct: read by a request's own scan, never held (one distinct value per row).
 * How a scanned column is held (int, float, string codes, list codes…) follows from its kind.
 */
export type ScanUse = 'resident' | 'on-demand' | 'direct';
export const SCAN_USES = ['resident', 'on-demand', 'direct'] as const satisfies readonly ScanUse[];

/**
 * The scalar index a column gets (lib/db/indexes.ts). `step-text` is the full-text index on the step text, built
 * unless STEP_SEARCH_INDEX=off.
 */
export type IndexKind = 'bitmap' | 'btree' | 'label-list' | 'fts' | 'step-text';

export interface ColumnDeclaration {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  scan?: ScanUse;
  index?: IndexKind;
  /** Computed from the steps at ingest (lib/ingest/derive.ts): filters and aggregates never parse steps_json. */
  derived?: true;
  /**
   * Declared after the first tables were written: a table without it is upgraded (lib/ingest/upgrade.ts adds it, all
   * null, and fills it from the steps when it is derived). Such a column must be nullable.
   */
  addedLater?: true;
}

export const COLUMNS = [
  { name: 'trajectory_id', kind: 'utf8', nullable: false, scan: 'direct', index: 'btree' },
  { name: 'training_id', kind: 'utf8', nullable: false, scan: 'resident', index: 'bitmap' },
  { name: 'epoch_id', kind: 'int32', nullable: false, scan: 'resident', index: 'btree' },
  { name: 'iteration_id', kind: 'int32', nullable: false },
  { name: 'sample_id', kind: 'int32', nullable: false, scan: 'resident' },
  { name: 'data_id', kind: 'utf8', nullable: false, scan: 'resident', index: 'btree' },
  // Most of the bytes a text search reads; few distinct values to hold once read.
  { name: 'question', kind: 'utf8', nullable: true, scan: 'on-demand', index: 'fts' },
  // Null when the log has no score (an unscored trajectory): left out of every reward figure (lib/analysis/filters).
  { name: 'reward', kind: 'float64', nullable: true, scan: 'resident', index: 'btree' },
  { name: 'termination_reason', kind: 'utf8', nullable: false, scan: 'resident', index: 'bitmap' },
  { name: 'agent_name', kind: 'utf8', nullable: true, scan: 'resident', index: 'bitmap' },
  { name: 'created_at', kind: 'timestamp', nullable: true, scan: 'resident' },
  // The normalised steps (an array of `Step`), as JSON.
  { name: 'steps_json', kind: 'utf8', nullable: false },
  { name: 'step_count', kind: 'int32', nullable: false, scan: 'resident', derived: true },
  { name: 'tool_call_count', kind: 'int32', nullable: false, scan: 'resident', derived: true },
  { name: 'tool_error_count', kind: 'int32', nullable: false, scan: 'resident', derived: true },
  // Distinct tools called, for filtering.
  {
    name: 'tools_used',
    kind: 'utf8-list',
    nullable: false,
    scan: 'resident',
    index: 'label-list',
    derived: true,
  },
  // Distinct tools with at least one failed call, for filtering.
  {
    name: 'tools_failed',
    kind: 'utf8-list',
    nullable: false,
    scan: 'resident',
    index: 'label-list',
    derived: true,
  },
  // One entry per tool call, in order (with repeats), for per-tool statistics.
  { name: 'tool_call_names', kind: 'utf8-list', nullable: false, scan: 'resident', derived: true },
  // Aligned with tool_call_names: whether that call failed.
  { name: 'tool_call_failed', kind: 'bool-list', nullable: false, scan: 'resident', derived: true },
  { name: 'process_reward_mean', kind: 'float64', nullable: true, scan: 'resident', derived: true },
  // The words of the steps as people read them (thoughts, tool names and argument values, observations), one step a
  // line, for the full-text index `q` searches; null only in a table being upgraded (lib/ingest/upgrade.ts).
  { name: 'step_text', kind: 'utf8', nullable: true, index: 'step-text', derived: true, addedLater: true },
  // Every step, user and system turns included (step_count counts the agent's actions only).
  { name: 'turn_count', kind: 'int32', nullable: true, derived: true, addedLater: true },
  // One entry per failed tool call, in order: its error message with particulars replaced by placeholders
  // (lib/ingest/error-fingerprint.ts), so views group errors without parsing steps.
  {
    name: 'error_fingerprints',
    kind: 'utf8-list',
    nullable: true,
    scan: 'on-demand',
    derived: true,
    addedLater: true,
  },
  // The benchmark or dataset the question comes from (from the importer or --dataset); importers prefix data_id with it.
  { name: 'dataset', kind: 'utf8', nullable: true, scan: 'resident', index: 'bitmap', addedLater: true },
  // Reward parts by name, as a JSON object of numbers (NeMo Gym reward_components, TRL per-function rewards).
  { name: 'reward_components', kind: 'utf8', nullable: true, scan: 'on-demand', addedLater: true },
  // What trainers log per trajectory (lib/ingest/importers/types.ts METRIC_NAMES); null when the log has none.
  { name: 'prompt_tokens', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  { name: 'response_tokens', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  // 1 when the trajectory hit a length, token or step limit, 0 when known not to.
  { name: 'truncated', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  { name: 'latency_s', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  { name: 'cost_usd', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  { name: 'policy_version', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  { name: 'advantage', kind: 'float64', nullable: true, scan: 'on-demand', addedLater: true },
  // Fields of the original record no importer maps, as JSON (at most METADATA_MAX_CHARS), shown on the trajectory page.
  { name: 'metadata', kind: 'utf8', nullable: true, addedLater: true },
  // The longest run of consecutive identical tool calls (same tool, same arguments in canonical JSON); user, system and
  // tool turns between two calls do not break a run, a reply does. 0 without tool calls (lib/ingest/derive.ts).
  {
    name: 'repeated_call_run',
    kind: 'int32',
    nullable: true,
    scan: 'resident',
    derived: true,
    addedLater: true,
  },
  // Characters (Unicode code points, trimmed) of the final answer: the last assistant step's words when it is a reply;
  // null when that step is a tool call or there is no assistant step (an empty answer is 0).
  {
    name: 'final_answer_chars',
    kind: 'int32',
    nullable: true,
    scan: 'on-demand',
    derived: true,
    addedLater: true,
  },
  // Share of the final answer's word 4-grams that already occurred earlier in it (degenerate, looping text); null
  // without a final answer or below 8 words.
  {
    name: 'final_repeat_share',
    kind: 'float64',
    nullable: true,
    scan: 'on-demand',
    derived: true,
    addedLater: true,
  },
  // The final answer's fingerprint (its first line with ids, numbers, quoted text and paths replaced by placeholders,
  // lib/ingest/error-fingerprint.ts), so failed answers group; '' without a final answer (final_answer_chars null) or
  // with an empty one. Null only in a table being upgraded.
  {
    name: 'final_answer_fingerprint',
    kind: 'utf8',
    nullable: true,
    scan: 'on-demand',
    derived: true,
    addedLater: true,
  },
] as const satisfies readonly ColumnDeclaration[];

/**
 * Numeric figures trainers log per trajectory, each a nullable float64 column above (`truncated`: 1 when the
 * trajectory hit a length, token or step limit, 0 when it is known not to have).
 */
export const METRIC_NAMES = [
  'prompt_tokens',
  'response_tokens',
  'truncated',
  'latency_s',
  'cost_usd',
  'policy_version',
  'advantage',
] as const satisfies readonly Declared['name'][];
export type MetricName = (typeof METRIC_NAMES)[number];

type Declared = (typeof COLUMNS)[number];

export type ColumnName = Declared['name'];

/** The TypeScript value of each kind (as written at ingest; reading back gives epoch ms and Arrow vectors). */
interface KindValue {
  utf8: string;
  int32: number;
  float64: number;
  timestamp: Date;
  'utf8-list': string[];
  'bool-list': boolean[];
}

type ValueOf<C extends ColumnDeclaration> = C['nullable'] extends true
  ? KindValue[C['kind']] | null
  : KindValue[C['kind']];

/** One row of the `trajectories` table, as written by ingest. */
export type TrajectoryRow = { [C in Declared as C['name']]: ValueOf<C> };

/** A filter on declarations: for each property given, the values allowed. */
type ColumnMatch = {
  [K in Exclude<keyof ColumnDeclaration, 'name'>]?: readonly NonNullable<ColumnDeclaration[K]>[];
};

/** The names of the declared columns whose properties are among `M`'s. */
export type ColumnsWith<M extends ColumnMatch> = Extract<
  Declared,
  { [K in keyof M]: M[K] extends readonly (infer V)[] ? V : never }
>['name'];

/**
 * The names of the declared columns matching `match`, in table order, typed as the union of exactly those names;
 * e.g. `columnsWith({ kind: ['int32'], scan: SCAN_USES })`.
 */
export function columnsWith<const M extends ColumnMatch>(match: M): readonly ColumnsWith<M>[] {
  const wanted = Object.entries(match) as [keyof ColumnDeclaration, readonly unknown[]][];
  return COLUMNS.filter((column) =>
    wanted.every(([property, values]) => values.includes((column as ColumnDeclaration)[property])),
  ).map((column) => column.name as ColumnsWith<M>);
}

/** The columns computed from the steps at ingest. */
export type DerivedColumnName = ColumnsWith<{ derived: [true] }>;

/** Every scalar index the table should have, in table order. */
export const COLUMN_INDEXES: readonly { column: ColumnName; index: IndexKind }[] = COLUMNS.flatMap(
  (column: ColumnDeclaration) =>
    column.index ? [{ column: column.name as ColumnName, index: column.index }] : [],
);

/** The classes of an apache-arrow module: the ESM import, or the CommonJS copy LanceDB accepts (lib/ingest). */
export type ArrowModule = Pick<
  typeof Arrow,
  'Bool' | 'Field' | 'Float64' | 'Int32' | 'List' | 'Schema' | 'TimestampMillisecond' | 'Utf8'
>;

/** The Arrow type of a kind, made of `arrow`'s classes. */
export function arrowType(arrow: ArrowModule, kind: ColumnKind): Arrow.DataType {
  switch (kind) {
    case 'utf8':
      return new arrow.Utf8();
    case 'int32':
      return new arrow.Int32();
    case 'float64':
      return new arrow.Float64();
    case 'timestamp':
      return new arrow.TimestampMillisecond('UTC');
    case 'utf8-list':
      return new arrow.List(new arrow.Field('item', new arrow.Utf8(), true));
    case 'bool-list':
      return new arrow.List(new arrow.Field('item', new arrow.Bool(), true));
  }
}

/**
 * The explicit Arrow schema of the table, made of `arrow`'s classes. Always pass it: plain JS numbers would otherwise
 * infer as Float64.
 */
export function trajectoryArrowSchema(arrow: ArrowModule): Arrow.Schema {
  return new arrow.Schema(
    COLUMNS.map((column) => new arrow.Field(column.name, arrowType(arrow, column.kind), column.nullable)),
  );
}
