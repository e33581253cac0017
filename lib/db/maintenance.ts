import type { Table } from '@lancedb/lancedb';
import { firstLineOf } from './error-text';
import {
  ensureIndexes,
  incompleteIndexes,
  UNINDEXED_SHARE_BEFORE_FOLD,
  type MaintenanceStep,
} from './indexes';

/**
 * How long superseded table versions are kept after an ingest. A reader that opened an older version keeps working
 * for this long; after it the files only an older version used are deleted by the next ingest that writes.
 */
export const VERSION_RETENTION_MS = 15 * 60 * 1000;

const ATTEMPTS = 4;

/**
 * Rows a load into a table without indexes (a first load) writes between two compactions of what it wrote since the
 * last one: LanceDB's rows per compacted fragment (1,048,576). A compaction runs one task per native thread at once,
 * each rewriting up to that many rows and holding a few hundred MB, so compacting a long load at its end costs as many
 * tasks' memory as there are threads (5M benchmark rows in 894 fragments: 1,736 MB, 285 s in a fresh process; 1M rows:
 * 505 MB), while compacting as the load goes costs one task's, whatever the load's length, and keeps the fragments
 * and versions of the table bounded. A table with indexes is not compacted during a load: its compaction would
 * rewrite them (the maintenance after the load folds and compacts when needed).
 */
export const LOAD_COMPACTION_ROWS = 1_048_576;

/**
 * Compacts a table that has no index yet (a first load, between two of its commits) and removes versions older than
 * `VERSION_RETENTION_MS`. Returns false, without writing, when the table has an index. Call under the write lock.
 */
export async function compactWhileLoading(table: Table, now: () => number = Date.now): Promise<boolean> {
  if ((await table.listIndices()).length > 0) return false;
  await table.optimize({ cleanupOlderThan: new Date(now() - VERSION_RETENTION_MS) });
  return true;
}

/**
 * Longest wait for the index update and compaction after an ingest. LanceDB 0.31 can park every thread of an
 * `optimize` for good (seen once after a million-row load: no CPU, never returns); the rows are committed by then, so
 * the run reports a warning instead of hanging, and the next ingest that writes retries the step.
 */
export const MAINTENANCE_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * After an ingest that wrote: creates missing indexes and, when `optimizeReason` says so (many rows outside the
 * indexes, or many fragments), folds new rows into them, compacts small fragments and deletes versions older than
 * `VERSION_RETENTION_MS`. Concurrent writers can make a step fail with a commit conflict:
 * it is retried a few times, and a step that still fails is returned as a warning (the rows are already committed).
 */
export async function maintainAfterIngest(
  table: Table,
  now: () => number = Date.now,
  timeoutMs: number = MAINTENANCE_TIMEOUT_MS,
  onStep?: MaintenanceStep,
): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(
      () =>
        resolve([
          `index update / compaction did not finish within ${Math.round(timeoutMs / 1000)} s; the rows are ` +
            'committed and the next ingest retries it',
        ]),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([maintainWithRetries(table, now, onStep), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function maintainWithRetries(
  table: Table,
  now: () => number,
  onStep: MaintenanceStep | undefined,
): Promise<string[]> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await table.checkoutLatest();
      await ensureIndexes(table, { cleanupOlderThan: new Date(now() - VERSION_RETENTION_MS) }, onStep, {
        whenNeeded: true,
      });
      return [];
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
  return [`index update / compaction did not finish (${firstLineOf(lastError)}); the next ingest retries it`];
}

/**
 * Whether a run that wrote nothing should still maintain the table: an index is missing, or leaves out more rows than
 * an ingest lets it (`UNINDEXED_SHARE_BEFORE_FOLD`).
 */
export async function indexesNeedRepair(table: Table): Promise<boolean> {
  await table.checkoutLatest();
  return (await incompleteIndexes(table, UNINDEXED_SHARE_BEFORE_FOLD)).length > 0;
}
