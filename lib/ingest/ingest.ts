import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Table } from '@lancedb/lancedb';
import { dbConfigFromEnv, openOrCreateTrajectories, type DbConfig } from '../db/connection';
import { ensureIndexes } from '../db/indexes';
import type { TrajectoryRow } from '../db/schema';
import { normalizeRecord } from './normalize';
import { readRecords, readRecordsFromText, STDIN_SOURCE } from './read';
import { SampleIdCounter } from './trajectory-id';
import {
  isRawRecordError,
  type EnvelopeOverrides,
  type FieldError,
  type Format,
  type RawRecordOrError,
} from './types';

export const DEFAULT_BATCH_SIZE = 2000;
export const DEFAULT_MAX_ERRORS = 1000;

export interface IngestOptions extends EnvelopeOverrides {
  /** Table to write to; else the trajectories table of `db` (default `dbConfigFromEnv()`), created when missing. */
  table?: Table;
  db?: DbConfig;
  /** Body format of every record; `auto` (default) detects it per record. */
  format?: Format;
  /** Validate only: nothing is opened, created or written. */
  dryRun?: boolean;
  /** Rows per atomic `mergeInsert` (default 2000). */
  batchSize?: number;
  /** Errors kept in the summary (default 1000); all are counted and passed to `onError`. */
  maxErrors?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Called once per field error, as soon as it is found. */
  onError?: (error: IngestError) => void;
}

export interface IngestError extends FieldError {
  source: string;
  line: number;
}

export interface IngestProgress {
  /** Records read, valid or not. */
  read: number;
  /** Valid records (rows written, or that would be written in a dry run). */
  accepted: number;
  /** Rows new to the table. */
  inserted: number;
  /** Rows that replaced a row with the same trajectory_id (including an earlier record of the same run). */
  updated: number;
  /** Records not written: invalid JSON or invalid fields. */
  rejected: number;
  seconds: number;
  /** Accepted rows per second of wall time. */
  rowsPerSecond: number;
}

export interface IngestSummary extends IngestProgress {
  /** Rejected records that were not JSON at all (or an unreadable/corrupt input). */
  parseErrors: number;
  /** The first `maxErrors` field errors, in input order. */
  errors: IngestError[];
  /** True when more errors were found than `errors` holds. */
  errorsTruncated: boolean;
  dryRun: boolean;
}

type Records = AsyncIterable<RawRecordOrError> | Iterable<RawRecordOrError>;

/**
 * Validates and normalises records, then upserts them by `trajectory_id` in batches: one atomic
 * `mergeInsert` per batch, so a failure never leaves half a batch behind. Within a batch the last record with a
 * given trajectory_id wins. Invalid records are reported and skipped; the good ones land. Indexes are created or
 * updated after the last batch.
 */
