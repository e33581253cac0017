import type { z } from 'zod';
import type { GroupBy } from '../vocabulary';
import { residentSelection } from './engine/selection';
import { AnalysisError } from './errors';
import { groupColumns, groupRows } from './grouping';
import { pickFilters, type AnalysisQuery, type Filters } from './filters/query';
import { emptyScan, type Scan, type ScanColumn } from './scan/scan';
import { deriveVersionWork } from './engine/derived';
import { prepareVersionsWith } from './engine/registry';
import { cached, openSource, sourceOf, stableStringify, type Source } from './source';
import { stepMatches } from './search/step-search';
import { labelMatches } from './filters/label-matches';
import { filterClauses, type Scoring } from './filters/clauses';
import { scanSelection } from './filters/scan-selection';

/** The rows a query selects: `rows` are indices into `scan` (never assume they are 0..n-1). */
export interface Selection {
  scan: Scan;
  rows: Int32Array;
}

/**
 * The one function through which every statistic obtains its data: the rows the filters select, with the given
 * columns (and LanceDB row ids when a stat fetches full rows for a page afterwards). An empty selection when the table
 * does not exist yet.
 */
export async function selectRows(
  source: Source,
  filters: Filters,
  columns: readonly ScanColumn[],
  { withRowIds = false, scoring = 'scored' }: { withRowIds?: boolean; scoring?: Scoring } = {},
): Promise<Selection> {
  if (!source.table) {
    const scan = emptyScan(columns);
    if (withRowIds) scan.rowIds = new BigUint64Array(0);
    return { scan, rows: new Int32Array(0) };
  }
  const clauses = filterClauses(
    filters,
    await stepMatches(source, filters),
    scoring,
    await labelMatches(source, filters),
  );
  const resident = await residentSelection(source, clauses, columns);
  if (resident) return resident;
  return scanSelection(source.table, clauses, columns, withRowIds);
}

type TrainingsParam = 'training_id' | 'training_ids';

/** A query parameter a statistic may read. */
export type StatParam = keyof AnalysisQuery;

/** What a stat's compute receives besides the selection: the source (to fetch full rows) and the filters applied. */
export interface StatContext {
  source: Source;
  filters: Filters;
}

/** How a statistic is declared: its name, what it reads, and its math. */
export interface StatSpec<P extends StatParam, R> {
  /** Shared by lib/analysis/stats/<name>.ts, app/api/analysis-stats/<name>/route.ts and its card. */
  name: string;
  /**
   * The strict schema of the answer (the ungrouped one), declared beside the stat; its type is the answer's type.
   * The API docs are generated from it and the route tests validate every answer against it.
   */
  response: z.ZodType<R>;
  /** The endpoint's row in docs/api.md (generated): its parameters besides the filters, and what it answers. */
  doc: { params: string; answers: string };
  /** The columns `compute` reads. */
  columns: readonly ScanColumn[];
  /**
   * The query parameters `compute` reads besides the filters. `compute` sees only these, and the cache key holds only
   * the filters and these, so an unrelated parameter (a page offset, a sort) never recomputes the stat.
   */
  params: readonly P[];
  /** Accepts `group_by=training_id|epoch_id` and then answers `{ group_by, groups: { key: R } }`. */
  groupable?: boolean;
  /** Whether the row filters apply (false: the stat always reads the whole table and rejects filter parameters). */
  filters?: boolean;
  /** The parameter naming trainings that must exist (404 otherwise); `training_id` unless said (or chosen per query). */
  trainingsParam?: TrainingsParam | ((query: AnalysisQuery) => TrainingsParam);
  /** Fetches LanceDB row ids with the selection (for stats that read a page of full rows). */
  withRowIds?: boolean;
  /** Checks the combination of parameters and fills defaults before anything is read; throws AnalysisError. */
  prepare?: (query: AnalysisQuery) => AnalysisQuery;
  compute(selection: Selection, query: Pick<AnalysisQuery, P>, context: StatContext): R | Promise<R>;
  /**
   * The same answers as `compute` on each group of `groupRows`, keyed and ordered alike, computed together (one pass
   * over the rows instead of one per group). Optional: without it each group is computed on its own.
   */
  computeGroups?(selection: Selection, groupBy: GroupBy, query: Pick<AnalysisQuery, P>): Map<string, R>;
}

/** A declared statistic: call it for its ungrouped result (what the pages show); `runStat` also groups. */
export interface Stat<P extends StatParam = StatParam, R = unknown> {
  (query: AnalysisQuery, source?: Source): Promise<R>;
  readonly spec: StatSpec<P, R>;
}

/** Declares a statistic. Every stat, grouped or not, goes through this and `runStat`. */
export function defineStat<P extends StatParam, R>(spec: StatSpec<P, R>): Stat<P, R> {
  const run = async (query: AnalysisQuery, source?: Source): Promise<R> =>
    (await runStat(stat, { ...query, group_by: undefined }, source)) as R;
  const stat = Object.assign(run, { spec });
  return stat;
}

