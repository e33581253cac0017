import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Table } from '@lancedb/lancedb';
import { dbConfigFromEnv, openOrCreateTrajectories, openTrajectories, type DbConfig } from '../db/connection';
import { firstLineOf } from '../db/error-text';
import type { MaintenanceStep } from '../db/indexes';
import {
  compactWhileLoading,
  indexesNeedRepair,
  LOAD_COMPACTION_ROWS,
  MAINTENANCE_TIMEOUT_MS,
  maintainAfterIngest,
} from '../db/maintenance';
import { withWriteLock } from '../db/write-lock';
import { upgradeTable } from './upgrade';
import type { TrajectoryRow } from '../db/schema';
import type { FieldMap } from './dispatch';
import { OrderedProcessing } from './pipeline/ordered';
import { ingestWorkerCount } from './pipeline/pool';
import type { ProcessedRecord } from './pipeline/process';
import { assignSampleId } from './pipeline/sample-ids';
import { IngestLimitError, overLimit } from './limits';
import { isAbort, readRecords, readRecordsFromText, STDIN_SOURCE } from './read';
import { expandInputs, readFile } from './containers/input';
import { isCompanionFile } from './importers';
import { trainingIdFromPath } from './dispatch';
import { SampleIdCounter } from './trajectory-id';
import { RunWrites, upsertChanged } from './upsert';
import {
  isRawRecordError,
  type ContainerInfo,
  type EnvelopeOverrides,
  type FieldError,
  type RawInput,
} from './types';

export const DEFAULT_BATCH_SIZE = 50_000;
/**
 * Characters of row text (steps, step text, question, metadata) after which a batch is written even when it has fewer
 * than `batchSize` rows: large commits (few fragments, few versions) with memory bounded whatever the rows' size. A
 * batch is held about four times while it is written (the rows, their Arrow columns, the copy LanceDB receives, its
 * encoding) while the next one fills: 16 Mi characters (about 8,500 lean benchmark rows) kept a 1,150,000-row load at
 * 823 MB where 32 Mi peaked at 961 MB (both with `MALLOC_MMAP_THRESHOLD_=1048576`, docs/ingest.md); the compactions as
 * the load goes keep the fragments bounded either way.
 */
export const BATCH_MAX_CHARS = 16 * 1024 * 1024;
export const DEFAULT_MAX_ERRORS = 1000;

export interface IngestOptions extends EnvelopeOverrides {
  /** Database to write to (default `dbConfigFromEnv()`); its trajectories table is created when missing. */
  db?: DbConfig;
  /** A native format or an importer's name (FORMAT_NAMES) for every record; `auto` (default) detects it per record. */
  format?: string;
  /** Envelope fields taken from other fields of each record (`--map`). */
  map?: FieldMap;
  /** The dataset of records that name none; their data_id is prefixed with it (`<dataset>/<id>`). */
  dataset?: string;
  /** The training id of records without one, by input (the CLI passes the file's name); none when absent. */
  trainingIdOf?: (source: string, container: ContainerInfo | undefined) => string | null;
  /** Validate only: nothing is opened, created or written. */
  dryRun?: boolean;
  /** Most rows per atomic write (default 50,000); a write also ends at `BATCH_MAX_CHARS` of row text. */
  batchSize?: number;
  /** Errors kept in the summary (default 1000); all are counted and passed to `onError`. */
  maxErrors?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Called once per field error, as soon as it is found. */
  onError?: (error: IngestError) => void;
  /** Called when another writer holds the table's write lock, with who holds it. */
  onLockWait?: (holder: string) => void;
  /** Give up (IngestWriteError caused by WriteLockTimeoutError) when the write lock stays taken this long. */
  lockTimeoutMs?: number;
  /** Bytes of input read so far and in all (null when unknown, e.g. stdin), for progress. */
  inputBytes?: { read: number; total: number | null };
  /** Most records (valid or not) to read; the run stops at the next one (`stoppedBy` INGEST_MAX_RECORDS). */
  maxRecords?: number;
  /** Most steps per trajectory (default `INGEST_MAX_STEPS`'s); a record with more is rejected. */
  maxSteps?: number;
  /** Stops the run when aborted (the client went away): nothing more is read or written (`aborted`). */
  signal?: AbortSignal;
  /** Called before each step of the index maintenance that ends a run (`compact`, `index <column>`, `optimize`). */
  onMaintenance?: MaintenanceStep;
  /**
   * Rows written between two compactions while loading a table that has no index yet (default
   * `LOAD_COMPACTION_ROWS`, lib/db/maintenance.ts); smaller in tests.
   */
  loadCompactionRows?: number;
  /**
   * Worker threads that parse and normalise records (default `ingestWorkerCount()`: `INGEST_WORKERS`, else the cores
   * but one); they start once the input has more than `WORKERS_AFTER_RECORDS` records. 0: all on this thread.
   */
  workers?: number;
}

