'use client';

import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
  type ReactNode,
  type TransitionStartFunction,
} from 'react';
import { ariaSort, nextRunSort, type GroupChoice } from '@/lib/chart-data/runs-table';
import type { RunGroup, RunSortColumn } from '@/lib/params/table';
import { comparisonHref, PARAMS, viewParsers } from '@/lib/search-params';

/**
 * The client leaves of the home page's runs table. The table itself is drawn on the server from the URL (`runs_q`,
 * `runs_sort`, `runs_group`); these controls write those parameters (a server render follows) and hold the one piece
 * of state that stays in the browser: the runs ticked for a comparison. The ticks are a pick for one action, not a
 * view to share, so they are not in the URL; the link they make is (the comparison tab's `training_ids`). They survive
 * searching, sorting and grouping, so runs can be ticked from several searches.
 */

const TABLE_PARSERS = {
  runs_q: viewParsers.runs_q,
  runs_sort: viewParsers.runs_sort,
  runs_group: viewParsers.runs_group,
};

interface RunsTableContext {
  startTransition: TransitionStartFunction;
  isPending: boolean;
  /** Ticked runs, in the order they were ticked (the first is the comparison's baseline). */
  selected: readonly string[];
  toggle(id: string, on: boolean): void;
  clear(): void;
}

const Context = createContext<RunsTableContext | null>(null);

function useRunsTable(): RunsTableContext {
  const context = useContext(Context);
  if (!context) throw new Error('runs table controls need a <RunsTableProvider>');
  return context;
}

/** The table's URL parameters, written inside the provider's transition (the table dims while the server renders). */
function useTableParams(history: 'push' | 'replace' = 'push') {
  const { startTransition } = useRunsTable();
  return useQueryStates(TABLE_PARSERS, { shallow: false, scroll: false, history, startTransition });
}

