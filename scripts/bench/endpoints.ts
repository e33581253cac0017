import { clearResultCache, openSource } from '../../lib/analysis/source';
import { openTrajectories, type DbConfig } from '../../lib/db';
import { ingestRecords } from '../../lib/ingest';
import { generateDemoCampaign } from '../demo-data';
import { callRoute, neverAskedFilter, neverAskedRowFilter } from './routes';
import { median, timed } from './timing';

export interface EndpointTiming {
  label: string;
  coldMs: number;
  warmMs: number;
  /** How "cold" was made: a filter never asked before, or the result cache cleared (endpoints without filters). */
  cold: 'new filter' | 'cache cleared';
}

/** The endpoint cases of the benchmark, given the runs in the table. */
export function endpointCases(trainings: string[]): [string, string][] {
  const [first, second] = trainings;
  return [
    ['training-list', ''],
    ['summary', ''],
    ['summary', `training_id=${first}&group_by=epoch_id`],
    ['termination-stats', 'group_by=epoch_id'],
    ['reward-category-stats', `training_id=${first}`],
    ['tool-return-stats', ''],
    ['process-reward-correlation', ''],
    ['epoch-list', `training_id=${first}`],
    ['epoch-progression', `training_id=${first}`],
    ['training-comparison', `training_ids=${first},${second}`],
    ['failure-cases', `training_id=${first}&sort=-step_count`],
    ['failure-signatures', `training_id=${first}`],
    ['failure-signatures', ''],
    ['unexpected-tool-contexts', 'tool_failed=any'],
    ['summary', `training_id=${first}&epoch_id=11&reward_max=0&termination_reason=timeout,max_turns`],
    ['run-alerts', `training_id=${first}`],
    ['run-alerts', ''],
    ['diff', `training_id=${first}&epoch_a=0&epoch_b=11`],
    ['diff', `training_ids=${first},${second}&epoch_id=11`],
  ];
}

/** Cold requests keep rewards ≥ -0.1: they drop the -0.5 rewards, so each one passes over the rows. */
export const COLD_REWARD_MIN = -0.1;

const join = (...parts: string[]) => parts.filter(Boolean).join('&');

/** Cold (never asked) and warm (the same request again) timings of one endpoint, medians over `repeats`. */
export async function timeEndpoint(name: string, query: string, repeats: number): Promise<EndpointTiming> {
  // Endpoints that take no filters cannot be asked anew: their cold run clears the result cache instead.
  const takesFilters = await callRoute(name, join(query, neverAskedFilter())).then(
    () => true,
    () => false,
  );
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const url = takesFilters ? join(query, neverAskedRowFilter(COLD_REWARD_MIN)) : query;
    if (!takesFilters) clearResultCache();
    cold.push((await timed(() => callRoute(name, url))).ms);
    warm.push((await timed(() => callRoute(name, url))).ms);
  }
  return {
    label: `${name}${query ? `?${query}` : ''}`,
    coldMs: median(cold),
    warmMs: median(warm),
    cold: takesFilters ? 'new filter' : 'cache cleared',
  };
}

/** The failure list at deep offsets (100 rows a page), each asked cold. */
export async function timeFailurePages(offsets: number[], repeats: number) {
  const out: { offset: number; ms: number; total: number; rows: number }[] = [];
  for (const offset of offsets) {
    const times: number[] = [];
    let body = { total: 0, data: [] as unknown[] };
    for (let i = 0; i < repeats; i++) {
      const run = await timed(() =>
        callRoute('failure-cases', `offset=${offset}&limit=100&${neverAskedRowFilter(COLD_REWARD_MIN)}`),
      );
      times.push(run.ms);
      body = run.value as typeof body;
    }
    out.push({ offset, ms: median(times), total: body.total, rows: body.data.length });
  }
  return out;
}

const APPEND_TRAINING = 'bench-append';
const APPEND_TIMEOUT_MS = 300_000;
const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Deletes the rows an append measurement added (also those of an interrupted run). */
export async function removeAppended(db: DbConfig): Promise<void> {
  const table = await openTrajectories(db);
  await table?.delete(`training_id = '${APPEND_TRAINING}'`);
}

/**
 * Appends `rows` trajectories of an extra run through the public ingest, as a live run does, and times what follows:
 * preparing the new version (reading the appended rows and answering the recent requests on it, which a server does in
 * the background while the previous version answers), then the first request that was asked before the append (it
 * must count the new rows), the same request repeated, and a request never asked before. The appended rows are
 * deleted again afterwards. Null when the append does not finish within 5 minutes (the run goes on without it).
 */
export async function timeFirstQueryAfterAppend(db: DbConfig, rows: number, before: number) {
  await removeAppended(db);
  const askedBefore = `reward_min=-999`;
  await callRoute('summary', askedBefore);
  const questions = Math.ceil(rows / 8);
  const records = (async function* () {
    let line = 0;
    for (const value of generateDemoCampaign({
      trainings: 1,
      epochs: 1,
      questions,
      samples: 8,
      lean: true,
    })) {
      if (line === rows) return;
      yield { source: 'bench-append', line: ++line, value: { ...value, training_id: APPEND_TRAINING } };
    }
  })();
  const ingest = await timed(() => withTimeout(ingestRecords(records, { db }), APPEND_TIMEOUT_MS));
  if (ingest.value === TIMED_OUT) return null;
  try {
    const prepare = await timed(() => openSource(db));
    const first = await timed(() => callRoute('summary', askedBefore));
    const count = (first.value as { trajectory_count: number }).trajectory_count;
    if (count !== before + rows)
      throw new Error(`after the append, summary counts ${count}, expected ${before + rows}`);
    const second = await timed(() => callRoute('summary', askedBefore));
    const never = await timed(() => callRoute('summary', neverAskedFilter()));
    return {
      appendMs: ingest.ms,
      prepareMs: prepare.ms,
      firstMs: first.ms,
      nextMs: second.ms,
      neverMs: never.ms,
    };
  } finally {
    await removeAppended(db);
  }
}
