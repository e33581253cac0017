import type { RewardCategoryStats } from '@/lib/analysis/stats/reward-category-stats';
import { formatInteger, formatPercent, formatReward } from '@/lib/chart-data/format';
import { rewardBars } from '@/lib/chart-data/overview';
import { Swatch } from '../ui/badge';
import { Card } from '../ui/card';
import { COLOR_CLASSES } from '../ui/color-classes';
import { EmptyState } from '../ui/empty-state';
import { withPooled, type Extent } from './pooled';

export interface RewardCategoriesCardProps {
  stats: RewardCategoryStats;
  /** What the selection spans: a figure pooled over several epochs or runs says so. */
  extent?: Extent | null;
}

/** Perfect / partial / failure as one stacked bar with a legend of counts and shares. */
export function RewardCategoriesCard({ stats, extent = null }: RewardCategoriesCardProps) {
  const bars = rewardBars(stats);
  return (
    <Card
      title="Reward categories"
      subtitle={withPooled(
        `avg reward ${formatReward(stats.avg_reward)} over ${formatInteger(stats.total_trajectories)} trajectories`,
        extent,
      )}
      testId="card-reward-categories"
    >
      {stats.total_trajectories === 0 ? (
        <EmptyState title="No trajectories" />
      ) : (
        <>
          <div
            role="img"
            aria-label={bars.map((b) => `${b.label} ${formatPercent(b.ratio)}`).join(', ')}
            className="flex h-3 w-full overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
          >
            {bars.map((bar) =>
              bar.ratio > 0 ? (
                <div
                  key={bar.key}
                  className={COLOR_CLASSES[bar.color].swatch}
                  style={{ width: `${bar.ratio * 100}%` }}
                />
              ) : null,
            )}
          </div>
          <table className="mt-3 w-full text-xs">
            <tbody>
              {bars.map((bar) => (
                <tr
                  key={bar.key}
                  className="border-t border-tremor-border first:border-t-0 dark:border-dark-tremor-border"
                >
                  <th scope="row" className="py-1.5 text-left font-normal">
                    <span className="inline-flex items-center gap-2">
                      <Swatch color={bar.color} />
                      <span className="text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
                        {bar.label}
                      </span>
                      <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                        {bar.range}
                      </span>
                    </span>
                  </th>
                  <td className="py-1.5 text-right tabular-nums">{formatInteger(bar.count)}</td>
                  <td className="w-16 py-1.5 text-right tabular-nums text-tremor-content dark:text-dark-tremor-content">
                    {formatPercent(bar.ratio)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
