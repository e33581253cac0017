import type { Table } from '@lancedb/lancedb';
import { sqlString } from '../analysis/where';
import type { TrajectoryRow } from '../db/schema';
import { rowFingerprint } from './row-fingerprint';

export interface UpsertOutcome {
  /** Rows whose trajectory_id was not in the table. */
  inserted: number;
  /** Rows that replaced a stored row with different content. */
  updated: number;
  /** Rows equal to the stored row with the same trajectory_id: not written. */
  unchanged: number;
}

/** Ids per `IN (…)` lookup of stored rows. */
const LOOKUP_CHUNK = 1000;

/**
 * Writes the rows (unique trajectory_ids) that are new or differ from the stored row with the same id, in one
 * commit: an append when every written id is new, a merge on trajectory_id otherwise. Nothing is written (no new table
 * version) when every row is already stored as is. Call it while holding the table's write lock, on a table that
 * sees the latest version: the lookup and the write must see the same table.
 */
export async function upsertChanged(table: Table, rows: readonly TrajectoryRow[]): Promise<UpsertOutcome> {
  const stored = await storedFingerprints(
    table,
    rows.map((row) => row.trajectory_id),
  );
  const fresh: TrajectoryRow[] = [];
  const changed: TrajectoryRow[] = [];
  for (const row of rows) {
    const before = stored.get(row.trajectory_id);
    if (before === undefined) fresh.push(row);
    else if (before !== rowFingerprint(row)) changed.push(row);
  }
  const outcome = {
    inserted: fresh.length,
    updated: changed.length,
    unchanged: rows.length - fresh.length - changed.length,
  };
  // Plain rows: LanceDB converts them with the table's own (explicit) schema. The casts only drop the interface's
  // lack of an index signature.
  if (changed.length > 0) {
    await table
      .mergeInsert('trajectory_id')
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([...changed, ...fresh] as unknown as Record<string, unknown>[]);
  } else if (fresh.length > 0) {
    await table.add(fresh as unknown as Record<string, unknown>[]);
  }
  return outcome;
}

/** trajectory_id → fingerprint of the stored row, for the given ids that are stored. */
async function storedFingerprints(table: Table, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    const rows = await table
      .query()
      .where(`trajectory_id IN (${chunk.map(sqlString).join(', ')})`)
      .toArray();
    for (const row of rows as Record<string, unknown>[])
      out.set(row.trajectory_id as string, rowFingerprint(row));
  }
  return out;
}
