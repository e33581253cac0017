import { z } from 'zod';
import { STEP_WINDOW } from '../../limits';
import { finiteJson } from '../../json/finite-json';
import { AnalysisError } from '../errors';
import { parseSteps } from './rows';
import { stepsWindow } from './steps-window';
import { firstErrorIn, firstErrorIndex, matchingSteps, matchingStepsIn } from './transcript';
import { openSource, type Source } from '../source';
import { sqlString } from '../../db/sql';
import type { Step } from '../../db/schema';
import { count, epochId, nullableNumber, step } from '../stats/response-parts';
import { METRIC_NAMES } from '../../db/columns';
import { jsonObject } from '../../json/objects';

/**
 * A trajectory as the API answers it (`/api/trajectories/<id>`): the stored row with its steps parsed and per-call
 * lists left out. A new table column appears here only when added to this schema.
 */
export const trajectoryDetailResponse = z
  .object({
    trajectory_id: z.string(),
    training_id: z.string(),
    epoch_id: epochId,
    iteration_id: z.number().int(),
    sample_id: z.number().int(),
    data_id: z.string(),
    question: z.string().nullable(),
    /** null: the log gave no score. */
    reward: z.number().nullable(),
    termination_reason: z.string(),
    agent_name: z.string().nullable(),
    /** ISO 8601, or null when not recorded. */
    created_at: z.string().nullable(),
    step_count: count,
    tool_call_count: count,
    tool_error_count: count,
    tools_used: z.array(z.string()),
    tools_failed: z.array(z.string()),
    process_reward_mean: nullableNumber,
    /** Every step, user and system turns included (`step_count` counts the agent's actions). */
    turn_count: count,
    dataset: z.string().nullable(),
    /** Reward parts by name, when the log has them. */
    reward_components: z.record(z.string(), z.number()).nullable(),
    /** What the trainer logged (prompt_tokens, response_tokens, truncated, latency_s, …); only those present. */
    metrics: z.record(z.string(), z.number()),
    /** Fields of the original record no importer maps. */
    metadata: z.record(z.string(), z.unknown()).nullable(),
    /** The steps of the window asked for (all of them for the JSON record); `turn_count` says how many there are. */
    steps: z.array(step),
  })
  .strict();

/** A trajectory as the viewer shows it: the API's answer and where its window of steps starts. */
export type TrajectoryDetail = z.infer<typeof trajectoryDetailResponse> & {
  /** Position of `steps[0]` among all the steps. */
  steps_from: number;
  /**
   * With `transcript`: the 0-based position of the first failed call or error step among all the steps (null: none),
   * so that "first error" can open the window holding it.
   */
  first_error?: number | null;
  /**
   * With `transcript` and search words: the 0-based positions of the steps holding one of them (at most
   * MATCH_LIMIT; `matches_capped` when there were more), so that "next match" can open the next window.
   */
  match_steps?: number[];
  matches_capped?: boolean;
};

/**
 * Which steps to read: the window of `STEP_WINDOW` steps around a 0-based position, or all of them. `transcript` adds
 * what the transcript viewer jumps to across windows: the first error, and the steps holding the `terms` of a search.
 */
export type StepsWanted = { around: number; transcript?: { terms: readonly string[] } } | 'all';

/** Where the window of `size` steps that holds step `position` (0-based) starts, within `stepCount` steps. */
export function windowStart(position: number, stepCount: number, size = STEP_WINDOW): number {
  const last = Math.max(0, stepCount - 1);
  return Math.floor(Math.min(Math.max(0, position), last) / size) * size;
}

/** Full records being read at once, at most: a trajectory's steps can be tens of megabytes. */
const RECORD_READS = 4;
let reading = 0;
const waiting: (() => void)[] = [];