export interface Grouped<R> {
  group_by: GroupBy;
  groups: Record<string, R>;
}

/** The parameters an endpoint of this stat accepts besides the filters and metric options. */
export function statParams({ spec }: Stat): StatParam[] {
  return [...spec.params, ...(spec.groupable ? (['group_by'] as const) : [])];
}

function pickParams<P extends StatParam>(query: AnalysisQuery, params: readonly P[]): Pick<AnalysisQuery, P> {
  const picked = {} as Pick<AnalysisQuery, P>;
  for (const param of params) picked[param] = query[param];
  return picked;
}

const TRAINING_LIST_COLUMNS = ['training_id'] as const;

/** The training ids present in the table (cached per table version). */
function knownTrainings(source: Source): Promise<Set<string>> {
  return cached(source, 'known-trainings', {}, async () => {
    const { scan } = await selectRows(source, {}, TRAINING_LIST_COLUMNS, { scoring: 'any' });
    return new Set(scan.strings.training_id?.values ?? []);
  });
}

/** An unknown training id is a 404, not an empty answer, so a typo in a shared link is visible. */
async function assertTrainingsExist(
  source: Source,
  ids: readonly string[] | undefined,
  param: 'training_id' | 'training_ids' = 'training_id',
): Promise<void> {
  if (!ids?.length || !source.table) return;
  const known = await knownTrainings(source);
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new AnalysisError(`unknown training "${missing}"`, param, 404);
}

/** How many recent requests per database a new version answers before it is served. */
export const PREPARED_REQUESTS = 32;

/** The latest distinct requests per database (oldest first), replayed on each new version. */
const recentRequests = new Map<string, Map<string, { stat: Stat; query: AnalysisQuery }>>();

function remember(uri: string, key: string, stat: Stat, query: AnalysisQuery): void {
  let recent = recentRequests.get(uri);
  if (!recent) recentRequests.set(uri, (recent = new Map()));
  recent.delete(key);
  recent.set(key, { stat, query });
  if (recent.size > PREPARED_REQUESTS) recent.delete(recent.keys().next().value!);
}

/** The requests a new version of this database will answer ahead of serving (most recent last). */
export function requestsToPrepare(uri: string): { stat: Stat; query: AnalysisQuery }[] {
  return [...(recentRequests.get(uri)?.values() ?? [])];
}

/**
 * Answers the recent requests on a new version before it is served, so the first request after an append finds its
 * answer ready, and derives what the version's first figures need. A request that fails here fails again when asked.
 */
export async function prepareVersion(source: Source): Promise<void> {
  const held = source.resident?.columns;
  if (held) deriveVersionWork(held.scan);
  for (const { stat, query } of requestsToPrepare(source.uri))
    await runStat(stat, query, source).catch(() => undefined);
}

prepareVersionsWith(async (config, engine, columns) =>
  prepareVersion(await sourceOf(config, engine, columns)),
);

/** Forgets the recent requests (tests). */
export function forgetRecentRequests(): void {
  recentRequests.clear();
}

/**
 * Runs a statistic for a query: checks the trainings it names exist, selects the rows, computes (per group when the
 * query says `group_by` and the stat allows it), and caches the result under the table version, the filters and the
 * parameters the stat reads. The request is remembered, so a new version answers it before it is served.
 */
export async function runStat<P extends StatParam, R>(
  asked: Stat<P, R>,
  query: AnalysisQuery,
  source?: Source,
): Promise<R | Grouped<R>> {
  const stat = asked.spec;
  const prepared = stat.prepare ? stat.prepare(query) : query;
  const src = source ?? (await openSource());
  const trainingsParam =
    typeof stat.trainingsParam === 'function'
      ? stat.trainingsParam(query)
      : (stat.trainingsParam ?? 'training_id');
  await assertTrainingsExist(src, prepared[trainingsParam], trainingsParam);
  const filters = stat.filters === false ? {} : pickFilters(prepared);
  const params = pickParams(prepared, stat.params);
  const groupBy = stat.groupable ? prepared.group_by : undefined;
  const key = { filters, params, group_by: groupBy };
  remember(src.uri, `${stat.name}\u0000${stableStringify(key)}`, asked, query);
  return cached(src, stat.name, key, async () => {
    const context = { source: src, filters };
    const columns = [...stat.columns, ...groupColumns(groupBy)];
    // A stat without filters lists what exists (runs, epochs), unscored trajectories included.
    const selection = await selectRows(src, filters, columns, {
      withRowIds: stat.withRowIds,
      scoring: stat.filters === false ? 'any' : 'scored',
    });
    if (!groupBy) return stat.compute(selection, params, context);
    if (stat.computeGroups)
      return {
        group_by: groupBy,
        groups: Object.fromEntries(stat.computeGroups(selection, groupBy, params)),
      };
    const groups: Record<string, R> = {};
    for (const [key, rows] of groupRows(selection.scan, groupBy, selection.rows))
      groups[key] = await stat.compute({ scan: selection.scan, rows }, params, context);
    return { group_by: groupBy, groups };
  });
}
