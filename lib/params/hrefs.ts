import type { inferParserType } from 'nuqs/server';
import { serializeDashboard, type dashboardParsers } from './parsers';
import { FILTER_KEYS, type FilterKey, type Tab } from './table';

/**
 * Every href of the app's pages, built in one place beside the parameter table, so a link always writes its parameters
 * as the page that opens it reads them (the dashboard's through the nuqs serializer, the path segments percent-encoded
 * as lib/params/segments.ts decodes them). Components and pages build their links with these, never by hand.
 */

/** Every dashboard URL parameter, parsed (null when absent; `tab` defaults to overview). */
export type DashboardParams = inferParserType<typeof dashboardParsers>;

/** A change to some parameters; null removes one. */
export type DashboardPatch = Partial<{ [K in keyof DashboardParams]: DashboardParams[K] | null }>;

const ANALYSIS_PATH = '/analysis';

/** The dashboard holding only these parameters (a fresh view, not a change of the current one). */
export function analysisHref(values: DashboardPatch): string {
  return `${ANALYSIS_PATH}${serializeDashboard(values)}`;
}

/** One training on the dashboard, at a tab (the overview without one). */
export function trainingHref(trainingId: string, tab?: Tab): string {
  return analysisHref({ tab: tab ?? null, training_id: [trainingId] });
}

/** The failures of one epoch of a training, or of one question in it. */
export function failuresHref(trainingId: string, epochId: number, dataId?: string): string {
  return analysisHref({
    tab: 'failures',
    training_id: [trainingId],
    epoch_id: epochId,
    ...(dataId === undefined ? {} : { data_id: [dataId] }),
  });
}

/** The failures of one epoch of a training narrowed by more filters (the view behind a health alert). */
export function epochFailuresHref(
  trainingId: string,
  epochId: number,
  filters: { [K in FilterKey]?: DashboardParams[K] } = {},
): string {
  return analysisHref({ ...filters, tab: 'failures', training_id: [trainingId], epoch_id: epochId });
}

/** One run's Health tab, scrolled to one of its alerts when given (the link a webhook message carries). */
export function healthHref(trainingId: string, alertId?: string | null): string {
  return analysisHref({ tab: 'health', training_id: [trainingId], alert: alertId ?? null });
}

/** Several runs side by side on the comparison tab. */
export function comparisonHref(trainingIds: readonly string[]): string {
  return analysisHref({ tab: 'comparison', training_ids: [...trainingIds] });
}

/**
 * What says whether a run is learning: its Progress tab (every epoch's curves with their bands), its latest epoch
 * marked and selected, so the other tabs open on it (the runs table's link of a run's name).
 */
export function progressHref(trainingId: string, latestEpoch?: number | null): string {
  return analysisHref({ tab: 'progress', training_id: [trainingId], epoch_id: latestEpoch ?? null });
}

/**
 * The home page's runs table searched, sorted and grouped (`runs_q`, `runs_sort`, `runs_group`); the default order
 * (`-updated`) and absent values leave the URL bare.
 */
export function runsTableHref(values: Pick<DashboardPatch, 'runs_q' | 'runs_sort' | 'runs_group'>): string {
  return `/${serializeDashboard(values)}`;
}

/** The URL of the dashboard with `patch` applied to the current parameters (empty lists are dropped). */
export function dashboardHref(
  params: DashboardParams,
  patch: DashboardPatch,
  pathname = ANALYSIS_PATH,
): string {
  const next: DashboardPatch = { ...params, ...patch };
  for (const [key, value] of Object.entries(next)) {
    if (Array.isArray(value) && value.length === 0) next[key as keyof DashboardPatch] = null;
  }
  return `${pathname}${serializeDashboard(next)}`;
}

/** Another tab, same filters; paging, the open trajectory and the highlighted alert belong to the tab left behind. */
export function tabHref(params: DashboardParams, tab: Tab, pathname = ANALYSIS_PATH): string {
  return dashboardHref(params, { tab, page: null, trajectory: null, alert: null }, pathname);
}

/** Page `page` (1-based; page 1 is the bare URL). */
export function pageHref(params: DashboardParams, page: number, pathname = ANALYSIS_PATH): string {
  return dashboardHref(params, { page: page > 1 ? page : null, trajectory: null }, pathname);
}

/** The change that removes every filter (tab, metric options and the comparison's run list are not filters and stay). */
export function clearedFilters(): { [K in FilterKey]?: null } {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, null]));
}

/**
 * The same view without any filter but the run that is open (for "No trajectories match these filters"); without the
 * run too with `keepRun: false` (a link whose run does not exist).
 */
export function resetFiltersHref(
  params: DashboardParams,
  pathname = ANALYSIS_PATH,
  { keepRun = true }: { keepRun?: boolean } = {},
): string {
  const run = keepRun ? { training_id: params.training_id } : {};
  return dashboardHref(params, { ...clearedFilters(), ...run, page: null, trajectory: null }, pathname);
}

/** The same view with the filters changed: another set of rows, so the first page and no trajectory open. */
export function filterChangeHref(
  params: DashboardParams,
  patch: { [K in FilterKey]?: DashboardParams[K] | null },
  pathname = ANALYSIS_PATH,
): string {
  return dashboardHref(params, { ...patch, page: null, trajectory: null }, pathname);
}

