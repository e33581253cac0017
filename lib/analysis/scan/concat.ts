import type { ListData, Scan } from './scan';

function joined<T extends Int32Array | Float64Array | Uint8Array | BigUint64Array>(a: T, b: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  (out as unknown as { set(v: T, at: number): void }).set(a, 0);
  (out as unknown as { set(v: T, at: number): void }).set(b, a.length);
  return out;
}

function joinedList(a: ListData, b: ListData): ListData {
  const offsets = new Int32Array(a.offsets.length + b.offsets.length - 1);
  offsets.set(a.offsets, 0);
  const base = a.offsets[a.offsets.length - 1];
  for (let i = 1; i < b.offsets.length; i++) offsets[a.offsets.length - 1 + i] = base + b.offsets[i];
  return { offsets, codes: joined(a.codes, b.codes), values: b.values };
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