/** Records read from one input, and how many of them were not JSON at all. */
export interface SourceCounts {
  records: number;
  parseErrors: number;
  /** What the input was read as (`jsonl`, `json-object`, `inspect-eval`, `parquet`…), once a record was read. */
  readAs?: string;
  /** Records per format that recognised them (`inspect`, `tau2`, `steps`…). */
  formats: Record<string, number>;
  /** Trajectories the input gave (valid rows). */
  trajectories: number;
  /** The distinct epochs of those trajectories. */
  epochs: Set<number>;
  /** Set when nothing at the start of the input was a record and the rest was not read: the one error says why. */
  skipped?: boolean;
  /** Records in no known format, held while nothing of the input has been recognised (then one error for them). */
  unrecognised: { line: number; at?: string; errors: FieldError[] }[];
}

export interface IngestError extends FieldError {
  source: string;
  line: number;
  /** Where inside a container (`#samples[3]`), when the record came out of one. */
  at?: string;
}

/** Records that no format recognises, at the start of an input with none recognised, before the input is dropped. */
export const UNRECOGNISED_BEFORE_SKIP = 20;

export interface IngestProgress {
  /** Records read, valid or not. */
  read: number;
  /** Valid records (rows written or already stored as is, or that would be written in a dry run). */
  accepted: number;
  /** Rows new to the table. */
  inserted: number;
  /** Rows that replaced a different row with the same trajectory_id (including an earlier record of the same run). */
  updated: number;
  /** Rows already stored exactly as given: not written again. */
  unchanged: number;
  /** Records not written: invalid JSON or invalid fields. */
  rejected: number;
  seconds: number;
  /** Accepted rows per second of wall time. */
  rowsPerSecond: number;
  /** Input bytes read so far (0 when not reading files). */
  bytesRead: number;
  /** Input bytes in all, or null when unknown (stdin, text). */
  bytesTotal: number | null;
}

export interface IngestSummary extends IngestProgress {
  /** Rejected records that were not JSON at all (or an unreadable/corrupt input). */
  parseErrors: number;
  /** The first `maxErrors` field errors, in input order. */
  errors: IngestError[];
  /** True when more errors were found than `errors` holds. */
  errorsTruncated: boolean;
  /** Problems after every row was committed (e.g. index maintenance that did not finish). */
  warnings: string[];
  /** Per input name: records read and records that were not JSON. */
  sources: Map<string, SourceCounts>;
  dryRun: boolean;
  /**
   * The limit the input ran into (body size, inflated size, record count, a body too slow), or null. The records read
   * in full before it are committed and counted; nothing after it was read.
   */
  stoppedBy: IngestLimitError | null;
  /** True when `signal` aborted the run: the batch being read was dropped, earlier batches stay committed. */
  aborted: boolean;
  /** Worker threads that parsed and normalised records (0: all on the writing thread; a small input starts none). */
  workers: number;
  /** The files read (directories expanded), when ingesting files. */
  files?: string[];
  /** Files inside the given directories that were not read (not data by name, or a companion an importer reads). */
  skippedFiles?: string[];
}

