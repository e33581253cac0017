/**
 * Loads the demo campaign into an empty database: generate it to a JSONL file, then run the project's ingest on
 * that file, exactly as a user's own file would be loaded.
 */
import path from 'node:path';
import { openTrajectories, type DbConfig } from '@/lib/db';
import { ingestFiles, type IngestSummary } from '@/lib/ingest';
import { upgradeTable } from '@/lib/ingest/upgrade';
import type { DemoCampaignOptions } from './demo-data';
import { writeDemoJsonl, type JsonlWriteSummary } from './demo-jsonl';

export const DEMO_DIR = path.join('data', 'demo');

export interface DemoLoadOptions {
  campaign?: DemoCampaignOptions;
  /** Where the JSONL goes (default `data/demo/demo-campaign.jsonl.gz`; plain JSONL unless it ends in `.gz`). */
  file?: string;
  log?: (line: string) => void;
}

export type DemoLoadResult =
  { loaded: false; existingRows: number } | { loaded: true; file: JsonlWriteSummary; ingest: IngestSummary };

/** Rows in the trajectories table (0 when the table does not exist). */
export async function countTrajectories(db: DbConfig): Promise<number> {
  const table = await openTrajectories(db);
  return table ? table.countRows() : 0;
}

export async function loadDemoDataIfEmpty(
  db: DbConfig,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const log = options.log ?? (() => {});
  // A demo database an earlier version wrote gets this version's derived columns first.
  const upgraded = await upgradeTable(db);
  if (upgraded.filled > 0)
    log(
      `upgraded ${db.uri}: filled ${upgraded.added.join(', ') || 'derived columns'} of ${upgraded.filled} rows`,
    );
  const existingRows = await countTrajectories(db);
  if (existingRows > 0) {
    log(
      `${db.uri} already holds ${existingRows.toLocaleString('en-US')} trajectories: skipping the demo data load.`,
    );
    return { loaded: false, existingRows };
  }
  const target = options.file ?? path.join(DEMO_DIR, 'demo-campaign.jsonl.gz');
  log(`Generating the demo campaign into ${target} …`);
  const file = await writeDemoJsonl(target, options.campaign);
  log(
    `  ${file.records.toLocaleString('en-US')} trajectories, ${mb(file.jsonBytes)} of JSON` +
      `${file.fileBytes !== file.jsonBytes ? ` (${mb(file.fileBytes)} on disk)` : ''}, ${file.seconds.toFixed(1)} s`,
  );
  log(`Loading ${target} into ${db.uri} …`);
  let nextReport = 10_000;
  const ingest = await ingestFiles([target], {
    db,
    onProgress: (p) => {
      if (p.read < nextReport) return;
      nextReport = p.read + 10_000;
      log(`  ${p.read.toLocaleString('en-US')} / ${file.records.toLocaleString('en-US')} read`);
    },
  });
  log(
    `  ${ingest.inserted.toLocaleString('en-US')} inserted, ${ingest.updated} updated, ${ingest.rejected} rejected ` +
      `in ${ingest.seconds.toFixed(1)} s (${Math.round(ingest.rowsPerSecond).toLocaleString('en-US')} rows/s, indexes included)`,
  );
  for (const error of ingest.errors.slice(0, 5))
    log(`  ${error.source}:${error.line} ${error.field}: ${error.reason}`);
  return { loaded: true, file, ingest };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
