import type { Table } from '@lancedb/lancedb';
import { firstLineOf } from './error-text';
import { ensureIndexes } from './indexes';

/**
 * How long superseded table versions are kept after an ingest. A reader that opened an older version keeps working
 * for this long; after it the files only an older version used are deleted by the next ingest that writes.
 */
export const VERSION_RETENTION_MS = 15 * 60 * 1000;

const ATTEMPTS = 4;

/**
 * After an ingest that wrote: creates missing indexes, folds new rows into them, compacts small fragments and
 * deletes versions older than `VERSION_RETENTION_MS`. Concurrent writers can make a step fail with a commit conflict:
 * it is retried a few times, and a step that still fails is returned as a warning (the rows are already committed).
 */
export async function maintainAfterIngest(table: Table, now: () => number = Date.now): Promise<string[]> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await table.checkoutLatest();
      await ensureIndexes(table, { cleanupOlderThan: new Date(now() - VERSION_RETENTION_MS) });
      return [];
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
  return [`index update / compaction did not finish (${firstLineOf(lastError)}); the next ingest retries it`];
}
