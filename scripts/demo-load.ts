/**
 * Loads the demo campaign into an empty database: generate it to a JSONL file, then run the project's ingest on
 * that file, exactly as a user's own file would be loaded.
 */
import path from 'node:path';
import { openTrajectories, type DbConfig } from '@/lib/db';
import { ingestFiles, type IngestSummary } from '@/lib/ingest';
import { upgradeTable } from '@/lib/ingest/upgrade';
import { demoCampaignSize, type DemoCampaignOptions } from './demo-data';
import { writeDemoJsonl, type JsonlWriteSummary } from './demo-jsonl';
import { countStatus, formatCount, ingestStatus, type IngestCounts, type Progress } from './demo-progress';

export const DEMO_DIR = path.join('data', 'demo');

export interface DemoLoadOptions {
  campaign?: DemoCampaignOptions;
  /** Where the JSONL goes (default `data/demo/demo-campaign.jsonl.gz`; plain JSONL unless it ends in `.gz`). */
  file?: string;
  log?: (line: string) => void;
  /** Status lines of the generation and the ingest while they run (none when absent). */
  progress?: Progress;
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
    log(`${db.uri} already holds ${formatCount(existingRows)} trajectories: skipping the demo data load.`);
    return { loaded: false, existingRows };
  }
  const target = options.file ?? path.join(DEMO_DIR, 'demo-campaign.jsonl.gz');
  const progress = options.progress;
  const total = demoCampaignSize(options.campaign);
  log(`Generating the demo campaign (${formatCount(total)} trajectories) into ${target} …`);
  progress?.begin('generating', countStatus(0, total, 'records'));
  let file: JsonlWriteSummary;
  try {
    file = await writeDemoJsonl(target, options.campaign, (records, jsonBytes) =>
      progress?.update(`${countStatus(records, total, 'records')}, ${mb(jsonBytes)} of JSON`),
    );
  } finally {
    progress?.end();
  }
  log(
    `  ${formatCount(file.records)} trajectories, ${mb(file.jsonBytes)} of JSON` +
      `${file.fileBytes !== file.jsonBytes ? ` (${mb(file.fileBytes)} on disk)` : ''}, ${file.seconds.toFixed(1)} s`,
  );
  log(`Loading ${target} into ${db.uri} …`);
  let last: IngestCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rowsPerSecond: 0 };
  let step: string | undefined;
  progress?.begin('ingesting', ingestStatus(last, file.records));
  let ingest: IngestSummary;
  try {
    ingest = await ingestFiles([target], {
      db,
      onProgress: (p) => {
        last = p;
        progress?.update(ingestStatus(last, file.records, step));
      },
      onMaintenance: (next) => {
        step = next;
        progress?.update(ingestStatus(last, file.records, step));
      },
    });
  } finally {
    progress?.end();
  }
  log(
    `  ${formatCount(ingest.inserted)} inserted, ${ingest.updated} updated, ${ingest.rejected} rejected ` +
      `in ${ingest.seconds.toFixed(1)} s (${formatCount(ingest.rowsPerSecond)} rows/s, indexes included)`,
  );
  for (const error of ingest.errors.slice(0, 5))
    log(`  ${error.source}:${error.line} ${error.field}: ${error.reason}`);
  return { loaded: true, file, ingest };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
