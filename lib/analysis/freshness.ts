import type { Table } from '@lancedb/lancedb';
import { dbConfigFromEnv, type DbConfig } from '../db';
import { openSource } from './source';

/** How current the data is: the table version the figures describe and when it was written. */
export interface Freshness {
  version: number;
  /** When `version` was committed (Unix seconds): the last write, an ingest or a compaction. */
  written_at: number | null;
  /** The newer version being loaded while `version` still answers (within LANCEDB_READ_CONSISTENCY_SECONDS). */
  updating_to?: number;
}

/** Commit times of table versions never change: one look-up per (database, version), the latest few kept. */
const writtenAt = new Map<string, Promise<number | null>>();
const KEPT_VERSIONS = 32;

async function versionTime(table: Table, version: number): Promise<number | null> {
  const entry = (await table.listVersions()).find((v) => v.version === version);
  return entry ? entry.timestamp.getTime() / 1000 : null;
}

/**
 * The table version the figures describe, its commit time and the newer version loading, if any; null while the
 * database has no table. Cheap on every page: the source pages answer from, and the version list only the first time
 * a version is seen.
 */
export async function freshness(config: DbConfig = dbConfigFromEnv()): Promise<Freshness | null> {
  const { table, version, stale } = await openSource(config);
  if (!table) return null;
  const key = `${config.uri}\u0000${version}`;
  let time = writtenAt.get(key);
  if (!time) {
    time = versionTime(table, version);
    writtenAt.set(key, time);
    if (writtenAt.size > KEPT_VERSIONS) writtenAt.delete(writtenAt.keys().next().value!);
    time.catch(() => writtenAt.delete(key));
  }
  return {
    version,
    written_at: await time,
    ...(stale && { updating_to: stale.latest_version }),
  };
}
