import type { TrainingSummary } from '../analysis/stats/training-list';
import {
  MAX_NAME_PARTS,
  RUN_SORT_COLUMNS,
  type RunGroup,
  type RunSort,
  type RunSortColumn,
} from '../params/table';
import { lastActivity } from './recency';
import { trendDirection, type MeasuredPass, type SparkPoint, type TrendDirection } from './sparkline';

/**
 * The home page's runs table: one row per run, searched, sorted and grouped as its URL says (`runs_q`, `runs_sort`,
 * `runs_group`). Pure: the page computes the figures once for every run and passes them here.
 */

/** A run's figures epoch by epoch, as the page computes them for every run at once (scored trajectories only). */
export interface RunFigures {
  /** The dataset most of the run's trajectories come from, with its domain when their ids say it (questionSet); null when none is recorded. */
  dataset: string | null;
  /** Scored epochs, ascending. */
  epochs: { epoch: number; passAt1: number | null; reward: number | null; trajectories: number }[];
  /** Pass@1 of the first scored epoch with its 95 % interval (the Progress tab's band). */
  first: (MeasuredPass & { epoch: number }) | null;
  /** The last scored epoch: pass@1 with its 95 % interval, and the average reward. */
  latest: (MeasuredPass & { epoch: number; reward: number | null }) | null;
}

export interface RunRow {
  id: string;
  agent: string | null;
  dataset: string | null;
  trajectories: number;
  epochRange: [number, number];
  epochCount: number;
  /** Unix seconds; null when no time is recorded. */
  startedAt: number | null;
  updatedAt: number | null;
  /** Pass@1 per scored epoch (the sparkline). */
  trend: SparkPoint[];
  /** The last scored epoch: pass@1 with its interval and the average reward; null for an unscored run. */
  latest: { epoch: number; passAt1: number | null; ci: MeasuredPass['ci']; reward: number | null } | null;
  /** Pass@1 of the last scored epoch minus that of the first; null with fewer than two. */
  change: number | null;
  direction: TrendDirection;
  /** How bad its health is for sorting (see {@link healthScore}); null when not known or not yet loaded. */
  health: number | null;
}

/**
 * The set of questions a trajectory answers, as the runs table names a run's dataset: the dataset and the part of the
 * question id between it and a colon (`tau2/airline_tighter_policy` of `tau2/airline_tighter_policy:11`, the domain
 * the tau2 and tau-bench importers put there), else the dataset alone. Null without a dataset.
 */
export function questionSet(dataset: string | null, dataId: string | null): string | null {
  if (dataset === null) return null;
  if (dataId === null || !dataId.startsWith(`${dataset}/`)) return dataset;
  const rest = dataId.slice(dataset.length + 1);
  const colon = rest.indexOf(':');
  const part = colon > 0 ? rest.slice(0, colon) : '';
  return part !== '' && !part.includes('/') ? `${dataset}/${part}` : dataset;
}

/** A table row from the training list's entry and the run's figures (none for a run without a scored trajectory). */
export function runRow(training: TrainingSummary, figures: RunFigures | undefined): RunRow {
  const first = figures?.first ?? null;
  const latest = figures?.latest ?? null;
  const twoEpochs = first !== null && latest !== null && first.epoch !== latest.epoch;
  return {
    id: training.training_id,
    agent: training.agent_name,
    dataset: figures?.dataset ?? null,
    trajectories: training.trajectory_count,
    epochRange: training.epoch_range,
    epochCount: training.epoch_count,
    startedAt: training.created_at,
    updatedAt: lastActivity(training),
    trend: figures?.epochs.map((e) => ({ epoch: e.epoch, value: e.passAt1 })) ?? [],
    latest: latest && {
      epoch: latest.epoch,
      passAt1: latest.value,
      ci: latest.ci,
      reward: latest.reward,
    },
    change: twoEpochs && first.value !== null && latest.value !== null ? latest.value - first.value : null,
    direction: twoEpochs ? trendDirection(first, latest) : 'none',
    health: null,
  };
}

/**
 * A run's health as a number to sort by, the worse the larger: critical alerts above warnings, more alerts above
 * fewer, a healthy run 0; null when its health is unknown (not judged yet, could not be computed).
 */
