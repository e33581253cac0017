import { dbConfigFromEnv, type DbConfig } from '../db';
import { openSource } from './source';

/**
 * Loads the resident columns of the database, so the first request does not wait for them. Never fails: an empty
 * database has nothing to load, and an unreachable one is logged (requests then report the error themselves).
 */
export async function warmResidentColumns(config: DbConfig = dbConfigFromEnv()): Promise<void> {
  try {
    const source = await openSource(config);
    const held = source.resident?.columns;
    if (held) console.info(`resident columns: ${held.scan.length} rows of version ${held.version}`);
  } catch (error) {
    console.error('resident columns not loaded at start:', error);
  }
}