/**
 * A write failed: the rows of earlier batches are committed, the failed batch and everything after it are not.
 * The message says which records did not land.
 */
export class IngestWriteError extends Error {
  constructor(
    message: string,
    /** The counts of what was committed before the failure. */
    readonly progress: IngestProgress,
    cause: unknown,
  ) {
    super(message, { cause });
  }
}

type Records = AsyncIterable<RawInput> | Iterable<RawInput>;

interface PendingRow {
  row: TrajectoryRow;
  source: string;
  line: number;
}

/**
 * Validates and normalises records, then upserts them by `trajectory_id` in batches. Each batch is written while
 * holding the table's write lock (`lib/db/write-lock.ts`), against the latest table version, in one atomic commit of
 * only the rows that are new or changed, so concurrent writers end with one row per trajectory_id and a re-run of
 * loaded data writes nothing. Within a batch the last record with a given trajectory_id wins. Invalid records are
 * reported and skipped; the good ones land. After the last batch, indexes are updated and old versions cleaned up.
 */
export async function ingestRecords(records: Records, options: IngestOptions = {}): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(maxErrors) || maxErrors < 0)
    throw new RangeError(`maxErrors must be a non-negative integer, got ${maxErrors}`);
  const dryRun = options.dryRun ?? false;
  const started = performance.now();
  const counts = { read: 0, accepted: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, parseErrors: 0 };
  const errors: IngestError[] = [];
  let errorsTruncated = false;
  const sampleIds = new Map<string, SampleIdCounter>();
  const config = dryRun ? null : writerConfig(options.db ?? dbConfigFromEnv());
  const lockOptions = { onWait: options.onLockWait, timeoutMs: options.lockTimeoutMs };

  let batch = new Map<string, PendingRow>();
  let batchChars = 0;
  let batchDuplicates = 0;
  let table: Table | null = null;
  const runWrites = new RunWrites();
  let writing: Promise<void> | null = null;
  let wrote = false;
  const compactionRows = options.loadCompactionRows ?? LOAD_COMPACTION_ROWS;
  let writtenSinceCompaction = 0;
  const loadWarnings: string[] = [];

  /**
   * After a commit, under the write lock: compacts a first load every `compactionRows` rows written (the rows are
   * committed whatever happens here, so a failure is a warning; the maintenance after the run compacts instead).
   */
  const compactIfDue = async (target: Table, written: number) => {
    writtenSinceCompaction += written;
    if (writtenSinceCompaction < compactionRows) return;
    writtenSinceCompaction = 0;
    try {
      // This run's own commit: the run still knows every id it wrote (RunWrites).
      if (await compactWhileLoading(target)) await runWrites.committed(target, []);
    } catch (error) {
      if (loadWarnings.length === 0)
        loadWarnings.push(
          `compaction during the load failed (${firstLineOf(error)}); it is retried after the load`,
        );
    }
  };

  const progress = (): IngestProgress => {
    const seconds = (performance.now() - started) / 1000;
    const { read, accepted, inserted, updated, unchanged, rejected } = counts;
    return {
      read,
      accepted,
      inserted,
      updated,
      unchanged,
      rejected,
      seconds,
      rowsPerSecond: seconds > 0 ? accepted / seconds : 0,
      bytesRead: options.inputBytes?.read ?? 0,
      bytesTotal: options.inputBytes?.total ?? null,
    };
  };
  const sources = new Map<string, SourceCounts>();

  /** The records of an input of which none was in a known format: all rejected, with one error for the input. */
  const rejectUnrecognised = (source: string, ofSource: SourceCounts, after: string) => {
    const held = ofSource.unrecognised.splice(0);
    if (held.length === 0) return;
    counts.rejected += held.length - 1;
    const count = ofSource.skipped ? `first ${held.length}` : `${held.length}`;
    reject(source, held[0].line, [
      {
        field: 'file',
        reason: `none of the ${count} records is a trajectory${after ? `; ${after}` : ''}. ${held[0].errors[0].reason}`,
      },
    ]);
  };

  const reject = (source: string, line: number, fieldErrors: FieldError[], at?: string) => {
    counts.rejected++;
    for (const fieldError of fieldErrors) {
      const error: IngestError = at ? { source, line, at, ...fieldError } : { source, line, ...fieldError };
      if (errors.length < maxErrors) errors.push(error);
      else errorsTruncated = true;
      options.onError?.(error);
    }
  };

  const write = async (pending: PendingRow[], duplicates: number, db: DbConfig) => {
    try {
      if (!table) {
        // A table an earlier version wrote gets its new derived columns before anything is added to it.
        await upgradeTable(db, { lock: lockOptions });
        table = await withWriteLock(db.uri, () => openOrCreateTrajectories(db), lockOptions);
      }
      const target = table;
      const outcome = await withWriteLock(
        db.uri,
        async () => {
          const rows = pending.map((p) => p.row);
          const result = await upsertChanged(target, rows, runWrites);
          await compactIfDue(target, result.inserted + result.updated);
          return result;
        },
        lockOptions,
      );
      counts.inserted += outcome.inserted;
      counts.updated += outcome.updated + duplicates;
      counts.unchanged += outcome.unchanged;
      if (outcome.inserted + outcome.updated > 0) wrote = true;
    } catch (error) {
      const first = pending[0];
      const last = pending[pending.length - 1];
      throw new IngestWriteError(
        `writing failed: ${firstLineOf(error)}. ${counts.inserted + counts.updated + counts.unchanged} rows are in the ` +
          `table; not written: the ${pending.length} records of ${first.source}:${first.line}–${last.line} and ` +
          `every record after ${last.source}:${last.line} (fix the cause and load the input again: rows already ` +
          'in the table are not written twice)',
        progress(),
        error,
      );
    }
    options.onProgress?.(progress());
  };

  const flush = async () => {
    if (batch.size === 0) return;
    const pending = [...batch.values()];
    const duplicates = batchDuplicates;
    batch = new Map();
    batchChars = 0;
    batchDuplicates = 0;
    if (!config) {
      options.onProgress?.(progress());
      return;
    }
    // One write in flight while the next batch is read and validated; writes stay in input order.
    if (writing) await writing;
    writing = write(pending, duplicates, config);
    writing.catch(() => {}); // awaited later; avoids an unhandled rejection in between
  };

  /** Bookkeeping of one processed record, in input order: counts, errors, sample ids, the batch. */
  const apply = async (record: ProcessedRecord) => {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('aborted', 'AbortError');
    if (options.maxRecords !== undefined && counts.read >= options.maxRecords)
      throw overLimit('maxRecords', options.maxRecords, 'the number of records');
    let ofSource = sources.get(record.source);
    if (!ofSource)
      sources.set(
        record.source,
        (ofSource = {
          records: 0,
          parseErrors: 0,
          formats: {},
          trajectories: 0,
          epochs: new Set(),
          unrecognised: [],
        }),
      );
    if (ofSource.skipped) return;
    counts.read++;
    ofSource.records++;
    if (record.kind === 'unreadable') {
      counts.parseErrors++;
      ofSource.parseErrors++;
      reject(record.source, record.line, [{ field: record.field, reason: record.error }], record.at);
      return;
    }
    ofSource.readAs ??= record.readAs;
    if (record.format) ofSource.formats[record.format] = (ofSource.formats[record.format] ?? 0) + 1;
    if (record.kind === 'rejected') {
      if (record.undetected && Object.keys(ofSource.formats).length === 0) {
        // Nothing of this input was recognised yet: its errors wait, to be one error if nothing ever is.
        ofSource.unrecognised.push({ line: record.line, at: record.at, errors: record.errors });
        if (ofSource.unrecognised.length >= UNRECOGNISED_BEFORE_SKIP) {
          ofSource.skipped = true;
          rejectUnrecognised(record.source, ofSource, 'the rest was not read');
        }
        return;
      }
      reject(record.source, record.line, record.errors, record.at);
      return;
    }
    // Something was recognised: the errors held back are each their own record's.
    for (const held of ofSource.unrecognised.splice(0))
      reject(record.source, held.line, held.errors, held.at);
    let counter = sampleIds.get(record.source);
    if (!counter) sampleIds.set(record.source, (counter = new SampleIdCounter()));
    for (const item of record.items) assignSampleId(item, counter);
    const problems = record.items.flatMap((item) => item.errors);
    if (problems.length > 0) {
      reject(record.source, record.line, problems, record.at);
    } else {
      for (const { row } of record.items) {
        if (!row) continue;
        counts.accepted++;
        ofSource.trajectories++;
        ofSource.epochs.add(row.epoch_id);
        const id = row.trajectory_id;
        if (batch.has(id)) {
          batchDuplicates++;
          batch.delete(id); // keep the last one, in its position
        }
        batch.set(id, { row, source: record.source, line: record.line });
        batchChars += rowChars(row);
        if (batch.size >= batchSize || batchChars >= BATCH_MAX_CHARS) await flush();
      }
    }
    if (counts.read % 1000 === 0) options.onProgress?.(progress());
  };

  // Records are processed (parsed, detected, normalised) in chunks, on worker threads once the input proves large,
  // while this thread reads ahead and writes; they are applied in input order.
  const processing = new OrderedProcessing(
    {
      format: options.format,
      map: options.map,
      dataset: options.dataset,
      trainingId: options.trainingId,
      epochId: options.epochId,
      maxSteps: options.maxSteps,
    },
    options.workers ?? ingestWorkerCount(),
    apply,
  );

  let stoppedBy: IngestLimitError | null = null;
  let aborted = false;
  let workersUsed = 0;
  let workerProblem: string | null = null;
  try {
    let readLimit: IngestLimitError | null = null;
    try {
      for await (const raw of records) {
        if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('aborted', 'AbortError');
        const fileTrainingId = isRawRecordError(raw)
          ? null
          : (options.trainingIdOf?.(raw.source, raw.container) ?? null);
        await processing.push({ raw, fileTrainingId });
      }
    } catch (error) {
      // The input hit a limit: what was read before it is still processed and written.
      if (error instanceof IngestLimitError) readLimit = error;
      else throw error;
    }
    await processing.finish();
    if (readLimit) throw readLimit;
    for (const [source, ofSource] of sources) rejectUnrecognised(source, ofSource, '');
    await flush();
  } catch (error) {
    if (error instanceof IngestLimitError) {
      // The records read in full before the limit are committed: the answer can say exactly what landed.
      stoppedBy = error;
      for (const [source, ofSource] of sources) rejectUnrecognised(source, ofSource, '');
      await flush();
    } else if (isAbort(error) || options.signal?.aborted) {
      aborted = true;
      batch = new Map();
    } else throw error;
  } finally {
    ({ workers: workersUsed, problem: workerProblem } = await processing.close());
    if (writing) await writing;
  }
  const warnings: string[] = workerProblem
    ? [`${workerProblem}; records were processed on the writing thread instead`, ...loadWarnings]
    : [...loadWarnings];
  if (config)
    warnings.push(
      ...(await maintain(
        config,
        wrote ? table : null,
        counts.accepted > 0,
        lockOptions,
        options.onMaintenance,
      )),
    );
  const summary = progress();
  options.onProgress?.(summary);
  return {
    ...summary,
    parseErrors: counts.parseErrors,
    errors,
    errorsTruncated,
    warnings,
    sources,
    dryRun,
    stoppedBy,
    aborted,
    workers: workersUsed,
  };
}

