import type { ListData, Scan } from './scan';

type Column = Int32Array | Float64Array | Uint8Array | BigUint64Array;
type ColumnType<T extends Column> = new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;

/** Room left after a copy for rows appended later, so most appends write in place instead of copying every row. */
const HEADROOM = 1.25;

/** Per buffer, how many elements some scan has written into it (views beyond that are free to extend). */
const written = new WeakMap<ArrayBufferLike, number>();

/**
 * `a` followed by `b`. When `a` is the longest view of a buffer with room left, `b` is written after it in place and
 * the result is a longer view of the same buffer: views of fewer rows (scans still in use) are unchanged. Otherwise
 * both are copied into a new buffer with headroom.
 */
function joined<T extends Column>(a: T, b: T): T {
  const Type = a.constructor as ColumnType<T>;
  const total = a.length + b.length;
  const used = written.get(a.buffer) ?? a.length;
  if (a.byteOffset === 0 && used === a.length && a.buffer.byteLength >= total * a.BYTES_PER_ELEMENT) {
    const out = new Type(a.buffer as ArrayBuffer, 0, total);
    (out as unknown as { set(v: T, at: number): void }).set(b, a.length);
    written.set(a.buffer, total);
    return out;
  }
  const capacity = Math.ceil(total * HEADROOM) + 1024;
  const out = new Type(new ArrayBuffer(capacity * a.BYTES_PER_ELEMENT), 0, total);
  (out as unknown as { set(v: T, at: number): void }).set(a, 0);
  (out as unknown as { set(v: T, at: number): void }).set(b, a.length);
  written.set(out.buffer, total);
  return out;
}

function joinedList(a: ListData, b: ListData): ListData {
  const base = a.offsets[a.offsets.length - 1];
  const shifted = new Int32Array(b.offsets.length - 1);
  for (let i = 1; i < b.offsets.length; i++) shifted[i - 1] = base + b.offsets[i];
  return { offsets: joined(a.offsets, shifted), codes: joined(a.codes, b.codes), values: b.values };
}

/**
 * The rows of `a` followed by those of `b`. Both must hold the same columns and `b`'s string codes must continue
 * `a`'s (a ScanBuilder given `a`'s dictionaries), so `b`'s dictionaries are the joined ones.
 */
export function concatScans(a: Scan, b: Scan): Scan {
  const out: Scan = { length: a.length + b.length, ints: {}, floats: {}, strings: {}, lists: {} };
  const missing = (column: string): never => {
    throw new Error(`concatScans: column ${column} missing from the appended rows`);
  };
  for (const [column, values] of Object.entries(a.ints) as [keyof Scan['ints'], Int32Array][])
    out.ints[column] = joined(values, b.ints[column] ?? missing(column));
  for (const [column, values] of Object.entries(a.floats) as [keyof Scan['floats'], Float64Array][])
    out.floats[column] = joined(values, b.floats[column] ?? missing(column));
  for (const [column, data] of Object.entries(a.strings) as [
    keyof Scan['strings'],
    { codes: Int32Array },
  ][]) {
    const next = b.strings[column] ?? missing(column);
    out.strings[column] = { codes: joined(data.codes, next.codes), values: next.values };
  }
  for (const [column, data] of Object.entries(a.lists) as [keyof Scan['lists'], ListData][])
    out.lists[column] = joinedList(data, b.lists[column] ?? missing(column));
  if (a.toolCallFailed)
    out.toolCallFailed = joined(a.toolCallFailed, b.toolCallFailed ?? missing('tool_call_failed'));
  if (a.createdAt) out.createdAt = joined(a.createdAt, b.createdAt ?? missing('created_at'));
  if (a.rowIds) out.rowIds = joined(a.rowIds, b.rowIds ?? missing('_rowid'));
  return out;
}
