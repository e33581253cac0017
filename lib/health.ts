import { connect, dbConfigFromEnv, TABLE_NAME, type DbConfig } from './db';

/** Whether the database answers and holds the trajectories table; nothing about its contents. */
export type DatabaseState = 'ready' | 'empty' | 'unreachable';

export interface Health {
  status: 'ok' | 'unavailable';
  database: DatabaseState;
}

const TIMEOUT_MS = 2000;

/** Lists the database's tables (one round trip to the store, two when the table is not listed), giving up after 2 s. */
export async function checkHealth(config?: DbConfig): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
  });
  try {
    const db = await Promise.race([connect(config ?? dbConfigFromEnv()), timeout]);
    const names = await Promise.race([db.tableNames(), timeout]);
    if (names.includes(TABLE_NAME)) return { status: 'ok', database: 'ready' };
    // Some S3-compatible stores list no tables even when they hold one: the store answered, so ask for the table.
    const table = await Promise.race([db.openTable(TABLE_NAME).catch(() => null), timeout]);
    return { status: 'ok', database: table ? 'ready' : 'empty' };
  } catch {
    return { status: 'unavailable', database: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
