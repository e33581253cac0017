import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { dbConfigFromEnv } from '../db/connection';
import {
  errorPlace,
  fileReport,
  inputHints,
  MAX_PRINTED_ERRORS,
  printable,
  ProgressReporter,
} from './cli-report';
import { FORMAT_NAMES, parseFieldMap, type FieldMap } from './dispatch';
import { ingestFiles, IngestInputError, type IngestSummary } from './ingest';
import { ingestLimitsFromEnv, type IngestLimits } from './limits';
import { STDIN_SOURCE } from './read';
import { INT32_MAX } from './types';

export interface CliIo {
  stdin: Readable;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: npm run ingest -- [options] FILE...

Loads trajectories into the LanceDB table "trajectories": the native formats and the logs other tools write
(Inspect AI, tau-bench, tau2-bench, SWE-agent, OpenHands, OpenAI Responses / NeMo Gym, BFCL, AgentBench, ToolBench,
verl, TRL), as JSONL, a JSON array or object, gzip, zip (.eval) or Parquet, detected per file and per record.
FILE may be a directory (read recursively) or - for standard input. Records are upserted by trajectory_id: loading
a file twice adds nothing. Records without a training_id take the file's name.

Options:
  --format FORMAT     auto (default: detect per record), or one of: ${FORMAT_NAMES.filter((f) => f !== 'auto').join(', ')}
  --training-id ID    set training_id on every record (overrides the records' own)
  --epoch-id N        set epoch_id on every record (overrides the records' own)
  --dataset NAME      the dataset of records that name none; their data_id becomes NAME/<data_id>
  --map F=PATH,...    take envelope fields from other fields, e.g. --map data_id=task_id,sample_id=meta.trial
  --batch-size N      most rows per atomic write (default 50000)
  --dry-run           validate only; write nothing
  -h, --help          show this help

Environment: LANCEDB_URI (default ./data/lancedb), LANCEDB_STORAGE_OPTIONS (JSON object),
INGEST_MAX_RECORD_BYTES (default 32 MiB: a longer record is rejected, the next line read),
INGEST_MAX_STEPS (default 10000 steps per trajectory).
Exit status: 0 when every record was loaded, 1 when any was rejected or an input could not be read, 2 on bad usage.
See docs/ingest.md for the record formats.
`;

class UsageError extends Error {}

interface CliOptions {
  files: string[];
  format: string;
  dataset?: string;
  map?: FieldMap;
  trainingId?: string;
  epochId?: number;
  batchSize?: number;
  dryRun: boolean;
  help: boolean;
}

function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'training-id': { type: 'string' },
        dataset: { type: 'string' },
        map: { type: 'string' },
        'epoch-id': { type: 'string' },
        'batch-size': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'auto';
  if (!FORMAT_NAMES.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, got "${format}"`);
  }
  let map: FieldMap | undefined;
  try {
    map = values.map === undefined ? undefined : parseFieldMap(values.map);
  } catch (error) {
    throw new UsageError(`--map: ${(error as Error).message}`);
  }
  const dataset = values.dataset;
  if (dataset !== undefined && !/^[\w.@+-][\w./@+-]*$/.test(dataset))
    throw new UsageError(`--dataset must be a name of letters, digits and . _ - / @ +, got "${dataset}"`);
  const trainingId = values['training-id'];
  if (trainingId !== undefined && trainingId.trim() === '')
    throw new UsageError('--training-id must not be empty');
  return {
    files: positionals,
    format,
    map,
    dataset,
    trainingId,
    epochId: optionalInt(values['epoch-id'], '--epoch-id', 0),
    batchSize: optionalInt(values['batch-size'], '--batch-size', 1),
    dryRun: values['dry-run'] ?? false,
    help: values.help ?? false,
  };
}

function optionalInt(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > INT32_MAX) {
    throw new UsageError(`${name} must be an integer between ${min} and ${INT32_MAX}, got "${value}"`);
  }
  return n;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The ingest command line; returns the exit code. `scripts/ingest.ts` is a thin wrapper around it. */
export async function runIngestCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`ingest: ${(error as Error).message}\nRun with --help for usage.\n`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.files.length === 0) {
    io.stderr.write('ingest: no input files (use - for standard input)\nRun with --help for usage.\n');
    return 2;
  }
  let limits: IngestLimits;
  try {
    limits = ingestLimitsFromEnv(io.env);
  } catch (error) {
    io.stderr.write(`ingest: ${(error as Error).message}\n`);
    return 2;
  }

  const bar = new ProgressReporter(io.stderr);
  const say = (line: string) => {
    bar.clear();
    io.stderr.write(`${printable(line)}\n`);
  };
  let errorLines = 0;
  let summary: IngestSummary;
  try {
    summary = await ingestFiles(options.files, {
      db: options.dryRun ? undefined : dbConfigFromEnv(io.env),
      stdin: io.stdin,
      format: options.format,
      map: options.map,
      dataset: options.dataset,
      trainingId: options.trainingId,
      epochId: options.epochId,
      batchSize: options.batchSize,
      dryRun: options.dryRun,
      maxRecordBytes: limits.maxRecordBytes,
      maxSteps: limits.maxSteps,
      onProgress: (progress) => bar.update(progress),
      onLockWait: (holder) => say(`ingest: waiting for another writer (${holder})`),
      onError: (error) => {
        if (++errorLines <= MAX_PRINTED_ERRORS) say(`${errorPlace(error)}: ${error.field}: ${error.reason}`);
      },
    });
  } catch (error) {
    bar.clear();
    const message = error instanceof IngestInputError ? error.message : `failed: ${(error as Error).message}`;
    for (const line of message.split('\n')) io.stderr.write(`ingest: ${printable(line)}\n`);
    return 1;
  }
  bar.clear();
  if (errorLines > MAX_PRINTED_ERRORS) {
    say(
      `ingest: … and ${fmt(errorLines - MAX_PRINTED_ERRORS)} more errors not shown (${fmt(summary.rejected)} records rejected in all)`,
    );
  }
  const inputs = options.files.map((file) => (file === '-' ? STDIN_SOURCE : file));
  const report = fileReport(summary.files ?? inputs, summary.sources);
  if (summary.skippedFiles?.length)
    report.push(
      `skipped ${fmt(summary.skippedFiles.length)} files in the directories (not data by name, or read beside another file)`,
    );
  for (const hint of inputHints(summary.files ?? inputs, summary.sources)) say(`ingest: ${hint}`);
  for (const warning of summary.warnings) say(`ingest: warning: ${warning}`);
  io.stdout.write(report.map((line) => `${printable(line)}\n`).join('') + formatSummary(summary));
  return summary.rejected > 0 ? 1 : 0;
}

export function formatSummary(summary: IngestSummary): string {
  const threads =
    summary.workers === 1
      ? ', 1 worker thread'
      : summary.workers > 1
        ? `, ${summary.workers} worker threads`
        : '';
  const rate = `${fmt(Math.round(summary.rowsPerSecond))} rows/s${threads}`;
  const time = `${summary.seconds.toFixed(2)} s`;
  if (summary.dryRun) {
    return `dry run: ${fmt(summary.accepted)} valid, ${fmt(summary.rejected)} rejected (nothing written) in ${time} (${rate})\n`;
  }
  return (
    `inserted ${fmt(summary.inserted)}, updated ${fmt(summary.updated)}, unchanged ${fmt(summary.unchanged)}, ` +
    `rejected ${fmt(summary.rejected)} in ${time} (${rate})\n`
  );
}
