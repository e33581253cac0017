import type { Table } from '@lancedb/lancedb';
import { concatScans } from '../scan/concat';
import { columnsWith } from '../../db/columns';
import { ScanBuilder, readInto, type Dictionaries, type Scan, type ScanColumn } from '../scan/scan';

/**
 * The small columns of the whole table held in memory (`scan: 'resident'` in lib/db/columns.ts): everything a filter or
 * a statistic reads, as one Scan with LanceDB row ids. Left out: steps_json and trajectory_id (one distinct string per
 * row; pages fetch it by row id), and question until a text search first needs it (its text is most of the bytes to
 * read; few distinct values to hold).
 */
export const RESIDENT_COLUMNS: readonly ScanColumn[] = columnsWith({ scan: ['resident'] });

/** Room kept after a full load for appended rows (a fraction of the rows), so appends write in place. */
const APPEND_HEADROOM = 1.1;

/** Columns read into memory the first time a request needs them (`scan: 'on-demand'` in lib/db/columns.ts). */
export const ON_DEMAND_COLUMNS: readonly ScanColumn[] = columnsWith({ scan: ['on-demand'] });

export interface ResidentColumns {
  /** The table version these rows are of. */
  version: number;
  /** The columns held. */
  columns: readonly ScanColumn[];
  /** Every resident column of every row, with row ids. */
  scan: Scan;
  /** The dictionaries of `scan`'s codes, continued by an append. */
  dictionaries: Dictionaries;
  /** The highest row id held: rows appended later have higher ones. */
  maxRowId: bigint;
  /** How many fragments the table had at `version`. */
  fragments: number;
  /** Bytes held (typed arrays and dictionary strings). */
  bytes: number;
  /** Rows read from LanceDB to build this from the previous version (all of them after a full load). */
  rowsRead: number;
}

/** The highest row id among `ids` and `start`. */
export function maxOf(ids: BigUint64Array, start = 0n): bigint {
  let max = start;
  for (const id of ids) if (id > max) max = id;
  return max;
}

/** Bytes held by the dictionaries' strings (an estimate: two bytes a character plus a string header). */
export function dictionaryBytes(dictionaries: Dictionaries): number {
  let bytes = 0;
  for (const interner of dictionaries.values())
    for (const value of interner.values) bytes += 2 * value.length + 48;
  return bytes;
}

/** Bytes held by a scan's typed arrays. */
export function scanBytes(scan: Scan): number {
  const arrays: ArrayBufferView[] = [
    ...Object.values(scan.ints),
    ...Object.values(scan.floats),
    ...Object.values(scan.strings).map((s) => s.codes),
    ...Object.values(scan.lists).flatMap((l) => [l.offsets, l.codes]),
  ];
  if (scan.toolCallFailed) arrays.push(scan.toolCallFailed);
  if (scan.createdAt) arrays.push(scan.createdAt);
  if (scan.rowIds) arrays.push(scan.rowIds);
  // The whole buffer: appended columns keep room for later rows.
  return arrays.reduce((sum, array) => sum + array.buffer.byteLength, 0);
}

/** A query of the builder's columns with row ids. */
export function projected(table: Table, builder: ScanBuilder) {
  return table.query().select(builder.projection).withRowId();
}

/**
 * Reads every resident column of the table at `version`. `table` must be a handle of its own (it is checked out at
 * that version), never the one requests share.
 */
export async function loadColumns(
  table: Table,
  version: number,
  columns: readonly ScanColumn[] = RESIDENT_COLUMNS,
): Promise<ResidentColumns> {
  await table.checkout(version);
  const builder = new ScanBuilder(columns, true, undefined, APPEND_HEADROOM);
  const [scan, stats] = await Promise.all([readInto(projected(table, builder), builder), table.stats()]);
  return {
    version,
    columns,
    scan,
    dictionaries: builder.dictionaries,
    maxRowId: maxOf(scan.rowIds!),
    fragments: stats.fragmentStats.numFragments,
    bytes: scanBytes(scan) + dictionaryBytes(builder.dictionaries),
    rowsRead: scan.length,
  };
}

