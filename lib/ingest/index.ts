export {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_ERRORS,
  ingestFiles,
  IngestInputError,
  ingestRecords,
  ingestText,
} from './ingest';
export type { IngestError, IngestFilesOptions, IngestOptions, IngestProgress, IngestSummary } from './ingest';
export { DEFAULT_TERMINATION_REASON, normalizeRecord } from './normalize';
export type { NormalizeOptions, NormalizeResult } from './normalize';
export { readRecords, readRecordsFromText, STDIN_SOURCE } from './read';
export type { ReadOptions } from './read';
export { bodiesOf, detectFormat } from './detect';
export { deriveColumns, isToolCall, NON_TOOL_ACTIONS } from './derive';
export type { DerivedColumns } from './derive';
export { envelopeSchema } from './envelope';
export type { Envelope } from './envelope';
export { makeTrajectoryId, SampleIdCounter } from './trajectory-id';
export type { TrajectoryKey } from './trajectory-id';
export { verlDataId } from './formats/verl';
export { FORMATS, isRawRecordError } from './types';
export type { BodyFormat, FieldError, Format, RawRecord, RawRecordError, RawRecordOrError } from './types';
