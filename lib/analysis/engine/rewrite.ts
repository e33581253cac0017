import type { Table } from '@lancedb/lancedb';
import { concatScans } from '../scan/concat';
import { ScanBuilder, readInto } from '../scan/scan';
import { takeScanRows } from '../scan/take';
import { cloneDictionaries, continuedColumns, projected, type ResidentColumns } from './resident';

const metric = (metadata: Record<string, string>, key: string) => Number(metadata[key] ?? NaN);

/**
 * Whether every version after `from` up to `to` only appended rows or rewrote them (compaction): no step removed rows
 * or added deleted-row markers (which updates and deletes do). Unknown when a version is gone: then false.
 */
export async function onlyAppendedOrRewritten(table: Table, from: number, to: number): Promise<boolean> {
  const versions = (await table.listVersions())
    .filter((v) => v.version >= from && v.version <= to)
    .sort((a, b) => a.version - b.version);
  if (versions.length !== to - from + 1) return false;
  for (let i = 1; i < versions.length; i++) {
    const [before, after] = [versions[i - 1].metadata, versions[i].metadata];
    const rows = metric(after, 'total_rows') - metric(before, 'total_rows');
    const deleted = metric(after, 'total_deletion_file_rows') - metric(before, 'total_deletion_file_rows');
    if (!(rows >= 0 && deleted <= 0)) return false;
  }
  return true;
}

/** Finds the index of a row id among `ids` (-1 when absent): LanceDB row ids are fragment << 32 | offset. */
function rowIdLookup(ids: BigUint64Array): (id: bigint) => number {
  const fragments = new Map<number, Int32Array>();
  const sizes = new Map<number, number>();
  for (const id of ids) {
    const fragment = Number(id >> 32n);
    sizes.set(fragment, Math.max(sizes.get(fragment) ?? 0, Number(id & 0xffffffffn) + 1));
  }
  for (const [fragment, size] of sizes) fragments.set(fragment, new Int32Array(size).fill(-1));
  ids.forEach((id, i) => (fragments.get(Number(id >> 32n))![Number(id & 0xffffffffn)] = i));
  return (id) => fragments.get(Number(id >> 32n))?.[Number(id & 0xffffffffn)] ?? -1;
}

/**
 * The columns at `version` after LanceDB rewrote rows into new fragments (compaction), appended or not: a row that
 * kept its row id kept its values (data files never change), so only rows with a new row id are read in full, the
 * others are found by id, and the result is in `version`'s scan order. Null when the versions between removed or
 * updated rows (then a full reload is due) or the orders do not line up.
 */
export async function rewrittenColumns(
  table: Table,
  previous: ResidentColumns,
  version: number,
): Promise<ResidentColumns | null> {
  await table.checkout(version);
  if (!(await onlyAppendedOrRewritten(table, previous.version, version))) return null;
  const ids = new ScanBuilder(['epoch_id'], true);
  const sequence = (await readInto(projected(table, ids), ids)).rowIds!;
  const dictionaries = cloneDictionaries(previous.dictionaries);
  const builder = new ScanBuilder(previous.columns, true, dictionaries);
  const added = await readInto(projected(table, builder).where(`_rowid > ${previous.maxRowId}`), builder);
  const oldIndex = rowIdLookup(previous.scan.rowIds!);
  const picks = new Int32Array(sequence.length);
  let next = 0;
  for (let p = 0; p < sequence.length; p++) {
    const id = sequence[p];
    if (id > previous.maxRowId) {
      if (added.rowIds![next] !== id) return null;
      picks[p] = previous.scan.length + next++;
    } else {
      const i = oldIndex(id);
      if (i < 0) return null;
      picks[p] = i;
    }
  }
  if (next !== added.length) return null;
  const scan = takeScanRows(added.length > 0 ? concatScans(previous.scan, added) : previous.scan, picks);
  const stats = await table.stats();
  return continuedColumns(previous, {
    version,
    scan,
    dictionaries,
    added,
    fragments: stats.fragmentStats.numFragments,
  });
}
