import type { ReactNode } from 'react';
import { Swatch } from '@/components/ui/badge';
import { BreakableName } from '@/components/ui/breakable-name';
import { TextLink } from '@/components/ui/links';
import { runColor } from '@/lib/chart-data/colors';
import { formatInteger, formatPercent, formatPercentPoints, formatReward } from '@/lib/chart-data/format';
import { uniqueShortNames } from '@/lib/chart-data/names';
import { formatTimeAgo, formatTimestamp } from '@/lib/chart-data/recency';
import { groupTitle, type RunGroupView, type RunRow } from '@/lib/chart-data/runs-table';
import { TREND_WORDS, type TrendDirection } from '@/lib/chart-data/sparkline';
import type { RunGroup } from '@/lib/params/table';
import { progressHref } from '@/lib/search-params';
import { CopyName } from './copy-name';
import { PassSparkline } from './pass-sparkline';
import { RunCheckbox, SortableHeader } from './runs-table-controls';

export type { RunRow } from '@/lib/chart-data/runs-table';

/**
 * Most characters of a run name before it is shortened in the middle: in the sticky column of a narrow screen (below
 * 1024 px, where the table scrolls sideways), and wider. A name within them shows whole, wrapping after its separators
 * (tau2's `tau2-<domain>-<provider>/<model>-<timestamp>` differ in the middle and at the end, so no part may go).
 */
export const NAME_CHARS = { narrow: 80, wide: 96 };

const CHANGE_CLASSES: Record<TrendDirection, string> = {
  up: 'text-emerald-700 dark:text-emerald-400',
  down: 'text-rose-700 dark:text-rose-400',
  flat: 'text-tremor-content dark:text-dark-tremor-content',
  none: 'text-tremor-content dark:text-dark-tremor-content',
};

export interface TrainingTableProps {
  /** The rows in groups, in the order to show them (one group without a grouping). */
  groups: RunGroupView[];
  /** The grouping the groups come from (their header rows say it); null: no group headers. */
  group: RunGroup | null;
  /** The time "updated … ago" counts from, in milliseconds. */
  now: number;
  /** A run's health badge (the page loads every run's alerts once); no Health column without it. */
  health?: (trainingId: string) => ReactNode;
}

/** A run none of whose trajectories has a score: no pass rate or reward, never a 0. */
function Unscored() {
  return (
    <span
      className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
      title="No trajectory of this run has a score (its logs gave none)"
    >
      unscored
    </span>
  );
}

const CELL = 'px-1.5 py-2';
const NUMBER = `${CELL} text-right tabular-nums`;
/** The run column stays in view while a narrow screen scrolls the table sideways. */
const STICKY = 'sticky left-0 z-10 bg-inherit shadow-[1px_0_0_0_#e5e7eb] dark:shadow-[1px_0_0_0_#374151]';

/** A run's name shortened for each screen width. */
type ShortNames = Record<keyof typeof NAME_CHARS, string>;

/** The name at each screen width (one text when they agree), wrapping after its separators. */
function NameText({ narrow, wide }: ShortNames) {
  if (narrow === wide) return <BreakableName name={wide} />;
  return (
    <>
      <span className="lg:hidden">
        <BreakableName name={narrow} />
      </span>
      <span className="hidden lg:inline">
        <BreakableName name={wide} />
      </span>
    </>
  );
}

/**
 * A run's name: its colour, the name wrapping after its separators (shortened in the middle past NAME_CHARS; all of it
 * on hover and when copied), its agent and dataset.
 */
