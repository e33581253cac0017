import './native-threads';
import * as lancedb from '@lancedb/lancedb';
import { TABLE_NAME, trajectorySchema } from './schema';
import { COLUMNS, type ColumnDeclaration } from './columns';

export interface DbConfig {
  uri: string;
  storageOptions?: Record<string, string>;
  /** Seconds between checks for other processes' writes. */
  readConsistencyInterval: number;
  /**
   * Bytes LanceDB may cache for this connection: index pages and file metadata (default LanceDB's own, 6 GiB and
   * 1 GiB). The metadata cache fills with every version and fragment a long load writes, so a writer bounds it.
   */
  cache?: { indexBytes: number; metadataBytes: number };
}

export class IncompatibleSchemaError extends Error {}

/** A table written before some derived columns existed: `upgradeTable` (lib/ingest/upgrade.ts) adds and fills them. */
export class TableNeedsUpgradeError extends IncompatibleSchemaError {
  constructor(readonly missing: string[]) {
    super(
      `Table "${TABLE_NAME}" lacks the columns ${missing.join(', ')}, which this version derives from the steps. ` +
        'Run `npm run upgrade` to add them (npm start and npm run ingest do it themselves).',
    );
  }
}

export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  let storageOptions: Record<string, string> | undefined;
  if (env.LANCEDB_STORAGE_OPTIONS) {
    try {
      storageOptions = JSON.parse(env.LANCEDB_STORAGE_OPTIONS);
    } catch {
      throw new Error('LANCEDB_STORAGE_OPTIONS must be a JSON object of strings');
    }
    if (!storageOptions || typeof storageOptions !== 'object' || Array.isArray(storageOptions)) {
      throw new Error('LANCEDB_STORAGE_OPTIONS must be a JSON object of strings');
    }
  }
  const interval = Number(env.LANCEDB_READ_CONSISTENCY_SECONDS ?? 2);
  return {
    uri: env.LANCEDB_URI || './data/lancedb',
    storageOptions,
    readConsistencyInterval: Number.isFinite(interval) && interval >= 0 ? interval : 2,
  };
}

const connections = new Map<string, Promise<lancedb.Connection>>();

/** One connection per URI for the life of the process. */
export function connect(config: DbConfig = dbConfigFromEnv()): Promise<lancedb.Connection> {
  const key = JSON.stringify(config);
  let connection = connections.get(key);
  if (!connection) {
    const session = config.cache
      ? new lancedb.Session(BigInt(config.cache.indexBytes), BigInt(config.cache.metadataBytes))
      : undefined;
    connection = lancedb.connect(
      config.uri,
      {
        storageOptions: config.storageOptions,
        readConsistencyInterval: config.readConsistencyInterval,
      },
      session,
    );
    connection.catch(() => connections.delete(key));
    connections.set(key, connection);
  }
  return connection;
}

const openTables = new Map<string, Promise<lancedb.Table>>();

/**
 * The trajectories table, or null when it does not exist yet (an empty database is not an error). An opened table is
 * kept for the process: with readConsistencyInterval set it still sees other processes' writes.
 */
export async function openTrajectories(config: DbConfig = dbConfigFromEnv()): Promise<lancedb.Table | null> {
  const key = JSON.stringify(config);
  const open = openTables.get(key);
  if (open) return open;
  const db = await connect(config);
  // Opened directly rather than looked up in tableNames(): some S3-compatible stores answer a delimited listing with
  // no folders, so the listing says "no tables" while the table is there.
  let table: lancedb.Table;
  try {
    table = await db.openTable(TABLE_NAME);
  } catch (error) {
    if (isMissingTable(error)) return null;
    throw error;
  }
  const opening = assertCompatibleSchema(table).then(() => table);
  openTables.set(key, opening);
  opening.catch(() => openTables.delete(key));
  return opening;
}

/** The trajectories table, created empty (with its schema) when missing. */
export async function openOrCreateTrajectories(config?: DbConfig): Promise<lancedb.Table> {
  const existing = await openTrajectories(config);
  if (existing) return existing;
  const db = await connect(config);
  try {
    return await db.createEmptyTable(TABLE_NAME, trajectorySchema, { mode: 'create' });
  } catch (error) {
    // Another writer may have created it in the meantime.
    const table = await openTrajectories(config);
    if (table) return table;
    throw error;
  }
}

function isMissingTable(error: unknown): boolean {
  return error instanceof Error && error.message.includes(`Table '${TABLE_NAME}' was not found`);
}

/**
 * What `upgradeTable` has to do to a table written by an earlier version: the nullable declared columns it lacks
 * (added as nulls; derived ones are then filled from the steps), and the columns it stores as non-null that are now
 * nullable (`reward`, since unscored trajectories exist).
 */
export async function upgradableColumns(table: lancedb.Table): Promise<string[]> {
  const fields = new Map((await table.schema()).fields.map((field) => [field.name, field]));
  return COLUMNS.filter((column: ColumnDeclaration) => {
    const found = fields.get(column.name);
    return found ? column.nullable && !found.nullable : column.addedLater === true;
  }).map((column) => column.name);
}

/** The trajectories table as it is on disk, without the schema check (for `upgradeTable`); null when missing. */
export async function openTrajectoriesAsStored(
  config: DbConfig = dbConfigFromEnv(),
): Promise<lancedb.Table | null> {
  const db = await connect(config);
  try {
    return await db.openTable(TABLE_NAME);
  } catch (error) {
    if (isMissingTable(error)) return null;
    throw error;
  }
}

async function assertCompatibleSchema(table: lancedb.Table): Promise<void> {
  const upgradable = await upgradableColumns(table);
  const actual = await table.schema();
  const actualFields = new Map(actual.fields.map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const expected of trajectorySchema.fields) {
    const found = actualFields.get(expected.name);
    if (!found && upgradable.includes(expected.name)) continue;
    if (!found) problems.push(`missing column ${expected.name}`);
    else if (String(found.type) !== String(expected.type))
      problems.push(`column ${expected.name} is ${found.type}, expected ${expected.type}`);
  }
  if (problems.length === 0 && upgradable.length > 0) throw new TableNeedsUpgradeError(upgradable);
  if (problems.length > 0) {
    throw new IncompatibleSchemaError(
      `Table "${TABLE_NAME}" has an incompatible schema (${problems.join('; ')}). ` +
        'Point LANCEDB_URI at a new directory or migrate the table.',
    );
  }
}
