import type { ListData, Scan } from './scan';

function gather<T extends Int32Array | Float64Array | Uint8Array | BigUint64Array>(
  values: T,
  indices: Int32Array,
): T {
  const out = new (values.constructor as new (n: number) => T)(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

function gatherList(data: ListData, indices: Int32Array): ListData & { items: Int32Array } {
  const offsets = new Int32Array(indices.length + 1);
  for (let j = 0; j < indices.length; j++)
    offsets[j + 1] = offsets[j] + data.offsets[indices[j] + 1] - data.offsets[indices[j]];
  // Which item of the source each item of the result is (to gather aligned per-item arrays too).
  const items = new Int32Array(offsets[indices.length]);
  for (let j = 0; j < indices.length; j++) {
    for (let at = offsets[j], from = data.offsets[indices[j]]; at < offsets[j + 1]; at++, from++)
      items[at] = from;
  }
  return { offsets, codes: gather(data.codes, items), values: data.values, items };
}

/** The rows `indices` of a scan (in that order), every column kept. */
export function takeScanRows(scan: Scan, indices: Int32Array): Scan {
  const out: Scan = { length: indices.length, ints: {}, floats: {}, strings: {}, lists: {} };
  for (const [column, values] of Object.entries(scan.ints) as [keyof Scan['ints'], Int32Array][])
    out.ints[column] = gather(values, indices);
  for (const [column, values] of Object.entries(scan.floats) as [keyof Scan['floats'], Float64Array][])
    out.floats[column] = gather(values, indices);
  for (const [column, data] of Object.entries(scan.strings) as [
    keyof Scan['strings'],
    { codes: Int32Array; values: string[] },
  ][])
    out.strings[column] = { codes: gather(data.codes, indices), values: data.values };
  for (const [column, data] of Object.entries(scan.lists) as [keyof Scan['lists'], ListData][]) {
    const { items, ...list } = gatherList(data, indices);
    out.lists[column] = list;
    if (column === 'tool_call_names' && scan.toolCallFailed)
      out.toolCallFailed = gather(scan.toolCallFailed, items);
  }
  if (scan.toolCallFailed && !out.toolCallFailed)
    throw new Error('takeScanRows: tool_call_failed needs tool_call_names to stay aligned');
  if (scan.createdAt) out.createdAt = gather(scan.createdAt, indices);
  if (scan.rowIds) out.rowIds = gather(scan.rowIds, indices);
  return out;
}