function RunName({ row, names }: { row: RunRow; names: ShortNames }) {
  const details = [row.agent, row.dataset].filter((part): part is string => part !== null);
  return (
    <div className="flex items-center gap-2">
      <RunCheckbox id={row.id} />
      <Swatch color={runColor(row.id)} />
      <div className="min-w-0">
        <div className="flex items-start gap-1">
          <TextLink
            className="w-max max-w-[9rem] shrink-0 whitespace-normal font-medium lg:max-w-[16rem] min-[1400px]:max-w-[26rem]"
            href={progressHref(row.id, row.latest?.epoch)}
            title={`${row.id} — opens its Progress tab: every epoch's curves${row.latest ? `, epoch ${row.latest.epoch} (its latest) selected` : ''}`}
            aria-label={row.id}
            data-testid="run-name"
          >
            <NameText {...names} />
          </TextLink>
          <CopyName name={row.id} />
        </div>
        {details.length > 0 ? (
          <div className="max-w-[9rem] whitespace-normal text-xs text-tremor-content-subtle [overflow-wrap:anywhere] lg:max-w-[16rem] lg:truncate min-[1400px]:max-w-[26rem] dark:text-dark-tremor-content-subtle">
            {details.join(' · ')}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Pass@1 of the last scored epoch and its 95 % interval. */
function LatestPass({ latest }: { latest: RunRow['latest'] }) {
  if (!latest || latest.passAt1 === null) return <Unscored />;
  const interval = latest.ci ? `${formatPercent(latest.ci.low)}–${formatPercent(latest.ci.high)}` : null;
  return (
    <span
      title={`pass@1 of epoch ${latest.epoch}: ${formatPercent(latest.passAt1)}${interval ? `, 95% interval ${interval} (over its questions, as the Progress tab's band)` : ''}`}
    >
      <span className="block">{formatPercent(latest.passAt1)}</span>
      {interval ? (
        <span
          className="block text-[11px] text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
          data-testid="pass-interval"
        >
          {interval}
        </span>
      ) : null}
    </span>
  );
}

/** The trend: the sparkline and the change from the first scored epoch, coloured alike. */
function Trend({ row }: { row: RunRow }) {
  if (row.trend.length === 0) return <Unscored />;
  return (
    <div className="flex items-center justify-end gap-2">
      <PassSparkline points={row.trend} direction={row.direction} name={row.id} />
      <span
        className={`w-14 text-right tabular-nums ${CHANGE_CLASSES[row.direction]}`}
        title={
          row.change === null
            ? 'one scored epoch: no change yet'
            : `pass@1 of the last epoch minus that of the first: ${formatPercentPoints(row.change)}, ${TREND_WORDS[row.direction]}`
        }
        data-testid="run-change"
      >
        {row.change === null ? '—' : formatPercentPoints(row.change)}
      </span>
    </div>
  );
}

/**
 * Every run with where it stands now and how it got there: the morning check in one table. Sorted, searched and
 * grouped on the server from the URL; the header buttons, the ticks and the copy buttons are the client leaves.
 */
export function TrainingTable({ groups, group, now, health }: TrainingTableProps) {
  const rows = groups.flatMap((g) => g.rows);
  const ids = rows.map((row) => row.id);
  const [narrow, wide] = [NAME_CHARS.narrow, NAME_CHARS.wide].map((chars) => uniqueShortNames(ids, chars));
  const names = new Map(ids.map((id, i) => [id, { narrow: narrow[i], wide: wide[i] }]));
  const columns = health ? 9 : 8;
  return (
    <div className="max-w-full overflow-x-auto rounded-lg border border-tremor-border bg-tremor-background shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <table className="w-full whitespace-nowrap text-left text-sm" data-testid="training-list">
        <thead className="border-b border-tremor-border bg-tremor-background text-xs text-tremor-content dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:text-dark-tremor-content">
          <tr className="bg-tremor-background dark:bg-dark-tremor-background">
            <SortableHeader
              column="name"
              label="Run"
              title="Sort by name (numbers in names in numeric order). A run's name opens its Progress tab."
              className={`${STICKY} pl-3`}
            />
            {health ? (
              <SortableHeader
                column="health"
                label="Health"
                title="Sort by health: critical alerts, then warnings, then healthy; runs not judged last. A badge opens the Health tab."
              />
            ) : null}
            <SortableHeader
              column="change"
              label="Pass@1 trend"
              title="Pass@1 epoch by epoch on a 0–100% scale, and the last scored epoch minus the first: green when it rose by more than noise (the two epochs' 95% intervals), red when it fell, grey within noise. Sorts by the change."
              align="right"
            />
            <SortableHeader
              column="pass"
              label="Pass@1 now"
              title="Sort by pass@1 of the last scored epoch (its 95% interval below it)"
              align="right"
            />
            <SortableHeader
              column="reward"
              label="Reward now"
              title="Sort by the average reward of the last scored epoch"
              align="right"
            />
            <SortableHeader
              column="trajectories"
              label="Trajectories"
              title="Sort by the number of trajectories"
              align="right"
            />
            <SortableHeader
              column="epochs"
              label="Epochs"
              title="Sort by the number of epochs (then the last epoch)"
              align="right"
            />
            <SortableHeader column="updated" label="Updated" title="Sort by the time of the latest rollout" />
            <SortableHeader
              column="started"
              label="Started"
              title="Sort by the time of the first rollout (dates in UTC)"
            />
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key ?? '\u0000none'} data-testid="run-group" data-group={g.key ?? ''}>
            {group !== null ? (
              <tr className="border-b border-tremor-border bg-tremor-background-subtle dark:border-dark-tremor-border dark:bg-dark-tremor-background-subtle">
                <th scope="colgroup" colSpan={columns} className="px-3 py-1.5 text-left text-xs font-normal">
                  <span className="sticky left-3" data-testid="run-group-header">
                    <span className="text-tremor-content dark:text-dark-tremor-content">
                      {groupTitle(group)}:{' '}
                    </span>
                    <span className="font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
                      {g.label}
                    </span>
                    <span className="text-tremor-content dark:text-dark-tremor-content">
                      {' '}
                      · {g.rows.length} {g.rows.length === 1 ? 'run' : 'runs'}
                      {g.up > 0 ? ` · ${g.up} up` : ''}
                      {g.down > 0 ? ` · ${g.down} down` : ''}
                    </span>
                  </span>
                </th>
              </tr>
            ) : null}
            {g.rows.map((row) => (
              <tr
                key={row.id}
                data-testid="run-row"
                data-run={row.id}
                className="border-b border-tremor-border bg-tremor-background last:border-0 hover:bg-tremor-background-muted has-[:checked]:bg-tremor-brand-faint dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:hover:bg-dark-tremor-background-muted dark:has-[:checked]:bg-dark-tremor-brand-faint"
              >
                <td className={`${CELL} ${STICKY} pl-3`}>
                  <RunName row={row} names={names.get(row.id)!} />
                </td>
                {health ? (
                  <td className={CELL} data-testid="training-health">
                    {health(row.id)}
                  </td>
                ) : null}
                <td className={`${CELL} py-1`}>
                  <Trend row={row} />
                </td>
                <td className={NUMBER} data-testid="run-pass">
                  <LatestPass latest={row.latest} />
                </td>
                <td className={NUMBER}>
                  {row.latest && row.latest.reward !== null ? formatReward(row.latest.reward) : <Unscored />}
                </td>
                <td className={NUMBER}>{formatInteger(row.trajectories)}</td>
                <td
                  className={NUMBER}
                  title={`${row.epochCount} ${row.epochCount === 1 ? 'epoch' : 'epochs'}`}
                  data-testid="run-epochs"
                >
                  {/* How many, then which: a one-epoch run's "0" alone would read as none. */}
                  <span className="block">{formatInteger(row.epochCount)}</span>
                  <span className="block text-[11px] text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                    {row.epochRange[0] === row.epochRange[1]
                      ? `epoch ${row.epochRange[0]}`
                      : `${row.epochRange[0]}–${row.epochRange[1]}`}
                  </span>
                </td>
                <td
                  className={`${CELL} tabular-nums`}
                  data-testid="training-updated"
                  title={formatTimestamp(row.updatedAt)}
                >
                  {formatTimeAgo(row.updatedAt, now)}
                </td>
                <td className={`${CELL} tabular-nums`} title={formatTimestamp(row.startedAt)}>
                  {formatTimestamp(row.startedAt).slice(0, 10)}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
