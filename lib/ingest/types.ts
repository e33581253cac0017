/** Which body a record carries. `auto` detects it per record. */
export const FORMATS = ['auto', 'steps', 'messages', 'verl'] as const;
export type Format = (typeof FORMATS)[number];
export type BodyFormat = Exclude<Format, 'auto'>;

/** One problem with one field of one record. `field` is a path such as `reward` or `steps[2].action`. */
export interface FieldError {
  field: string;
  reason: string;
}

/** A record as read from an input: its parsed JSON value and where it started. */
export interface RawRecord {
  source: string;
  /** 1-based line where the record starts. */
  line: number;
  value: unknown;
}

/** A record that could not be read (broken JSON, unreadable or corrupt input). */
export interface RawRecordError {
  source: string;
  line: number;
  error: string;
  /** The field to report; `json` when absent. */
  field?: string;
}

export type RawRecordOrError = RawRecord | RawRecordError;

export function isRawRecordError(record: RawRecordOrError): record is RawRecordError {
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
