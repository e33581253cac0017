/** Which body a record carries. `auto` detects it per record. */
export const FORMATS = ['auto', 'steps', 'messages', 'verl'] as const;
export type Format = (typeof FORMATS)[number];
export type BodyFormat = Exclude<Format, 'auto'>;

/** One problem with one field of one record. `field` is a path such as `reward` or `steps[2].action`. */
export interface FieldError {
  field: string;
  reason: string;
}

/** What a file was read as: its container (and, for records inside one, the container's own fields). */
export interface ContainerInfo {
  /** `jsonl`, `json-array`, `json-object`, `zip`, `inspect-eval`, `parquet` (with `gzip+` in front when gzipped). */
  kind: string;
  /**
   * The container's fields other than its records (an Inspect log's `eval`/`plan`/`results`, a tau2 file's
   * `info`/`tasks`), as far as they were read before the record.
   */
  header?: Record<string, unknown>;
}

/** A record as read from an input: its parsed JSON value and where it started. */
export interface RawRecord {
  source: string;
  /** 1-based line where the record starts (inside a container: its 1-based position). */
  line: number;
  value: unknown;
  /** Where the record sits inside a container (`#samples[3]`, `#samples/3_epoch_1.json`); absent for JSONL lines. */
  at?: string;
  container?: ContainerInfo;
}

/** A record that could not be read (broken JSON, unreadable or corrupt input). */
export interface RawRecordError {
  source: string;
  line: number;
  error: string;
  /** The field to report; `json` when absent. */
  field?: string;
  at?: string;
}

export type RawRecordOrError = RawRecord | RawRecordError;

/**
 * A record's JSON text as read, not parsed yet: it is parsed where it is processed (on a worker thread of a large
 * ingest, `lib/ingest/pipeline/`). `column` is where the text starts on its first line (0 when unknown).
 */
export interface RawText {
  source: string;
  line: number;
  text: string;
  column: number;
  /** The record's bytes were not all UTF-8. */
  invalidUtf8: boolean;
  container: ContainerInfo;
}

/** What a reader yields when asked to leave parsing to the processing step. */
export type RawInput = RawRecordOrError | RawText;

export function isRawText(record: RawInput): record is RawText {
  return 'text' in record;
}

export function isRawRecordError(record: RawInput): record is RawRecordError {
  return 'error' in record;
}

/** Options that fill in or override envelope fields for every record. */
export interface EnvelopeOverrides {
  /** Overrides (or supplies) `training_id`. */
  trainingId?: string;
  /** Overrides (or supplies) `epoch_id`. */
  epochId?: number;
}

export { INT32_MAX } from '../limits';
