import type { RewardHistogram } from '@/lib/analysis/stats/reward-histogram';
import { rewardHistogramGrid, SHARE_STEPS } from '@/lib/chart-data/reward-histogram';
import { formatPercent } from '@/lib/chart-data/format';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';

/** Cell colours by shade step (0: empty), lightest to darkest, readable text in both themes. */
const SHADE_CLASSES = [
  'text-tremor-content-subtle dark:text-dark-tremor-content-subtle',
  'bg-sky-100 text-sky-950 dark:bg-sky-950 dark:text-sky-50',
  'bg-sky-200 text-sky-950 dark:bg-sky-900 dark:text-sky-50',
  'bg-sky-400 text-sky-950 dark:bg-sky-700 dark:text-sky-50',
  'bg-sky-600 text-white dark:bg-sky-500 dark:text-sky-950',
] as const;

const HEAD = 'px-1.5 py-1 font-medium text-tremor-content dark:text-dark-tremor-content';

/** How the rewards of one training spread, epoch by epoch: a share of each epoch's trajectories per reward bin. */
export function RewardHistogramCard({ data }: { data: RewardHistogram }) {
  const grid = rewardHistogramGrid(data);
  return (
    <Card
      title="Reward histogram by epoch"
      subtitle="Share of each epoch's trajectories per reward range (ranges shared by all epochs, highest on top)."
      testId="card-reward-histogram"
    >
      {grid.rows.length === 0 ? (
        <EmptyState title="No trajectories" body="No trajectory matches the filters." />
      ) : (
        <div className="overflow-x-auto">
          <table
            className="border-separate border-spacing-0.5 text-xs"
            aria-label="Reward histogram by epoch"
          >
            <thead>
              <tr>
                <th scope="col" className={`${HEAD} text-left`}>
                  Reward \ epoch
                </th>
                {grid.epochs.map((epoch) => (
                  <th key={epoch} scope="col" className={`${HEAD} min-w-10 text-center tabular-nums`}>
                    {epoch}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.label} data-testid="reward-histogram-row">
                  <th scope="row" className={`${HEAD} whitespace-nowrap text-left font-mono font-normal`}>
                    {row.label}
                  </th>
                  {row.cells.map((cell, e) => (
                    <td
                      key={grid.epochs[e]}
                      title={cell.title}
                      className={`rounded px-1.5 py-1 text-center tabular-nums ${SHADE_CLASSES[cell.shade]}`}
                    >
                      {cell.count === 0 ? '·' : formatPercent(cell.share, 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-tremor-content dark:text-dark-tremor-content">
            Darker is more: up to {SHARE_STEPS.map((step) => formatPercent(step, 0)).join(', ')}, above. Hover
            a cell for its count.
          </p>
        </div>
      )}
    </Card>
  );
}
