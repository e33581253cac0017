import type { Query, Table } from '@lancedb/lancedb';
import { columnsWith, SCAN_USES, type ColumnsWith } from '../../db/columns';
import { Utf8Interner } from './interner';

/**
 * The scan engine: reads only the small columns a statistic needs, with the filter pushed into LanceDB, into typed
 * arrays. Strings become integer codes into a per-column dictionary, lists become CSR (offsets + codes). steps_json is
 * never read here.
 */

// Which columns are scanned is declared in lib/db/columns.ts; how each is held follows from its kind.
export const INT_COLUMNS = columnsWith({ kind: ['int32'], scan: SCAN_USES });
export const FLOAT_COLUMNS = columnsWith({ kind: ['float64'], scan: SCAN_USES });
export const STRING_COLUMNS = columnsWith({ kind: ['utf8'], scan: SCAN_USES });
export const LIST_COLUMNS = columnsWith({ kind: ['utf8-list'], scan: SCAN_USES });

export type IntColumn = (typeof INT_COLUMNS)[number];
export type FloatColumn = (typeof FLOAT_COLUMNS)[number];
export type StringColumn = (typeof STRING_COLUMNS)[number];
export type ListColumn = (typeof LIST_COLUMNS)[number];
/**
 * Every column the scan can read. Besides the four families: tool_call_failed (bool-list, held aligned with
 * tool_call_names) and created_at (timestamp); `emptyScan` fails to compile when another scanned column has no place
 * in `Scan`.
 */
export type ScanColumn = ColumnsWith<{ scan: typeof SCAN_USES }>;

export interface StringData {
  /** Per row, an index into `values`; -1 for null. */
  codes: Int32Array;
  values: string[];
}

export interface ListData {
  /** Row i's items are codes[offsets[i] .. offsets[i+1]). */
  offsets: Int32Array;
  codes: Int32Array;
  values: string[];
}

/**
 * A null of an int column in a Scan (an Int32Array has no NaN): the smallest int32, which no int column holds
 * (counts, positions, lengths). Compare with it before using a value of a nullable int column.
 */
export const INT_NULL = -2147483648;

export interface Scan {
  length: number;
  /** Nulls are `INT_NULL`. */
  ints: Partial<Record<IntColumn, Int32Array>>;
  /** Nulls are NaN. */
  floats: Partial<Record<FloatColumn, Float64Array>>;
  strings: Partial<Record<StringColumn, StringData>>;
  lists: Partial<Record<ListColumn, ListData>>;
  /** Aligned with lists.tool_call_names.codes: 1 when that call failed. */
  toolCallFailed?: Uint8Array;
  /** Milliseconds since the epoch; NaN for null. */
  createdAt?: Float64Array;
  /** LanceDB row ids, for fetching a page of full rows afterwards. */
  rowIds?: BigUint64Array;
}

export interface ScanOptions {
  where?: string;
  columns: readonly ScanColumn[];
  withRowIds?: boolean;
}

// Arrow's runtime objects come from the CJS copy of apache-arrow that LanceDB loads; only their buffers are used.
interface ArrowData {
  offset: number;
  length: number;
  nullCount: number;
  nullBitmap?: Uint8Array;
  values: ArrayLike<number> & { subarray?: unknown };
  valueOffsets: Int32Array;
  children: ArrowData[];
}
export interface ArrowBatch {
  numRows: number;
  getChild(name: string): { data: ArrowData[] } | null;
}