/** A path segment `.` or `..` is resolved away by every URL parser (even written as %2E): such ids go in the query. */
function isDotSegment(id: string): boolean {
  return id === '.' || id === '..';
}

/**
 * The full page of one trajectory (ids may hold any character). `.` and `..` cannot be a path segment, so those two
 * ids go in the query instead. A search `q` goes along, so the page marks its words in the steps; `step` (1-based, as
 * the page numbers steps) opens the window of steps holding it.
 */
export function trajectoryHref(id: string, q?: string | null, step?: number): string {
  const params = [
    ...(q?.trim() ? [`q=${encodeURIComponent(q.trim())}`] : []),
    ...(step !== undefined && step > 1 ? [`step=${step}`] : []),
  ];
  const search = params.join('&');
  if (isDotSegment(id)) return `/trajectories?id=${encodeURIComponent(id)}${search ? `&${search}` : ''}`;
  return `/trajectories/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
}

/** The anchor of a step on the trajectory and side-by-side pages (1-based, as they number steps): `step-12`. */
export function stepAnchor(step: number): string {
  return `step-${step}`;
}

/**
 * The link to one step of a trajectory (1-based): the page opens the window of steps holding it and scrolls to it,
 * the words of `q` marked. `/trajectories/<id>?step=N#step-N`.
 */
export function stepHref(id: string, step: number, q?: string | null): string {
  return `${trajectoryHref(id, q, step)}#${stepAnchor(step)}`;
}

/** The side-by-side page of two trajectories. */
export const COMPARE_PATH = '/trajectories/compare';

/**
 * Two trajectories side by side, step i beside step i (`a` left, `b` right); `step` (1-based) opens the window
 * holding it and scrolls to it, and without it the page opens at their first difference.
 */
export function compareHref(a: string, b: string, step?: number): string {
  const search = `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  return step === undefined
    ? `${COMPARE_PATH}?${search}`
    : `${COMPARE_PATH}?${search}&step=${step}#${stepAnchor(step)}`;
}

/** The JSON record of a trajectory; the ids `.` and `..` have none (they cannot be a path segment). */
export function trajectoryRecordHref(id: string): string | undefined {
  return isDotSegment(id) ? undefined : `/api/trajectories/${encodeURIComponent(id)}`;
}

/** The GRPO group page of one question in one epoch of one training. */
export function groupHref(trainingId: string, epoch: number, dataId: string): string {
  return `/groups/${encodeURIComponent(trainingId)}/${epoch}/${encodeURIComponent(dataId)}`;
}

/** One question side by side in several runs (all runs when none are named; each run's last epoch without one). */
export function questionRunsHref(
  dataId: string,
  trainingIds: readonly string[] = [],
  epoch?: number,
): string {
  const search = new URLSearchParams();
  if (trainingIds.length > 0) search.set('training_id', trainingIds.join(','));
  if (epoch !== undefined) search.set('epoch_id', String(epoch));
  const query = search.toString();
  return `/questions/${encodeURIComponent(dataId)}${query ? `?${query}` : ''}`;
}

/** The page that asks for two runs to compare question by question. */
export const DISAGREEMENT_PATH = '/questions';

/** The questions two runs disagree on most. */
export function disagreementHref(first: string, second: string): string {
  return `${DISAGREEMENT_PATH}?${new URLSearchParams({ training_ids: `${first},${second}` }).toString()}`;
}

/** The page of the diff of two sides (runs × epochs), question by question. */
export const DIFF_PATH = '/diff';

/** One side of a diff: a run at an epoch. */
export interface DiffSideRef {
  training_id: string;
  epoch_id: number;
}

/**
 * The diff of side a against side b, in the shortest of its three forms: one run at two epochs (`training_id`,
 * `epoch_a`, `epoch_b`), two runs at one epoch (`training_ids`, `epoch_id`), or two runs at two epochs (`training_ids`,
 * `epoch_a`, `epoch_b`). `extra` carries filters, `solved_rate` or a page along.
 */
export function diffHref(a: DiffSideRef, b: DiffSideRef, extra: DashboardPatch = {}): string {
  const sides: DashboardPatch =
    a.training_id === b.training_id
      ? { training_id: [a.training_id], epoch_a: a.epoch_id, epoch_b: b.epoch_id }
      : a.epoch_id === b.epoch_id
        ? { training_ids: [a.training_id, b.training_id], epoch_id: a.epoch_id }
        : { training_ids: [a.training_id, b.training_id], epoch_a: a.epoch_id, epoch_b: b.epoch_id };
  return `${DIFF_PATH}${serializeDashboard({ ...extra, ...sides })}`;
}

/** The Notes page: the team's notes, most recent first. */
export const NOTES_PATH = '/notes';

/** The Notes page keeping the notes with any of `label` and/or by `author`. */
export function notesHref({
  label,
  author,
}: { label?: string[] | null; author?: string | null } = {}): string {
  return `${NOTES_PATH}${serializeDashboard({ label: label?.length ? label : null, author: author ?? null })}`;
}
