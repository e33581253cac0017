import { Index, type OptimizeOptions, type Table } from '@lancedb/lancedb';

/** The column whose full-text index lets `q` find words inside the steps (thoughts, tool arguments, observations). */
export const STEP_TEXT_COLUMN = 'steps_json';

/**
 * The full-text index on the step text is built unless STEP_SEARCH_INDEX=off (`q` then searches question and data_id
 * only). It once looked too slow to build by default (34,560 demo trajectories never finished); that was LanceDB's
 * native pool waiting forever with too few threads (lib/db/native-threads.ts), and it now takes seconds.
 */
export function stepSearchIndexEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STEP_SEARCH_INDEX?.trim().toLowerCase() !== 'off';
}

/** Whole words, lowercased, unstemmed, stop words kept: a match is a word as typed, and highlighting can find it. */
const stepTextIndex = () =>
  Index.fts({
    withPosition: false,
    stem: false,
    removeStopWords: false,
    lowercase: true,
    asciiFolding: true,
  });

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

/** The indexes the table should have, given STEP_SEARCH_INDEX. */
function wantedIndexes(): { column: string; make: () => Index }[] {
  return stepSearchIndexEnabled() ? [...INDEXES, { column: STEP_TEXT_COLUMN, make: stepTextIndex }] : INDEXES;
}

/**
 * What an interrupted maintenance can leave behind: the names of wanted indexes that are missing, and of indexes that
 * do not cover every row. Empty for an empty table and for a table whose indexes are complete.
 */
export async function incompleteIndexes(table: Table): Promise<string[]> {
  if ((await table.countRows()) === 0) return [];
  const indices = await table.listIndices();
  const existing = new Set(indices.flatMap((index) => index.columns));
  const missing = wantedIndexes()
    .filter(({ column }) => !existing.has(column))
    .map(({ column }) => `${column} (missing)`);
  const stale: string[] = [];
  for (const index of indices) {
    const stats = await table.indexStats(index.name);
    if (stats && stats.numUnindexedRows > 0)
      stale.push(`${index.columns.join(', ')} (${stats.numUnindexedRows} rows not indexed)`);
  }
  return [...missing, ...stale];
}

/** Called before each step of `ensureIndexes` (`index <column>`, then `optimize`): progress, and a seam for tests. */
export type MaintenanceStep = (step: string) => void | Promise<void>;

/**
 * Creates the missing indexes, then `optimize`s (folds new rows into the indexes, compacts fragments, and removes
 * versions older than `optimize.cleanupOlderThan`, 7 days by default). Call after large writes.
 */
export async function ensureIndexes(
  table: Table,
  optimize: Partial<OptimizeOptions> = {},
  onStep?: MaintenanceStep,
): Promise<void> {
  if ((await table.countRows()) === 0) return;
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const { column, make } of wantedIndexes()) {
    if (existing.has(column)) continue;
    await onStep?.(`index ${column}`);
    await table.createIndex(column, { config: make(), replace: true });
  }
  await onStep?.('optimize');
  await table.optimize(optimize);
}
