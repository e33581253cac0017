import type { Step, TrajectoryRow } from '../db/schema';
import { detectFormat } from './detect';
import { deriveColumns } from './derive';
import { applyOverrides, parseEnvelope, parseEnvelopeKey } from './envelope';
import { isObject, type ParsedBody } from './formats/body';
import { parseMessagesBody } from './formats/messages';
import { parseStepsBody } from './formats/steps';
import { parseVerlBody } from './formats/verl';
import { describeValue } from './issues';
import { DEFAULT_INGEST_LIMITS } from './limits';
import { questionDataId } from './hash';
import { makeTrajectoryId, SampleIdCounter } from './trajectory-id';
import type { BodyFormat, EnvelopeOverrides, FieldError, Format } from './types';
import { METRIC_NAMES, type MetricName } from './importers/types';

export interface NormalizeOptions extends EnvelopeOverrides {
  /** `auto` (default) detects the body per record. */
  format?: Format;
  /** Assigns sample ids to records without one; share one per input. A fresh counter when absent. */
  sampleIds?: Pick<SampleIdCounter, 'next'>;
  /** Most steps a trajectory may have (default `INGEST_MAX_STEPS`'s); a record with more is rejected. */
  maxSteps?: number;
  /** Envelope fields for a record that has none of its own (training_id from the file name…); overrides still win. */
  defaults?: Record<string, unknown>;
  /**
   * The record comes from another tool's log (an importer made it, or it has no envelope): a missing epoch_id is 0
   * (one evaluation is one epoch) and a missing data_id is `questionDataId` of its question.
   */
  foreign?: boolean;
  /** The dataset of records that name none; their data_id becomes `<dataset>/<data_id>`. */
  dataset?: string;
}

/** Longest `metadata` JSON stored; past it, whole fields are left out and named under `"…omitted"`. */
export const METADATA_MAX_CHARS = 16_384;

export type NormalizeResult =
  /** `derivedId`: the record named no trajectory_id; the row's is `makeTrajectoryId` of its key. */
  { ok: true; row: TrajectoryRow; derivedId: boolean } | { ok: false; errors: FieldError[] };

/** The termination reason of a record that has none (verl records derive `success` / `failure` instead). */
export const DEFAULT_TERMINATION_REASON = 'unknown';

const BODY_PARSERS: Record<BodyFormat, (record: Record<string, unknown>) => ParsedBody> = {
  steps: parseStepsBody,
  messages: parseMessagesBody,
  verl: parseVerlBody,
};

/** One raw record (a parsed JSON value) → a validated table row with its derived columns, or every field error. */
export function normalizeRecord(value: unknown, options: NormalizeOptions = {}): NormalizeResult {
  if (!isObject(value)) {
    return {
      ok: false,
      errors: [{ field: 'record', reason: `expected a JSON object, got ${describeValue(value)}` }],
    };
  }
  const detected = detectFormat(value, options.format);
  if (!detected.ok) return { ok: false, errors: [detected.error] };
  const body = BODY_PARSERS[detected.format](value);

  const fields = applyOverrides({ ...value, ...body.mapped }, options);
  for (const [key, fallback] of Object.entries({ ...options.defaults, ...body.defaults })) {
    if (fields[key] === undefined || fields[key] === null) fields[key] = fallback;
  }
  if (options.foreign) {
    fields.epoch_id ??= 0;
    if ((fields.data_id === undefined || fields.data_id === null) && typeof fields.question === 'string')
      fields.data_id = questionDataId(fields.question);
  }
  if (options.dataset && (fields.dataset === undefined || fields.dataset === null || fields.dataset === '')) {
    fields.dataset = options.dataset;
    if (typeof fields.data_id === 'string' || typeof fields.data_id === 'number')
      fields.data_id = `${options.dataset}/${fields.data_id}`;
  }
  if (fields.sample_id === undefined || fields.sample_id === null) {
    // Reserve the slot even when the record is rejected below, so that fixing a bad line and reloading the file
    // gives every other record the same id as before.
    const key = parseEnvelopeKey(fields);
    if (key) fields.sample_id = (options.sampleIds ?? new SampleIdCounter()).next(key);
  }
  const envelope = parseEnvelope(fields);
  const aliases = body.aliases ?? {};
  const maxSteps = options.maxSteps ?? DEFAULT_INGEST_LIMITS.maxSteps;
  const tooLong =
    body.steps.length > maxSteps
      ? [
          {
            field: detected.format === 'messages' ? 'messages' : 'steps',
            reason: `makes ${body.steps.length.toLocaleString('en-US')} steps, over the limit of ${maxSteps.toLocaleString('en-US')} (INGEST_MAX_STEPS)`,
          },
        ]
      : [];
  const errors = [
    ...tooLong,
    ...body.errors,
    ...(envelope.ok ? [] : envelope.errors.map((e) => ({ ...e, field: aliases[e.field] ?? e.field }))),
  ];
  if (!envelope.ok || errors.length > 0) return { ok: false, errors };

  const env = envelope.value;
  const sampleId = env.sample_id ?? 0;
  const steps: Step[] = body.steps;
  return {
    ok: true,
    derivedId: env.trajectory_id === undefined || env.trajectory_id === null,
    row: {
      trajectory_id:
        env.trajectory_id ??
        makeTrajectoryId({
          training_id: env.training_id,
          epoch_id: env.epoch_id,
          iteration_id: env.iteration_id,
          sample_id: sampleId,
          data_id: env.data_id,
        }),
      training_id: env.training_id,
      epoch_id: env.epoch_id,
      iteration_id: env.iteration_id,
      sample_id: sampleId,
      data_id: env.data_id,
      question: env.question,
      reward: env.reward,
      termination_reason: env.termination_reason ?? DEFAULT_TERMINATION_REASON,
      agent_name: env.agent_name,
      created_at: env.created_at,
      steps_json: JSON.stringify(steps),
      ...deriveColumns(steps),
      dataset: env.dataset,
      reward_components: env.reward_components ? JSON.stringify(env.reward_components) : null,
      ...metricColumns(env.metrics),
      metadata: env.metadata ? boundedJson(env.metadata, METADATA_MAX_CHARS) : null,
    },
  };
}

function metricColumns(
  metrics: Partial<Record<MetricName, number | null | undefined>> | null | undefined,
): Record<MetricName, number | null> {
  // A plain loop: this runs once per row of every ingest.
  const out = {} as Record<MetricName, number | null>;
  for (const name of METRIC_NAMES) out[name] = metrics?.[name] ?? null;
  return out;
}

/**
 * An object as JSON of at most `max` characters: fields are kept in order while they fit; the ones left out are named
 * under `"…omitted"`. Null when the object is empty.
 */
export function boundedJson(value: Record<string, unknown>, max: number): string | null {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return null;
  const whole = JSON.stringify(Object.fromEntries(entries));
  if (whole.length <= max) return whole;
  const kept: Record<string, unknown> = {};
  const omitted: string[] = [];
  let size = 2;
  for (const [key, item] of entries) {
    const piece = JSON.stringify(key).length + JSON.stringify(item ?? null).length + 2;
    if (size + piece <= max * 0.9) {
      kept[key] = item;
      size += piece;
    } else omitted.push(key);
  }
  kept['…omitted'] = omitted.slice(0, 50);
  return JSON.stringify(kept);
}