/**
 * After the last batch: updates indexes and compacts when the run wrote rows. A run that wrote nothing but read valid
 * records (a re-run) still checks the table's indexes and rebuilds what a crashed run left missing or stale, so a
 * re-run always ends with a table that searches and filters exactly. Every row is committed by now: nothing here may
 * turn the run into a failure, so problems come back as warnings.
 */
async function maintain(
  config: DbConfig,
  written: Table | null,
  readValidRecords: boolean,
  lockOptions: { onWait?: (holder: string) => void; timeoutMs?: number },
  onStep: MaintenanceStep | undefined,
): Promise<string[]> {
  try {
    const table = written ?? (readValidRecords ? await openTrajectories(config) : null);
    if (!table) return [];
    if (!written && !(await indexesNeedRepair(table))) return [];
    return await withWriteLock(
      config.uri,
      () => maintainAfterIngest(table, Date.now, MAINTENANCE_TIMEOUT_MS, onStep),
      lockOptions,
    );
  } catch (error) {
    return [`index update / compaction skipped (${firstLineOf(error)}); the next ingest retries it`];
  }
}

/** About how much text a row holds (what a batch's memory grows with). */
function rowChars(row: TrajectoryRow): number {
  return (
    row.steps_json.length +
    (row.step_text?.length ?? 0) +
    (row.question?.length ?? 0) +
    (row.metadata?.length ?? 0) +
    256
  );
}

