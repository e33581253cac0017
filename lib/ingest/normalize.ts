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
import { makeTrajectoryId, SampleIdCounter } from './trajectory-id';
import type { BodyFormat, EnvelopeOverrides, FieldError, Format } from './types';

export interface NormalizeOptions extends EnvelopeOverrides {
  /** `auto` (default) detects the body per record. */
  format?: Format;
  /** Assigns sample ids to records without one; share one per input. A fresh counter when absent. */
  sampleIds?: SampleIdCounter;
  /** Most steps a trajectory may have (default `INGEST_MAX_STEPS`'s); a record with more is rejected. */
  maxSteps?: number;
}

export type NormalizeResult = { ok: true; row: TrajectoryRow } | { ok: false; errors: FieldError[] };

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
  for (const [key, fallback] of Object.entries(body.defaults ?? {})) {
    if (fields[key] === undefined || fields[key] === null) fields[key] = fallback;
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
    },
  };
}