/** Runs `read` once fewer than `RECORD_READS` records are being read (requests queue, memory stays bounded). */
export async function withRecordSlot<T>(read: () => Promise<T>): Promise<T> {
  if (reading >= RECORD_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading++;
  try {
    return await read();
  } finally {
    reading--;
    waiting.shift()?.();
  }
}

export interface SiblingSample {
  trajectory_id: string;
  sample_id: number;
  reward: number | null;
  termination_reason: string;
}

const DETAIL_COLUMNS = [
  'trajectory_id',
  'training_id',
  'epoch_id',
  'iteration_id',
  'sample_id',
  'data_id',
  'question',
  'reward',
  'termination_reason',
  'agent_name',
  'created_at',
  'step_count',
  'tool_call_count',
  'tool_error_count',
  'tools_used',
  'tools_failed',
  'process_reward_mean',
  'turn_count',
  'dataset',
  'reward_components',
  ...METRIC_NAMES,
  'metadata',
  'steps_json',
];

function nullableReward(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

const MAX_ID = 256;

export function checkId(id: string): void {
  if (id.length === 0 || id.length > MAX_ID || /[\u0000-\u001f]/.test(id))
    throw new AnalysisError('id: not a valid trajectory id', 'id');
}

function toArray(value: unknown): string[] {
  if (!value) return [];
  return Array.from(value as Iterable<unknown>, String);
}

export async function storedRow(id: string, source: Source): Promise<Record<string, unknown>> {
  const rows = source.table
    ? await source.table
        .query()
        .where(`trajectory_id = ${sqlString(id)}`)
        .select(DETAIL_COLUMNS)
        .limit(1)
        .toArray()
    : [];
  if (rows.length === 0) throw new AnalysisError(`unknown trajectory "${id}"`, 'id', 404);
  return rows[0] as Record<string, unknown>;
}

/**
 * One trajectory with the window of `STEP_WINDOW` steps around `steps.around` parsed (default: the first); 404 when
 * the id is unknown. At most `RECORD_READS` records are read at once in this process.
 */
export async function getTrajectory(
  id: string,
  source?: Source,
  steps: StepsWanted = { around: 0 },
): Promise<TrajectoryDetail> {
  checkId(id);
  const src = source ?? (await openSource());
  return withRecordSlot(async () => detailOf(await storedRow(id, src), steps));
}

/**
 * The JSON record of a trajectory (every step; no `steps_from`), serialised while holding one of the `RECORD_READS`
 * slots, so ten readers of a 300,000-step record hold at most four parsed copies at once.
 */
export async function trajectoryRecordJson(id: string, source?: Source): Promise<string> {
  checkId(id);
  const src = source ?? (await openSource());
  return withRecordSlot(async () => {
    // The record has no window: `steps_from: undefined` leaves the field out.
    return finiteJson({ ...detailOf(await storedRow(id, src), 'all'), steps_from: undefined });
  });
}

/** Steps a trajectory has: tables written before turns were kept have no turn_count until upgraded. */
export function turnsOf(row: Record<string, unknown>): number {
  return Number(row.turn_count ?? row.step_count);
}

/**
 * The viewer's facts of a stored row. `from` and `size` override where the window starts and how many steps it
 * holds (two trajectories side by side).
 */
export function detailOf(
  row: Record<string, unknown>,
  steps: StepsWanted,
  from?: number,
  size = STEP_WINDOW,
): TrajectoryDetail {
  const turns = turnsOf(row);
  const start = steps === 'all' ? 0 : (from ?? windowStart(steps.around, turns));
  const transcript = steps === 'all' ? undefined : steps.transcript;
  // The transcript's facts need every step: parsed whole, when not too long, they also give the window.
  const whole = transcript ? wholeSteps(row.steps_json) : null;
  const metrics: Record<string, number> = {};
  for (const name of METRIC_NAMES)
    if (row[name] !== null && row[name] !== undefined) metrics[name] = Number(row[name]);
  const created = row.created_at;
  return {
    trajectory_id: String(row.trajectory_id),
    training_id: String(row.training_id),
    epoch_id: Number(row.epoch_id),
    iteration_id: Number(row.iteration_id),
    sample_id: Number(row.sample_id),
    data_id: String(row.data_id),
    question: (row.question as string | null) ?? null,
    reward: nullableReward(row.reward),
    termination_reason: String(row.termination_reason),
    agent_name: (row.agent_name as string | null) ?? null,
    created_at: created === null || created === undefined ? null : new Date(Number(created)).toISOString(),
    step_count: Number(row.step_count),
    tool_call_count: Number(row.tool_call_count),
    tool_error_count: Number(row.tool_error_count),
    tools_used: toArray(row.tools_used),
    tools_failed: toArray(row.tools_failed),
    process_reward_mean: (row.process_reward_mean as number | null) ?? null,
    turn_count: turns,
    dataset: (row.dataset as string | null) ?? null,
    reward_components: jsonObject(row.reward_components) as Record<string, number> | null,
    metrics,
    metadata: jsonObject(row.metadata),
    steps: steps === 'all' ? parseSteps(row.steps_json) : windowOf(row.steps_json, start, size, whole),
    steps_from: start,
    ...(transcript && transcriptFacts(whole ?? row.steps_json, transcript.terms)),
  };
}

/** The window of steps, sliced from the steps parsed whole when they were, else read up to its end. */
function windowOf(stepsJson: unknown, start: number, size: number, whole: Step[] | null): Step[] {
  return whole ? whole.slice(start, start + size) : stepsWindow(stepsJson, start, size);
}

/**
 * A steps_json up to this many characters is parsed whole when every step is needed anyway (the transcript's first
 * error and matches, two trajectories compared): JSON.parse reads it several times faster than the splitter. Longer
 * ones are scanned step by step, holding one step at a time.
 */
export const WHOLE_PARSE_CHARS = 8 * 1024 * 1024;

/** The stored steps parsed whole when `WHOLE_PARSE_CHARS` allows it; null when longer, or not a readable array. */
export function wholeSteps(stepsJson: unknown): Step[] | null {
  if (typeof stepsJson !== 'string' || stepsJson.length > WHOLE_PARSE_CHARS) return null;
  try {
    const steps: unknown = JSON.parse(stepsJson);
    return Array.isArray(steps) ? (steps as Step[]) : null;
  } catch {
    return null;
  }
}

/**
 * Where the first error is, and which steps hold the search words (none without words): from the steps parsed whole,
 * or scanned from the stored text.
 */
function transcriptFacts(
  steps: unknown,
  terms: readonly string[],
): Pick<TrajectoryDetail, 'first_error' | 'match_steps' | 'matches_capped'> {
  const parsed = Array.isArray(steps) ? (steps as Step[]) : null;
  const matches =
    terms.length === 0
      ? { steps: [], capped: false }
      : parsed
        ? matchingSteps(parsed, terms)
        : matchingStepsIn(steps, terms);
  return {
    first_error: parsed ? firstErrorIndex(parsed) : firstErrorIn(steps),
    match_steps: matches.steps,
    matches_capped: matches.capped,
  };
}

/** The other samples of the same question in the same epoch of the same training, by sample id. */
export async function siblingSamples(detail: TrajectoryDetail, source?: Source): Promise<SiblingSample[]> {
  const src = source ?? (await openSource());
  if (!src.table) return [];
  const rows = await src.table
    .query()
    .where(
      `training_id = ${sqlString(detail.training_id)} AND epoch_id = ${detail.epoch_id} AND data_id = ${sqlString(detail.data_id)}`,
    )
    .select(['trajectory_id', 'sample_id', 'reward', 'termination_reason'])
    .limit(1000)
    .toArray();
  return rows
    .map((row) => ({
      trajectory_id: String(row.trajectory_id),
      sample_id: Number(row.sample_id),
      reward: nullableReward(row.reward),
      termination_reason: String(row.termination_reason),
    }))
    .sort((a, b) => a.sample_id - b.sample_id);
}
