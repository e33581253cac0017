import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readRecords, type ReadOptions } from '../read';
import type { RawInput, RawRecordOrError } from '../types';
import { readParquet } from './parquet';
import { readZip } from './zip';
import { DEFAULT_INGEST_LIMITS } from '../limits';

/** File names a directory is searched for (case-insensitive); other files in it are skipped and counted. */
export const DATA_FILE = /\.(jsonl|ndjson|json|traj|eval|zip|parquet)(\.gz)?$|\.gz$/i;

/** How a file's first bytes say it is stored. */
export type Storage = 'zip' | 'parquet' | 'text';

export async function sniff(path: string): Promise<Storage> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    const magic = head.subarray(0, bytesRead).toString('latin1');
    if (magic === 'PK\u0003\u0004' || magic === 'PK\u0005\u0006') return 'zip';
    if (magic === 'PAR1') return 'parquet';
    return 'text';
  } finally {
    await handle.close();
  }
}

export interface ExpandedInputs {
  /** The files to read, in order: directories walked recursively, their entries sorted by name. */
  files: string[];
  /** Files inside the directories that were skipped: not data by name, hidden, or read by an importer as a companion. */
  skipped: string[];
}

/**
 * The files of the given paths: a file as is, a directory's data files (DATA_FILE) recursively in name order, hidden
 * entries (`.name`) and files for which `isCompanion` holds (score or report files an importer reads beside the data)
 * skipped. `-` (standard input) is kept as is.
 */
export async function expandInputs(
  paths: readonly string[],
  isCompanion: (path: string) => boolean = () => false,
): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(path);
      else if (DATA_FILE.test(entry.name) && !isCompanion(path)) files.push(path);
      else skipped.push(path);
    }
  }
  for (const path of paths) {
    if (path !== '-' && (await stat(path)).isDirectory()) await walk(path);
    else files.push(path);
  }
  return { files, skipped };
}

/**
 * The records of one file, whatever it holds: JSONL, a JSON array or object (gzipped or not), a zip, Parquet. With
 * `deferParse`, JSONL lines and JSON-array elements come as unparsed `RawText`.
 */
export function readFile(path: string, options: ReadOptions & { deferParse: true }): AsyncGenerator<RawInput>;
export function readFile(path: string, options?: ReadOptions): AsyncGenerator<RawRecordOrError>;
export async function* readFile(path: string, options: ReadOptions = {}): AsyncGenerator<RawInput> {
  const source = options.source ?? path;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_INGEST_LIMITS.maxRecordBytes;
  let storage: Storage = 'text';
  if (path !== '-') {
    try {
      storage = await sniff(path);
    } catch {
      // Unreadable: readRecords reports it.
    }
  }
  if (storage === 'zip') yield* readZip(path, source, maxRecordBytes);
  else if (storage === 'parquet') yield* readParquet(path, source);
  else yield* readRecords(path, options);
}
