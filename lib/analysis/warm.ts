import { dbConfigFromEnv, type DbConfig } from '../db';
import { setWarming } from '../warmup-state';
import { deriveVersionWork } from './engine/derived';
import { countMatching } from './filters/count-matching';
import { filterOptions } from './filters/filter-options';
import { parseAnalysisQuery } from './filters/query';
import { stepMatches } from './search/step-search';
import { openSource, type Source } from './source';
import { runStat, statParams } from './stat';
import { runAlerts } from './stats/run-alerts';
import { STATS } from './stats';
import { listTrainings } from './stats/training-list';

/**
 * Starts `warmResidentColumns` once, at server start, after `before` (the table's upgrade), and marks the process as
 * warming until both end. A failing `before` is logged; the warm-up still runs.
 */
export function startWarmup(config?: DbConfig, before?: () => Promise<void>): Promise<void> {
  setWarming('data', true);
  const prepared = (before?.() ?? Promise.resolve()).catch((error) =>
    console.error('table upgrade failed:', error),
  );
  return prepared.then(() => warmResidentColumns(config)).finally(() => setWarming('data', false));
}

/**
 * Loads the resident columns of the database, with what the first figures of a version derive from them (question
 * numbers, the failure-list orders), so the first requests do not wait for them. Never fails: an empty database has
 * nothing to load, and an unreachable one is logged (requests then report the error themselves).
 */
export async function warmResidentColumns(config: DbConfig = dbConfigFromEnv()): Promise<void> {
  try {
    const source = await openSource(config);
    const held = source.resident?.columns;
    if (!held) return;
    deriveVersionWork(held.scan);
    await warmFirstViews(source);
    console.info(`resident columns: ${held.scan.length} rows of version ${held.version}`);
  } catch (error) {
    console.error('resident columns not loaded at start:', error);
  }
}

/** The training the dashboard opens on: the one with the latest rollout (as the page picks it). */
function latestOf(
  trainings: { training_id: string; date_range: [number, number] | null }[],
): string | undefined {
  let latest: (typeof trainings)[number] | undefined;
  for (const training of trainings)
    if (!latest || (training.date_range?.[1] ?? -Infinity) >= (latest.date_range?.[1] ?? -Infinity))
      latest = training;
  return latest?.training_id;
}

/**
 * Answers what the dashboard's first views ask of the training it opens on (every registered stat that takes one
 * training, every run's health alerts, the filter options, the row count) and loads the step index with one search, so the first request after
 * start is as fast as later ones with new filters. The requests are remembered like any other, so each new version
 * prepares them too. Stats that need more than a training are skipped.
 */
export async function warmFirstViews(source: Source): Promise<void> {
  const latest = latestOf((await listTrainings(source)).trainings);
  if (latest === undefined) return;
  for (const stat of STATS) {
    const params = new URLSearchParams(stat.spec.filters === false ? {} : { training_id: latest });
    try {
      await runStat(
        stat,
        parseAnalysisQuery(params, statParams(stat), { filters: stat.spec.filters !== false }),
        source,
      );
    } catch {
      // It needs parameters a first view does not give (a question, two runs).
    }
  }
  // The health badges of the runs table: every run's alerts at once.
  await runStat(runAlerts, parseAnalysisQuery(new URLSearchParams(), statParams(runAlerts)), source);
  const query = parseAnalysisQuery(new URLSearchParams({ training_id: latest }));
  await filterOptions(source, query);
  await countMatching(source, query);
  await stepMatches(source, { q: 'error' });
}

/** Told of each table version the watcher sees answering (the first one included); see `watchNewVersions`. */
export type VersionListener = (source: Source) => void | Promise<void>;

/**
 * Looks for a new table version every `everyMs` and prepares it in the background (the previous version answers
 * meanwhile, within LANCEDB_READ_CONSISTENCY_SECONDS), so the first request after a live run appends rows finds the
 * new version ready. `onVersion` (the alert webhooks, lib/server/alert-webhooks.ts) is called, not awaited, with the
 * source of the first version seen and of each later one once it answers. Returns a function that stops it.
 */
export function watchNewVersions(
  config: DbConfig = dbConfigFromEnv(),
  everyMs = Math.max(1000, config.readConsistencyInterval * 1000),
  onVersion?: VersionListener,
): () => void {
  let busy = false;
  let seen: number | undefined;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    openSource(config)
      .then((source) => {
        if (!onVersion || source.version === seen) return;
        seen = source.version;
        void Promise.resolve()
          .then(() => onVersion(source))
          .catch((error) => console.error('new version listener:', error));
      })
      .catch((error) => console.error('watching for new versions:', error))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
