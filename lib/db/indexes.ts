import { Index, type OptimizeOptions, type Table } from '@lancedb/lancedb';
import { COLUMN_INDEXES, type IndexKind } from './columns';

/** The column whose full-text index lets `q` find words and phrases in the steps (thoughts, arguments, observations). */
export const STEP_TEXT_COLUMN = COLUMN_INDEXES.find(({ index }) => index === 'step-text')!.column;

/**
 * The full-text index on the step text is built unless STEP_SEARCH_INDEX=off (`q` then searches question and data_id
 * only). It once looked too slow to build by default (34,560 demo trajectories never finished); that was LanceDB's
 * native pool waiting forever with too few threads (lib/db/native-threads.ts), and it now takes seconds.
 */
export function stepSearchIndexEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STEP_SEARCH_INDEX?.trim().toLowerCase() !== 'off';
}

/**
 * Whole words, lowercased, unstemmed, stop words kept: a match is a word as typed, and highlighting can find it.
 * Without positions: an index with them makes `optimize` fail once its posting lists grow (LanceDB 0.31, lance
 * issue #7653, seen here at 150,000 rows), so a quoted phrase is checked in the text of the trajectories that hold
 * all its words (lib/analysis/search/step-search.ts).
 */
const stepTextIndex = () =>
  Index.fts({
    withPosition: false,
    stem: false,
    removeStopWords: false,
    lowercase: true,
    asciiFolding: true,
  });

/** How each kind of index of lib/db/columns.ts is made. */
const MAKE_INDEX: Record<IndexKind, () => Index> = {
  bitmap: () => Index.bitmap(),
  btree: () => Index.btree(),
  'label-list': () => Index.labelList(),
  fts: () => Index.fts({ withPosition: false }),
  'step-text': stepTextIndex,
};

/**
 * The indexes the table should have, given STEP_SEARCH_INDEX: one per indexed column of lib/db/columns.ts (DESIGN §3),
 * the step text last (the slowest to build).
 */
function wantedIndexes(): { column: string; make: () => Index }[] {
  const withSteps = stepSearchIndexEnabled();
  return COLUMN_INDEXES.filter(({ index }) => index !== 'step-text')
    .concat(withSteps ? COLUMN_INDEXES.filter(({ index }) => index === 'step-text') : [])
    .map(({ column, index }) => ({ column, make: MAKE_INDEX[index] }));
}

/**
 * Rows an index may leave out, as a share of the rows it covers, before an ingest folds them in. Rows outside an index
 * are still found, exactly (filters and full-text search scan them), only more slowly; folding rewrites each index
 * whole, so folding at a share of the table keeps its cost proportional to the rows appended (amortised), and a small
 * append to a large table costs what its own rows cost.
 */
export const UNINDEXED_SHARE_BEFORE_FOLD = 0.1;

/**
 * Fragments (one per write) a table may have before an ingest compacts it. A load writes large batches, so a table
 * reaches this by many small appends; LanceDB's compaction rewrites every fragment under a million rows, so it is
 * not run after every load.
 */
export const MAX_FRAGMENTS_BEFORE_COMPACTION = 256;

/**
 * What an interrupted maintenance can leave behind: the names of wanted indexes that are missing, and of indexes that
 * leave out more than `share` of the rows they cover (0: any row). Empty for an empty table and for a table whose
 * indexes are complete.
 */
export async function incompleteIndexes(table: Table, share = 0): Promise<string[]> {
  if ((await table.countRows()) === 0) return [];
  const indices = await table.listIndices();
  const existing = new Set(indices.flatMap((index) => index.columns));
  const missing = wantedIndexes()
    .filter(({ column }) => !existing.has(column))
    .map(({ column }) => `${column} (missing)`);
  const stale: string[] = [];
  for (const index of indices) {
    const stats = await table.indexStats(index.name);
    if (stats && stats.numUnindexedRows > share * stats.numIndexedRows)
      stale.push(`${index.columns.join(', ')} (${stats.numUnindexedRows} rows not indexed)`);
  }
  return [...missing, ...stale];
}

/**
 * Called before each step of `ensureIndexes` (`compact` when it comes first, `index <column>`, then `optimize`):
 * progress, and a seam for tests.
 */
export type MaintenanceStep = (step: string) => void | Promise<void>;

/**
 * Why a table's indexes need folding or its fragments compacting (an `optimize`), or null when neither does: an index
 * leaves out more than `UNINDEXED_SHARE_BEFORE_FOLD` of its rows, or the table has more than
 * `MAX_FRAGMENTS_BEFORE_COMPACTION` fragments.
 */
export async function optimizeReason(table: Table): Promise<string | null> {
  const stale = (await incompleteIndexes(table, UNINDEXED_SHARE_BEFORE_FOLD)).filter((entry) =>
    entry.endsWith('not indexed)'),
  );
  if (stale.length > 0) return `rows outside the indexes: ${stale.join('; ')}`;
  const fragments = await fragmentCount(table);
  return fragments > MAX_FRAGMENTS_BEFORE_COMPACTION ? `${fragments} fragments` : null;
}

async function fragmentCount(table: Table): Promise<number> {
  return (await table.stats()).fragmentStats.numFragments;
}

/**
 * Creates the missing indexes, then `optimize`s (folds new rows into the indexes, compacts fragments, and removes
 * versions older than `optimize.cleanupOlderThan`, 7 days by default). Call after large writes. With `whenNeeded`,
 * the optimize runs only when `optimizeReason` gives one (what an ingest does).
 *
 * A table that has more than `MAX_FRAGMENTS_BEFORE_COMPACTION` fragments and lacks indexes (a first load) is compacted
 * before they are built: a compaction rewrites every index it finds, row by row, so compacting first is cheaper in
 * time and memory, and the new indexes are built over a few large fragments. A million benchmark rows in 178
 * fragments: 473 MB and 35 s compacted first, 684 MB and 48 s indexed first (fresh processes).
 */
export async function ensureIndexes(
  table: Table,
  optimize: Partial<OptimizeOptions> = {},
  onStep?: MaintenanceStep,
  { whenNeeded = false }: { whenNeeded?: boolean } = {},
): Promise<void> {
  if ((await table.countRows()) === 0) return;
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  const missing = wantedIndexes().filter(({ column }) => !existing.has(column));
  if (missing.length > 0 && (await fragmentCount(table)) > MAX_FRAGMENTS_BEFORE_COMPACTION) {
    await onStep?.('compact');
    await table.optimize(optimize);
  }
  for (const { column, make } of missing) {
    await onStep?.(`index ${column}`);
    await table.createIndex(column, { config: make(), replace: true });
  }
  if (whenNeeded && (await optimizeReason(table)) === null) return;
  await onStep?.('optimize');
  await table.optimize(optimize);
}