export function healthScore(level: 'critical' | 'warning' | 'ok' | 'unknown', count: number): number | null {
  if (level === 'unknown') return null;
  if (level === 'ok') return 0;
  return (level === 'critical' ? 10_000 : 1) * Math.max(1, count);
}

// ---------------------------------------------------------------------------------------------------------------------
// Search

/** The words of a search: lower case, split on white space. */
export function searchWords(query: string | null | undefined): string[] {
  return (query ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
}

/** Whether every word of the search is in the run's name, agent or dataset (case-insensitive; a word never spans two). */
export function matchesRunSearch(
  row: Pick<RunRow, 'id' | 'agent' | 'dataset'>,
  query: string | null | undefined,
): boolean {
  const words = searchWords(query);
  if (words.length === 0) return true;
  const haystack = [row.id, row.agent ?? '', row.dataset ?? ''].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

// ---------------------------------------------------------------------------------------------------------------------
// Sort

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Run names in the order people number them (`seed-2` before `seed-10`), then by code point so no two tie. */
export function compareNames(a: string, b: string): number {
  return natural.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The column and direction of a sort: `-pass` is pass@1 descending. */
export function parseRunSort(sort: RunSort): { column: RunSortColumn; descending: boolean } {
  const descending = sort.startsWith('-');
  return { column: (descending ? sort.slice(1) : sort) as RunSortColumn, descending };
}

/** The number a column sorts by (null sorts last in both directions). */
const SORT_VALUES: Record<Exclude<RunSortColumn, 'name'>, (row: RunRow) => number | null> = {
  health: (row) => row.health,
  trajectories: (row) => row.trajectories,
  // Epochs counted, then the last epoch's number.
  epochs: (row) => row.epochCount * 1e9 + row.epochRange[1],
  pass: (row) => row.latest?.passAt1 ?? null,
  change: (row) => row.change,
  reward: (row) => row.latest?.reward ?? null,
  updated: (row) => row.updatedAt,
  started: (row) => row.startedAt,
};

/**
 * The rows in the order of a sort: by the column, ascending or descending; rows without a value (an unscored run's
 * pass@1, a run never judged) last whichever the direction; ties by name, so the order never flickers.
 */
export function sortRuns(rows: readonly RunRow[], sort: RunSort): RunRow[] {
  const { column, descending } = parseRunSort(sort);
  const sign = descending ? -1 : 1;
  if (column === 'name') return [...rows].sort((a, b) => sign * compareNames(a.id, b.id));
  const value = SORT_VALUES[column];
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y);
    }
    return compareNames(a.id, b.id);
  });
}

/** The direction a column sorts in on its first click: names A to Z, figures and times largest or newest first. */
export function firstSort(column: RunSortColumn): RunSort {
  return column === 'name' ? 'name' : `-${column}`;
}

/** The sort after clicking a column's header: the other direction when it is the sorted column, else its first. */
export function nextRunSort(current: RunSort, column: RunSortColumn): RunSort {
  const { column: sorted, descending } = parseRunSort(current);
  if (sorted !== column) return firstSort(column);
  return descending ? column : `-${column}`;
}

/** The `aria-sort` of a column's header under a sort. */
export function ariaSort(current: RunSort, column: RunSortColumn): 'ascending' | 'descending' | 'none' {
  const { column: sorted, descending } = parseRunSort(current);
  if (sorted !== column) return 'none';
  return descending ? 'descending' : 'ascending';
}

/** Every sortable column (the table has a header button for each). */
export const SORT_COLUMNS: readonly RunSortColumn[] = RUN_SORT_COLUMNS;

// ---------------------------------------------------------------------------------------------------------------------
// Group

/** What a run name is cut at to find its parts. */
export const NAME_PART_SEPARATORS = /[-/_]/u;

/**
 * The N-th piece (1-based) of a run name cut at every `-`, `/` and `_`, empty pieces skipped: part 3 of
 * `tau2-384954369-airline-xai/grok-3` is `airline`, part 5 `grok`. Null when the name has fewer pieces.
 */
