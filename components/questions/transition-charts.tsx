import type { EpochTransitions } from '@/lib/analysis/stats/question-learning';
import { persistenceSeries, transitionSeries } from '@/lib/chart-data/questions';
import { SeriesBarChart } from '../charts/series-bar-chart';
import { SeriesLineChart } from '../charts/series-line-chart';
import { EmptyState } from '../ui/empty-state';

/** Questions gained and lost per epoch (bars), and those solved always / never so far (lines). */
export function TransitionCharts({ transitions }: { transitions: EpochTransitions[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {transitions.length > 1 ? (
        <SeriesBarChart
          series={transitionSeries(transitions)}
          format="count"
          label="Questions newly solved and regressed per epoch"
          height="sm"
          xAxisLabel="Epoch"
        />
      ) : (
        <EmptyState
          title="One epoch: nothing gained or lost yet"
          body="Newly solved and regressed questions compare an epoch with the one before."
        />
      )}
      <SeriesLineChart
        series={persistenceSeries(transitions)}
        format="count"
        label="Questions solved in every epoch so far, and in none"
        height="sm"
        xAxisLabel="Epoch"
      />
    </div>
  );
}