/** Copies of the dictionaries, so reading more rows leaves the ones in use unchanged. */
export function cloneDictionaries(dictionaries: Dictionaries): Dictionaries {
  return new Map([...dictionaries].map(([column, interner]) => [column, interner.clone()]));
}

/**
 * The columns at `version` built from `previous` by reading only the rows appended since, or null when the table
 * changed otherwise (rows updated, deleted, compacted or restored: then it needs a full load). Append-only means every
 * row held is still there (as many rows with a row id ≤ the highest held as before) and the only new fragments are
 * those holding the new rows.
 */
export async function appendColumns(
  table: Table,
  previous: ResidentColumns,
  version: number,
): Promise<ResidentColumns | null> {
  await table.checkout(version);
  const [kept, stats] = await Promise.all([table.countRows(`_rowid <= ${previous.maxRowId}`), table.stats()]);
  if (kept !== previous.scan.length) return null;
  const dictionaries = cloneDictionaries(previous.dictionaries);
  const builder = new ScanBuilder(previous.columns, true, dictionaries);
  const added = await readInto(projected(table, builder).where(`_rowid > ${previous.maxRowId}`), builder);
  const newFragments = new Set(Array.from(added.rowIds!, (id) => id >> 32n)).size;
  if (stats.fragmentStats.numFragments !== previous.fragments + newFragments) return null;
  const scan = added.length > 0 ? concatScans(previous.scan, added) : previous.scan;
  return continuedColumns(previous, {
    version,
    scan,
    dictionaries,
    added,
    fragments: stats.fragmentStats.numFragments,
  });
}

/** The columns at a later version built from `previous` plus the rows `added` (read with row ids) into `scan`. */
export function continuedColumns(
  previous: ResidentColumns,
  next: { version: number; scan: Scan; dictionaries: Dictionaries; added: Scan; fragments: number },
): ResidentColumns {
  return {
    version: next.version,
    columns: previous.columns,
    scan: next.scan,
    dictionaries: next.dictionaries,
    maxRowId: maxOf(next.added.rowIds!, previous.maxRowId),
    fragments: next.fragments,
    bytes: scanBytes(next.scan) + dictionaryBytes(next.dictionaries),
    rowsRead: next.added.length,
  };
}

/**
 * `resident` with more columns, read at its version (same rows, same order), or null when the table no longer has
 * that version.
 */
export async function attachColumns(
  table: Table,
  resident: ResidentColumns,
  extra: readonly ScanColumn[],
): Promise<ResidentColumns | null> {
  const missing = extra.filter((column) => !resident.columns.includes(column));
  if (missing.length === 0) return resident;
  try {
    await table.checkout(resident.version);
  } catch {
    return null;
  }
  const dictionaries = new Map(resident.dictionaries);
  const builder = new ScanBuilder(missing, true, dictionaries);
  const read = await readInto(projected(table, builder), builder);
  const ids = resident.scan.rowIds!;
  if (read.length !== ids.length || read.rowIds!.some((id, i) => id !== ids[i]))
    throw new Error('resident columns: a second read of the same version returned other rows');
  const scan: Scan = {
    ...resident.scan,
    ints: { ...resident.scan.ints, ...read.ints },
    floats: { ...resident.scan.floats, ...read.floats },
    strings: { ...resident.scan.strings, ...read.strings },
    lists: { ...resident.scan.lists, ...read.lists },
    toolCallFailed: resident.scan.toolCallFailed ?? read.toolCallFailed,
    createdAt: resident.scan.createdAt ?? read.createdAt,
  };
  return {
    ...resident,
    columns: [...resident.columns, ...missing],
    scan,
    dictionaries,
    bytes: scanBytes(scan) + dictionaryBytes(dictionaries),
    rowsRead: read.length,
  };
}