export function namePart(name: string, n: number): string | null {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`namePart: bad part ${n}`);
  return name.split(NAME_PART_SEPARATORS).filter(Boolean)[n - 1] ?? null;
}

/** The part number of a `partN` grouping, or null for agent / dataset. */
export function groupPart(group: RunGroup): number | null {
  return group.startsWith('part') ? Number(group.slice(4)) : null;
}

/** How a grouping is named in the UI: "Agent", "Dataset", "Name part 3". */
export function groupTitle(group: RunGroup): string {
  const part = groupPart(group);
  if (part !== null) return `Name part ${part}`;
  return group === 'agent' ? 'Agent' : 'Dataset';
}

/** The key a run falls under in a grouping (null: it has none). */
export function groupKey(row: Pick<RunRow, 'id' | 'agent' | 'dataset'>, group: RunGroup): string | null {
  const part = groupPart(group);
  if (part !== null) return namePart(row.id, part);
  return group === 'agent' ? row.agent : row.dataset;
}

export interface RunGroupView {
  /** The shared value; null for the runs that have none. */
  key: string | null;
  /** "airline", or "no agent" / "no dataset" / "no part 5". */
  label: string;
  rows: RunRow[];
  /** How many of them went up / down beyond noise. */
  up: number;
  down: number;
}

function noneLabel(group: RunGroup): string {
  const part = groupPart(group);
  return part !== null ? `no part ${part}` : `no ${group}`;
}

/**
 * The rows in groups of the same key, the groups in name order (the runs without a key last), each keeping the order
 * of `rows`. Without a grouping, one group of every row.
 */
export function groupRuns(rows: readonly RunRow[], group: RunGroup | null): RunGroupView[] {
  const tally = (key: string | null, label: string, members: RunRow[]): RunGroupView => ({
    key,
    label,
    rows: members,
    up: members.filter((row) => row.direction === 'up').length,
    down: members.filter((row) => row.direction === 'down').length,
  });
  if (group === null) return [tally(null, '', [...rows])];
  const byKey = new Map<string | null, RunRow[]>();
  for (const row of rows) {
    const key = groupKey(row, group);
    const members = byKey.get(key);
    if (members) members.push(row);
    else byKey.set(key, [row]);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareNames(a, b)));
  return keys.map((key) => tally(key, key ?? noneLabel(group), byKey.get(key)!));
}

export interface GroupChoice {
  value: RunGroup;
  /** "Name part 3 (airline, retail, …)". */
  label: string;
}

/**
 * The groupings worth offering for these run names: agent, dataset, and each name part that at least one run has,
 * shown with a few of its values so the rule explains itself (`Name part 3 (airline, retail, …)`).
 */
export function groupChoices(names: readonly string[]): GroupChoice[] {
  const parts = names.map((name) => name.split(NAME_PART_SEPARATORS).filter(Boolean));
  const most = Math.min(MAX_NAME_PARTS, Math.max(0, ...parts.map((p) => p.length)));
  const choices: GroupChoice[] = [
    { value: 'agent', label: 'Agent' },
    { value: 'dataset', label: 'Dataset' },
  ];
  for (let n = 1; n <= most; n++) {
    const values = [...new Set(parts.flatMap((p) => (p[n - 1] === undefined ? [] : [p[n - 1]])))];
    const shown = values.slice(0, 3).join(', ');
    choices.push({
      value: `part${n}`,
      label: `Name part ${n} (${values.length > 3 ? `${shown}, …` : shown})`,
    });
  }
  return choices;
}

// ---------------------------------------------------------------------------------------------------------------------
// The whole view

export interface RunsTableState {
  q: string | null;
  sort: RunSort;
  group: RunGroup | null;
}

export interface RunsTableView {
  groups: RunGroupView[];
  /** Rows shown / rows there are. */
  shown: number;
  total: number;
}

/** Search, then sort, then group. */
export function runsTableView(rows: readonly RunRow[], state: RunsTableState): RunsTableView {
  const matching = rows.filter((row) => matchesRunSearch(row, state.q));
  return {
    groups: groupRuns(sortRuns(matching, state.sort), state.group),
    shown: matching.length,
    total: rows.length,
  };
}
