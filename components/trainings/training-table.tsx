import Link from 'next/link';
import type { ReactNode } from 'react';
import type { TrainingSummary } from '@/lib/analysis/stats/training-list';
import { formatInteger, formatPercent, formatPercentPoints, formatReward } from '@/lib/chart-data/format';
import { formatTimeAgo, formatTimestamp, lastActivity } from '@/lib/chart-data/recency';
import type { TrainingTrend } from '@/lib/chart-data/training-trend';
import { trainingHref } from '@/lib/search-params';
import { PassSparkline } from './pass-sparkline';
import { TextLink } from '@/components/ui/links';

export interface TrainingRow {
  training: TrainingSummary;
  trend: TrainingTrend;
}

function changeClass(change: number | null): string {
  if (change === null || Math.abs(change) < 0.005) return 'text-tremor-content dark:text-dark-tremor-content';
  return change > 0 ? 'text-emerald-600 dark:text-emerald-400' : 'text-rose-600 dark:text-rose-400';
}

export interface TrainingTableProps {
  /** In the order to show them (the home page puts the most recently active first). */
  rows: TrainingRow[];
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

/** Every run with where it stands now and how it got there: the morning check in one table. */
export function TrainingTable({ rows, now, health }: TrainingTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-tremor-border bg-tremor-background shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <table className="w-full whitespace-nowrap text-left text-sm" data-testid="training-list">
        <thead className="border-b border-tremor-border text-xs uppercase tracking-wide text-tremor-content dark:border-dark-tremor-border dark:text-dark-tremor-content">
          <tr>
            <th className="px-3 py-3 font-medium">Training</th>
            {health ? (
              <th
                className="px-3 py-3 font-medium"
                title="the worst health alert and how many; opens the Health tab"
              >
                Health
              </th>
            ) : null}
            <th className="px-3 py-3 text-right font-medium">Trajectories</th>
            <th className="px-3 py-3 text-right font-medium">Epochs</th>
            <th className="px-3 py-3 font-medium">Pass@1 by epoch</th>
            <th className="px-3 py-3 text-right font-medium" title="pass@1 of the last epoch">
              Pass@1 now
            </th>
            <th
              className="px-3 py-3 text-right font-medium"
              title="pass@1 of the last epoch minus that of the first"
            >
              Change
            </th>
            <th className="px-3 py-3 text-right font-medium" title="average reward of the last epoch">
              Reward now
            </th>
            <th className="px-3 py-3 font-medium" title="time of the latest rollout; most recent first">
              Updated
            </th>
            <th className="px-3 py-3 font-medium" title="time of the first rollout (UTC)">
              Started
            </th>
            <th className="px-3 py-3 font-medium">Views</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ training: t, trend }) => (
            <tr
              key={t.training_id}
              className="border-b border-tremor-border last:border-0 dark:border-dark-tremor-border"
            >
              <td className="px-3 py-3">
                <TextLink className="font-medium" href={trainingHref(t.training_id)}>
                  {t.training_id}
                </TextLink>
                {t.agent_name ? (
                  <div className="text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                    {t.agent_name}
                  </div>
                ) : null}
              </td>
              {health ? (
                <td className="px-3 py-3" data-testid="training-health">
                  {health(t.training_id)}
                </td>
              ) : null}
              <td className="px-3 py-3 text-right tabular-nums">{formatInteger(t.trajectory_count)}</td>
              <td className="px-3 py-3 text-right tabular-nums">
                {t.epoch_range[0] === t.epoch_range[1]
                  ? t.epoch_range[0]
                  : `${t.epoch_range[0]}–${t.epoch_range[1]}`}
              </td>
              <td className="px-3 py-2">
                <PassSparkline rows={trend.rows} label={`Pass@1 by epoch of ${t.training_id}`} />
              </td>
              <td className="px-3 py-3 text-right tabular-nums">
                {trend.latest ? formatPercent(trend.latest.pass_at_1) : <Unscored />}
              </td>
              <td className={`px-3 py-3 text-right tabular-nums ${changeClass(trend.change)}`}>
                {trend.change === null ? '—' : formatPercentPoints(trend.change)}
              </td>
              <td className="px-3 py-3 text-right tabular-nums">
                {trend.latest ? formatReward(trend.latest.avg_reward) : <Unscored />}
              </td>
              <td
                className="px-3 py-3 tabular-nums"
                data-testid="training-updated"
                title={formatTimestamp(lastActivity(t))}
              >
                {formatTimeAgo(lastActivity(t), now)}
              </td>
              <td className="px-3 py-3 tabular-nums" title={formatTimestamp(t.created_at)}>
                {formatTimestamp(t.created_at).slice(0, 10)}
              </td>
              <td className="space-x-3 whitespace-nowrap px-3 py-3">
                <Link
                  prefetch={false}
                  className="hover:underline"
                  href={trainingHref(t.training_id, 'progress')}
                >
                  Progress
                </Link>
                <Link
                  prefetch={false}
                  className="hover:underline"
                  href={trainingHref(t.training_id, 'failures')}
                >
                  Failures
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