export async function ingestRecords(records: Records, options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  if (!Number.isInteger(maxErrors) || maxErrors < 0)
    throw new RangeError('maxErrors must be a non-negative integer');
  const dryRun = options.dryRun ?? false;
  const started = performance.now();
  const counts = { read: 0, accepted: 0, inserted: 0, updated: 0, rejected: 0, parseErrors: 0 };
  const errors: IngestError[] = [];
  let errorsTruncated = false;
  const sampleIds = new Map<string, SampleIdCounter>();

  let batch = new Map<string, TrajectoryRow>();
  let batchDuplicates = 0;
  let table: Table | null = options.table ?? null;
  let inFlight: Promise<void> | null = null;
  let wrote = false;

  const progress = (): IngestProgress => {
    const seconds = (performance.now() - started) / 1000;
    const { read, accepted, inserted, updated, rejected } = counts;
    return {
      read,
      accepted,
      inserted,
      updated,
      rejected,
      seconds,
      rowsPerSecond: seconds > 0 ? accepted / seconds : 0,
    };
  };

  const reject = (source: string, line: number, fieldErrors: FieldError[]) => {
    counts.rejected++;
    for (const fieldError of fieldErrors) {
      const error: IngestError = { source, line, ...fieldError };
      if (errors.length < maxErrors) errors.push(error);
      else errorsTruncated = true;
      options.onError?.(error);
    }
  };

  const write = async (rows: TrajectoryRow[], duplicates: number) => {
    table ??= await openOrCreateTrajectories(options.db ?? dbConfigFromEnv());
    const result = await table
      .mergeInsert('trajectory_id')
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      // Plain rows: LanceDB converts them with the table's own (explicit) schema. The cast only drops the interface's
      // lack of an index signature.
      .execute(rows as unknown as Record<string, unknown>[]);
    counts.inserted += result.numInsertedRows;
    counts.updated += result.numUpdatedRows + duplicates;
    wrote = true;
    options.onProgress?.(progress());
  };

  const flush = async () => {
    if (batch.size === 0) return;
    const rows = [...batch.values()];
    const duplicates = batchDuplicates;
    batch = new Map();
    batchDuplicates = 0;
    if (dryRun) {
      options.onProgress?.(progress());
      return;
    }
    // One write in flight while the next batch is read and validated; writes stay in input order.
    if (inFlight) await inFlight;
    inFlight = write(rows, duplicates);
    inFlight.catch(() => {}); // awaited later; avoids an unhandled rejection in between
  };

  try {
    for await (const record of records) {
      counts.read++;
      if (isRawRecordError(record)) {
        counts.parseErrors++;
        reject(record.source, record.line, [{ field: record.field ?? 'json', reason: record.error }]);
        continue;
      }
      let counter = sampleIds.get(record.source);
      if (!counter) sampleIds.set(record.source, (counter = new SampleIdCounter()));
      const result = normalizeRecord(record.value, {
        format: options.format,
        trainingId: options.trainingId,
        epochId: options.epochId,
        sampleIds: counter,
      });
      if (!result.ok) {
        reject(record.source, record.line, result.errors);
      } else {
        counts.accepted++;
        if (batch.has(result.row.trajectory_id)) {
          batchDuplicates++;
          batch.delete(result.row.trajectory_id); // keep the last one, in its position
        }
        batch.set(result.row.trajectory_id, result.row);
        if (batch.size >= batchSize) await flush();
      }
      if (counts.read % 1000 === 0) options.onProgress?.(progress());
    }
    await flush();
  } finally {
    if (inFlight) await inFlight;
  }
  if (wrote && table) await ensureIndexes(table);
  const summary = progress();
  options.onProgress?.(summary);
  return { ...summary, parseErrors: counts.parseErrors, errors, errorsTruncated, dryRun };
}

export class IngestInputError extends Error {}

export interface IngestFilesOptions extends IngestOptions {
  /** Stream read for the path `-` (default `process.stdin`). */
  stdin?: Readable;
}

/**
 * Ingests files (JSONL or a JSON array, optionally gzipped; `-` = stdin) in one run. Every path is checked first:
 * a missing or unreadable file throws `IngestInputError` before anything is written. A repeated path is read once.
 */
export async function ingestFiles(
  paths: readonly string[],
  options: IngestFilesOptions = {},
): Promise<IngestSummary> {
  await assertReadableFiles(paths);
  const { stdin, ...rest } = options;
  // A path given twice is read once: sample ids are counted per input name, so a second pass would add copies.
  const unique = [...new Map(paths.map((p) => [p === '-' ? p : resolve(p), p])).values()];
  async function* all(): AsyncGenerator<RawRecordOrError> {
    for (const path of unique) {
      if (path === '-') yield* readRecords(stdin ?? process.stdin, { source: STDIN_SOURCE });
      else yield* readRecords(path);
    }
  }
  return ingestRecords(all(), rest);
}

/** Ingests a JSONL or JSON-array text (e.g. an HTTP body); `source` names it in errors (default `<body>`). */
export function ingestText(
  text: string,
  options: IngestOptions & { source?: string } = {},
): Promise<IngestSummary> {
  const { source = '<body>', ...rest } = options;
  return ingestRecords(readRecordsFromText(sliceText(text), source), rest);
}

const SLICE = 1 << 20;

async function* sliceText(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

async function assertReadableFiles(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) throw new IngestInputError('no input files given');
  const problems: string[] = [];
  for (const path of paths) {
    if (path === '-') continue;
    try {
      const info = await stat(path);
      if (!info.isFile()) problems.push(`cannot read ${path}: not a regular file`);
      else await access(path, constants.R_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`,
      );
    }
  }
  if (problems.length > 0) throw new IngestInputError(problems.join('\n'));
}
