import { Index, type OptimizeOptions, type Table } from '@lancedb/lancedb';

/** Scalar indexes for every column the filters touch (DESIGN §3). */
const INDEXES: { column: string; make: () => Index }[] = [
  { column: 'training_id', make: () => Index.bitmap() },
  { column: 'termination_reason', make: () => Index.bitmap() },
  { column: 'agent_name', make: () => Index.bitmap() },
  { column: 'epoch_id', make: () => Index.btree() },
  { column: 'data_id', make: () => Index.btree() },
  { column: 'trajectory_id', make: () => Index.btree() },
  { column: 'reward', make: () => Index.btree() },
  { column: 'tools_used', make: () => Index.labelList() },
  { column: 'tools_failed', make: () => Index.labelList() },
  { column: 'question', make: () => Index.fts({ withPosition: false }) },
];

/**
 * Creates the missing indexes, then `optimize`s (folds new rows into the indexes, compacts fragments, and removes
 * versions older than `optimize.cleanupOlderThan`, 7 days by default). Call after large writes.
 */
export async function ensureIndexes(table: Table, optimize: Partial<OptimizeOptions> = {}): Promise<void> {
  if ((await table.countRows()) === 0) return;
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const { column, make } of INDEXES) {
    if (!existing.has(column)) await table.createIndex(column, { config: make(), replace: true });
  }
  await table.optimize(optimize);
}
