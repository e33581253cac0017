import { warmupRunning } from './warmup-state';
import { connect, dbConfigFromEnv, TABLE_NAME, type DbConfig } from './db';

/** Whether the database answers and holds the trajectories table; nothing about its contents. */
export type DatabaseState = 'ready' | 'empty' | 'unreachable';

/**
 * The one shape of `/api/health`: `ok` (200) when the store answers and the server is ready; `warming` (503) while
 * the server loads what its first answers need; `unavailable` (503) when the store does not answer. `reason` says
 * why it is not ok.
 */
export interface Health {
  status: 'ok' | 'warming' | 'unavailable';
  database: DatabaseState;
  reason?: string;
}

const TIMEOUT_MS = 2000;

/**
 * Lists the database's tables (one round trip to the store, two when the table is not listed), giving up after 2 s;
 * `warming` decides whether the server is still loading (default: its start-up warm-up is running).
 */
export async function checkHealth(
  config?: DbConfig,
  warming: () => boolean = warmupRunning,
): Promise<Health> {
  const database = await databaseState(config ?? dbConfigFromEnv());
  if (database === 'unreachable')
    return {
      status: 'unavailable',
      database,
      reason: `the database did not answer within ${TIMEOUT_MS / 1000} s`,
    };
  if (warming())
    return {
      status: 'warming',
      database,
      reason: 'upgrading the table if needed, loading the resident columns and the first answers',
    };
  return { status: 'ok', database };
}

async function databaseState(config: DbConfig): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
  });
  try {
    const db = await Promise.race([connect(config), timeout]);
    const names = await Promise.race([db.tableNames(), timeout]);
    if (names.includes(TABLE_NAME)) return 'ready';
    // Some S3-compatible stores list no tables even when they hold one: the store answered, so ask for the table.
    const table = await Promise.race([db.openTable(TABLE_NAME).catch(() => null), timeout]);
    return table ? 'ready' : 'empty';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