/** Holds the ticked runs and the pending state of the table's URL changes, around the controls and the table. */
export function RunsTableProvider({ children }: { children: ReactNode }) {
  const [isPending, startTransition] = useTransition();
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((current) =>
        on ? (current.includes(id) ? current : [...current, id]) : current.filter((x) => x !== id),
      ),
    [],
  );
  const clear = useCallback(() => setSelected([]), []);
  const value = useMemo(
    () => ({ startTransition, isPending, selected, toggle, clear }),
    [startTransition, isPending, selected, toggle, clear],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Dims the table while a new order or search is rendered on the server. */
export function PendingRegion({ children }: { children: ReactNode }) {
  const { isPending } = useRunsTable();
  return (
    <div
      aria-busy={isPending}
      data-testid="runs-table-region"
      className={`transition-opacity ${isPending ? 'opacity-60' : ''}`}
    >
      {children}
    </div>
  );
}

const SEARCH_DELAY_MS = 250;

/** Filters the runs by name, agent or dataset (`runs_q`), a moment after typing stops. */
export function RunSearch({ total }: { total: number }) {
  const [{ runs_q }, setParams] = useTableParams('replace');
  const [text, setText] = useState(runs_q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useRef(false);
  // Back and forward change the URL under the box: follow it unless the user is typing.
  useEffect(() => {
    if (!typing.current) setText(runs_q ?? '');
  }, [runs_q]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const write = (value: string) => {
    setText(value);
    typing.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      typing.current = false;
      void setParams({ runs_q: value.trim() === '' ? null : value });
    }, SEARCH_DELAY_MS);
  };
  return (
    <div className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
      <label htmlFor="runs-search" className="text-xs font-medium">
        Search runs
      </label>
      <input
        id="runs-search"
        type="search"
        value={text}
        onChange={(event) => write(event.target.value)}
        placeholder={`name, agent or dataset (${total} runs)`}
        autoComplete="off"
        spellCheck={false}
        maxLength={PARAMS.runs_q.maxLength}
        data-testid="runs-search"
        className="w-full min-w-0 rounded-md border border-tremor-border bg-tremor-background px-2 py-1.5 text-sm sm:w-72 dark:border-dark-tremor-border dark:bg-dark-tremor-background"
      />
    </div>
  );
}

/** Groups the rows by agent, dataset or a part of the run name (`runs_group`). */
export function RunGrouping({ choices }: { choices: readonly GroupChoice[] }) {
  const [{ runs_group }, setParams] = useTableParams();
  return (
    <div className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
      <label htmlFor="runs-group" className="text-xs font-medium">
        Group by
      </label>
      <select
        id="runs-group"
        value={runs_group ?? ''}
        onChange={(event) =>
          void setParams({ runs_group: event.target.value === '' ? null : (event.target.value as RunGroup) })
        }
        aria-describedby="runs-group-rule"
        data-testid="runs-group-select"
        className="w-full min-w-0 rounded-md border border-tremor-border bg-tremor-background px-2 py-1.5 text-sm sm:w-72 dark:border-dark-tremor-border dark:bg-dark-tremor-background"
      >
        <option value="">No grouping</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const ARROWS = { ascending: '▲', descending: '▼', none: '↕' } as const;

/**
 * A column header that sorts the table: a button inside the `<th>`, whose `aria-sort` says the current order. The
 * first click sorts names A→Z and figures or times largest or newest first; the next click reverses.
 */
export function SortableHeader({
  column,
  label,
  title,
  align = 'left',
  className = '',
}: {
  column: RunSortColumn;
  label: ReactNode;
  title: string;
  align?: 'left' | 'right';
  className?: string;
}) {
  const [{ runs_sort }, setParams] = useTableParams();
  const sort = ariaSort(runs_sort, column);
  return (
    <th
      scope="col"
      aria-sort={sort}
      data-column={column}
      className={`px-1.5 py-2 font-medium ${align === 'right' ? 'text-right' : 'text-left'} ${className}`}
    >
      <button
        type="button"
        title={title}
        onClick={() => void setParams({ runs_sort: nextRunSort(runs_sort, column) })}
        className={`inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-tremor-background-subtle hover:text-tremor-content-strong focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:hover:bg-dark-tremor-background-subtle ${align === 'right' ? 'flex-row-reverse' : ''} ${sort === 'none' ? '' : 'text-tremor-content-strong dark:text-dark-tremor-content-strong'}`}
      >
        <span>{label}</span>
        <span aria-hidden="true" className={`text-[10px] ${sort === 'none' ? 'opacity-40' : ''}`}>
          {ARROWS[sort]}
        </span>
      </button>
    </th>
  );
}

/** The tick that picks a run for the comparison. */
export function RunCheckbox({ id }: { id: string }) {
  const { selected, toggle } = useRunsTable();
  return (
    <input
      type="checkbox"
      checked={selected.includes(id)}
      onChange={(event) => toggle(id, event.target.checked)}
      aria-label={`Select ${id} to compare`}
      data-testid="run-select"
      className="h-4 w-4 shrink-0 accent-tremor-brand"
    />
  );
}

/**
 * "Compare selected (N)": a link to the comparison tab of the ticked runs in the order they were ticked (the first is
 * the baseline), from two runs on; a disabled link before.
 */
export function CompareSelected({ max, maxHrefChars }: { max: number; maxHrefChars: number }) {
  const { selected, clear } = useRunsTable();
  const count = selected.length;
  const label = `Compare selected (${count})`;
  const href = comparisonHref(selected);
  const tooLong = href.length > maxHrefChars;
  const enabled = count >= 2 && count <= max && !tooLong;
  const hint =
    count > max
      ? `The comparison takes at most ${max} runs`
      : tooLong
        ? 'Too many long names for one link: untick some runs'
        : count < 2
          ? 'Tick two runs or more to compare them'
          : `Opens the comparison of the ${count} ticked runs; the first ticked is the baseline`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {enabled ? (
        <Link
          prefetch={false}
          href={href}
          title={hint}
          data-testid="compare-selected"
          className="rounded-md bg-tremor-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-tremor-brand-emphasis"
        >
          {label}
        </Link>
      ) : (
        <a
          role="link"
          aria-disabled="true"
          title={hint}
          data-testid="compare-selected"
          className="cursor-not-allowed rounded-md border border-tremor-border px-3 py-1.5 text-sm text-tremor-content-subtle dark:border-dark-tremor-border"
        >
          {label}
        </a>
      )}
      {count > 0 ? (
        <button
          type="button"
          onClick={clear}
          className="text-sm text-tremor-brand hover:underline dark:text-dark-tremor-brand"
        >
          Clear
        </button>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {count === 0 ? '' : `${count} selected`}
      </span>
    </div>
  );
}
