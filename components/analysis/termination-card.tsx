import type { TerminationStats } from '@/lib/analysis/stats/termination-stats';
import { formatInteger } from '@/lib/chart-data/format';
import { donutData } from '@/lib/chart-data/overview';
import { TerminationDonut } from '../charts/termination-donut';
import { TerminationDonutFilter } from '../charts/termination-donut-filter';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { withPooled, type Extent } from './pooled';

export interface TerminationCardProps {
  stats: TerminationStats;
  /** Clicking a reason filters the dashboard on it (the failures tab). */
  filterOnClick?: boolean;
  title?: string;
  /** What the selection spans: a figure pooled over several epochs or runs says so. */
  extent?: Extent | null;
}

export function TerminationCard({
  stats,
  filterOnClick = false,
  title = 'Termination reasons',
  extent = null,
}: TerminationCardProps) {
  const slices = donutData(stats);
  return (
    <Card
      title={title}
      subtitle={withPooled(
        `${formatInteger(stats.total_trajectories)} trajectories${filterOnClick ? ' · click a reason to filter' : ''}`,
        extent,
      )}
      testId="card-termination"
    >
      {slices.length === 0 ? (
        <EmptyState title="No trajectories" />
      ) : filterOnClick ? (
        <TerminationDonutFilter slices={slices} total={stats.total_trajectories} />
      ) : (
        <TerminationDonut slices={slices} total={stats.total_trajectories} />
      )}
    </Card>
  );
}