/**
 * What LanceDB may cache for a writer: enough index pages for the id lookups of an append, and file metadata that
 * would otherwise grow with every version and fragment of a long load (LanceDB's defaults are 6 GiB and 1 GiB).
 */
export const WRITER_CACHE = { indexBytes: 256 * 1024 * 1024, metadataBytes: 128 * 1024 * 1024 };

/**
 * The writer sees every other writer's commit at once (its lookups and merges must run on the latest version), and
 * keeps LanceDB's caches small.
 */
function writerConfig(config: DbConfig): DbConfig {
  return { ...config, readConsistencyInterval: 0, cache: config.cache ?? WRITER_CACHE };
}

export class IngestInputError extends Error {}

export interface IngestFilesOptions extends IngestOptions {
  /** Stream read for the path `-` (default `process.stdin`). */
  stdin?: Readable;
  /** Longest record text (default `INGEST_MAX_RECORD_BYTES`'s); a longer record is rejected, the next line read. */
  maxRecordBytes?: number;
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
  const { stdin, maxRecordBytes, ...rest } = options;
  const { files, skipped } = await expandInputs(paths, isCompanionFile);
  // A path given twice is read once: sample ids are counted per input name, so a second pass would add copies.
  const unique = [...new Map(files.map((p) => [p === '-' ? p : resolve(p), p])).values()];
  const inputBytes = { read: 0, total: unique.includes('-') ? null : await totalSize(unique) };
  const onBytes = (bytes: number) => (inputBytes.read += bytes);
  async function* all(): AsyncGenerator<RawInput> {
    for (const path of unique) {
      const read = { onBytes, maxRecordBytes, deferParse: true } as const;
      if (path === '-') yield* readRecords(stdin ?? process.stdin, { source: STDIN_SOURCE, ...read });
      else yield* readFile(path, read);
    }
  }
  const summary = await ingestRecords(all(), {
    trainingIdOf: (source, container) =>
      source === STDIN_SOURCE ? null : trainingIdFromPath(source, container),
    ...rest,
    inputBytes,
  });
  return { ...summary, files: unique, skippedFiles: skipped };
}

/** Ingests a JSONL or JSON-array text (e.g. an HTTP body); `source` names it in errors (default `<body>`). */
export function ingestText(
  text: string,
  options: IngestOptions & { source?: string } = {},
): Promise<IngestSummary> {
  const { source = '<body>', ...rest } = options;
  return ingestRecords(readRecordsFromText(sliceText(text), source, undefined, undefined, true), rest);
}

const SLICE = 1 << 20;

async function* sliceText(text: string): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
}

async function totalSize(paths: readonly string[]): Promise<number> {
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function assertReadableFiles(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) throw new IngestInputError('no input files given');
  const problems: string[] = [];
  for (const path of paths) {
    if (path === '-') continue;
    try {
      const info = await stat(path);
      if (!info.isFile() && !info.isDirectory()) problems.push(`cannot read ${path}: not a regular file`);
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