class Growable<T extends Int32Array | Float64Array | Uint8Array | BigUint64Array> {
  private chunks: T[] = [];
  private size = 0;
  constructor(private readonly make: (n: number) => T) {}
  push(chunk: T): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
  /** The rows in one array; with headroom > 1 a view of a longer one (room to append in place later). */
  finish(headroom = 1): T {
    const out = this.make(Math.ceil(this.size * headroom)).subarray(0, this.size) as T;
    let at = 0;
    for (const chunk of this.chunks) {
      (out as unknown as { set(a: T, o: number): void }).set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

const isValid = (data: ArrowData, i: number): boolean => {
  if (data.nullCount === 0 || !data.nullBitmap) return true;
  const bit = data.offset + i;
  return (data.nullBitmap[bit >> 3] & (1 << (bit & 7))) !== 0;
};

function readInts(data: ArrowData): Int32Array {
  const out = (data.values as Int32Array).slice(data.offset, data.offset + data.length);
  if (data.nullCount > 0) for (let i = 0; i < out.length; i++) if (!isValid(data, i)) out[i] = INT_NULL;
  return out;
}

function readFloats(data: ArrowData): Float64Array {
  const out = (data.values as Float64Array).slice(data.offset, data.offset + data.length);
  if (data.nullCount > 0) for (let i = 0; i < out.length; i++) if (!isValid(data, i)) out[i] = NaN;
  return out;
}

function readTimestamps(data: ArrowData): Float64Array {
  const out = new Float64Array(data.length);
  const values = data.values as unknown as BigInt64Array | Int32Array;
  if (values instanceof BigInt64Array) {
    for (let i = 0; i < data.length; i++) out[i] = isValid(data, i) ? Number(values[data.offset + i]) : NaN;
  } else {
    // Millisecond timestamps as pairs of int32 (low, high).
    for (let i = 0; i < data.length; i++) {
      const at = 2 * (data.offset + i);
      out[i] = isValid(data, i) ? values[at + 1] * 2 ** 32 + (values[at] >>> 0) : NaN;
    }
  }
  return out;
}

function readStrings(data: ArrowData, interner: Utf8Interner): Int32Array {
  const out = new Int32Array(data.length);
  const offsets = data.valueOffsets;
  const bytes = data.values as Uint8Array;
  for (let i = 0; i < data.length; i++) {
    out[i] = isValid(data, i)
      ? interner.code(bytes, offsets[data.offset + i], offsets[data.offset + i + 1])
      : -1;
  }
  return out;
}

/** A list<utf8> batch as (per-row lengths, item codes). */
function readStringList(data: ArrowData, interner: Utf8Interner): { lengths: Int32Array; codes: Int32Array } {
  const lengths = new Int32Array(data.length);
  const listOffsets = data.valueOffsets;
  const first = listOffsets[data.offset];
  const last = listOffsets[data.offset + data.length];
  for (let i = 0; i < data.length; i++) {
    lengths[i] = isValid(data, i) ? listOffsets[data.offset + i + 1] - listOffsets[data.offset + i] : 0;
  }
  const child = data.children[0];
  const codes = new Int32Array(last - first);
  const offsets = child.valueOffsets;
  const bytes = child.values as Uint8Array;
  for (let j = first; j < last; j++) {
    codes[j - first] = interner.code(bytes, offsets[child.offset + j], offsets[child.offset + j + 1]);
  }
  return { lengths, codes };
}

function readBoolList(data: ArrowData): Uint8Array {
  const listOffsets = data.valueOffsets;
  const first = listOffsets[data.offset];
  const last = listOffsets[data.offset + data.length];
  const child = data.children[0];
  const bits = child.values as Uint8Array;
  const out = new Uint8Array(last - first);
  for (let j = first; j < last; j++) {
    const bit = child.offset + j;
    out[j - first] = (bits[bit >> 3] >> (bit & 7)) & 1;
  }
  return out;
}

/** Per string or list column, the dictionary its codes index; reused to continue the codes of an earlier scan. */
export type Dictionaries = Map<StringColumn | ListColumn, Utf8Interner>;

/**
 * Accumulates Arrow record batches into a Scan. With `dictionaries` from an earlier builder, string codes continue
 * that builder's codes, so the two scans can be concatenated.
 */
export class ScanBuilder {
  readonly columns: ScanColumn[];
  readonly dictionaries: Dictionaries;
  private length = 0;
  private readonly ints = new Map<IntColumn, Growable<Int32Array>>();
  private readonly floats = new Map<FloatColumn, Growable<Float64Array>>();
  private readonly strings = new Map<StringColumn, Growable<Int32Array>>();
  private readonly lists = new Map<
    ListColumn,
    { lengths: Growable<Int32Array>; codes: Growable<Int32Array> }
  >();
  private readonly failed = new Growable<Uint8Array>((n) => new Uint8Array(n));
  private readonly created = new Growable<Float64Array>((n) => new Float64Array(n));
  private readonly rowIds = new Growable((n) => new BigUint64Array(n));

  constructor(
    columns: readonly ScanColumn[],
    private readonly withRowIds = false,
    dictionaries?: Dictionaries,
    /** Room left in every column for rows appended later (1: none), for scans that stay resident. */
    private readonly headroom = 1,
  ) {
    this.columns = [...new Set(columns)];
    this.dictionaries = dictionaries ?? new Map();
    const dictionary = (column: StringColumn | ListColumn) => {
      if (!this.dictionaries.has(column)) this.dictionaries.set(column, new Utf8Interner());
    };
    for (const column of this.columns) {
      if (isOneOf(column, INT_COLUMNS)) this.ints.set(column, new Growable((n) => new Int32Array(n)));
      else if (isOneOf(column, FLOAT_COLUMNS))
        this.floats.set(column, new Growable((n) => new Float64Array(n)));
      else if (isOneOf(column, STRING_COLUMNS)) {
        this.strings.set(column, new Growable((n) => new Int32Array(n)));
        dictionary(column);
      } else if (isOneOf(column, LIST_COLUMNS)) {
        this.lists.set(column, {
          lengths: new Growable((n) => new Int32Array(n)),
          codes: new Growable((n) => new Int32Array(n)),
        });
        dictionary(column);
      }
    }
  }

  /** The columns to `select()` from LanceDB for this builder. */
  get projection(): string[] {
    return [...this.columns];
  }

  add(batch: ArrowBatch): void {
    if (batch.numRows === 0) return;
    this.length += batch.numRows;
    const data = (name: string): ArrowData => {
      const child = batch.getChild(name);
      if (!child || child.data.length !== 1) throw new Error(`scan: column ${name} missing from batch`);
      return child.data[0];
    };
    for (const [column, grow] of this.ints) grow.push(readInts(data(column)));
    for (const [column, grow] of this.floats) grow.push(readFloats(data(column)));
    for (const [column, grow] of this.strings)
      grow.push(readStrings(data(column), this.dictionaries.get(column)!));
    for (const [column, list] of this.lists) {
      const { lengths, codes } = readStringList(data(column), this.dictionaries.get(column)!);
      list.lengths.push(lengths);
      list.codes.push(codes);
    }
    if (this.columns.includes('tool_call_failed')) this.failed.push(readBoolList(data('tool_call_failed')));
    if (this.columns.includes('created_at')) this.created.push(readTimestamps(data('created_at')));
    if (this.withRowIds) {
      const ids = data('_rowid');
      this.rowIds.push((ids.values as unknown as BigUint64Array).slice(ids.offset, ids.offset + ids.length));
    }
  }

  finish(): Scan {
    const scan: Scan = { length: this.length, ints: {}, floats: {}, strings: {}, lists: {} };
    for (const [column, grow] of this.ints) scan.ints[column] = grow.finish(this.headroom);
    for (const [column, grow] of this.floats) scan.floats[column] = grow.finish(this.headroom);
    for (const [column, grow] of this.strings)
      scan.strings[column] = {
        codes: grow.finish(this.headroom),
        values: this.dictionaries.get(column)!.values,
      };
    for (const [column, list] of this.lists) {
      const lengths = list.lengths.finish();
      const offsets = new Int32Array(Math.ceil((lengths.length + 1) * this.headroom)).subarray(
        0,
        lengths.length + 1,
      );
      for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i] + lengths[i];
      scan.lists[column] = {
        offsets,
        codes: list.codes.finish(this.headroom),
        values: this.dictionaries.get(column)!.values,
      };
    }
    if (this.columns.includes('tool_call_failed')) scan.toolCallFailed = this.failed.finish(this.headroom);
    if (this.columns.includes('created_at')) scan.createdAt = this.created.finish(this.headroom);
    if (this.withRowIds) scan.rowIds = this.rowIds.finish(this.headroom);
    return scan;
  }
}

function isOneOf<T extends string>(column: string, set: readonly T[]): column is T {
  return (set as readonly string[]).includes(column);
}

/** Streams a LanceDB query's record batches into a builder (decoding one batch while LanceDB reads the next). */
export async function readInto(query: Query, builder: ScanBuilder): Promise<Scan> {
  for await (const batch of query) builder.add(batch as unknown as ArrowBatch);
  return builder.finish();
}

/** Runs one projected, filtered scan. */
export async function scanTable(table: Table, options: ScanOptions): Promise<Scan> {
  const builder = new ScanBuilder(options.columns, options.withRowIds);
  let query = table.query().select(builder.projection);
  if (options.where) query = query.where(options.where);
  if (options.withRowIds) query = query.withRowId();
  return readInto(query, builder);
}

/** A zero-row scan that still has every requested column, so compute functions need no special case. */
export function emptyScan(columns: readonly ScanColumn[]): Scan {
  const scan: Scan = { length: 0, ints: {}, floats: {}, strings: {}, lists: {} };
  for (const column of columns) {
    if (isOneOf(column, INT_COLUMNS)) scan.ints[column] = new Int32Array(0);
    else if (isOneOf(column, FLOAT_COLUMNS)) scan.floats[column] = new Float64Array(0);
    else if (isOneOf(column, STRING_COLUMNS)) scan.strings[column] = { codes: new Int32Array(0), values: [] };
    else if (isOneOf(column, LIST_COLUMNS))
      scan.lists[column] = { offsets: new Int32Array(1), codes: new Int32Array(0), values: [] };
    else if (column === 'tool_call_failed') scan.toolCallFailed = new Uint8Array(0);
    else if (column === 'created_at') scan.createdAt = new Float64Array(0);
    else notHeld(column);
  }
  return scan;
}

/** Compiles only when every scanned column of lib/db/columns.ts has a place in `Scan`. */
function notHeld(column: never): never {
  throw new Error(`scan: column ${String(column)} has no place in a Scan`);
}

/** Typed accessors that fail loudly when a stat forgot to project a column. */
export function ints(scan: Scan, column: IntColumn): Int32Array {
  const values = scan.ints[column];
  if (!values) throw new Error(`scan: column ${column} was not selected`);
  return values;
}
export function floats(scan: Scan, column: FloatColumn): Float64Array {
  const values = scan.floats[column];
  if (!values) throw new Error(`scan: column ${column} was not selected`);
  return values;
}
export function strings(scan: Scan, column: StringColumn): StringData {
  const values = scan.strings[column];
  if (!values) throw new Error(`scan: column ${column} was not selected`);
  return values;
}
export function list(scan: Scan, column: ListColumn): ListData {
  const values = scan.lists[column];
  if (!values) throw new Error(`scan: column ${column} was not selected`);
  return values;
}
