import type { ProcessRewardCorrelation } from '@/lib/analysis/stats/process-reward-correlation';
import { formatCorrelation, formatInteger, formatPValue } from '@/lib/chart-data/format';
import { scatterPoints } from '@/lib/chart-data/overview';
import { ProcessRewardScatter } from '../charts/process-reward-scatter';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { withPooled, type Extent } from './pooled';

export interface ProcessRewardCardProps {
  correlation: ProcessRewardCorrelation;
  /** What the selection spans: a figure pooled over several epochs or runs says so. */
  extent?: Extent | null;
}

function Coefficient({ name, r, p }: { name: string; r: number | null; p: number | null }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-tremor-content dark:text-dark-tremor-content">{name}</dt>
      <dd className="font-medium tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
        r = {formatCorrelation(r)}
      </dd>
      <dd className="tabular-nums text-tremor-content dark:text-dark-tremor-content">
        p {p !== null && p < 0.001 ? formatPValue(p) : `= ${formatPValue(p)}`}
      </dd>
    </div>
  );
}

/** Does the mean per-step process reward predict the final reward? */
export function ProcessRewardCard({ correlation, extent = null }: ProcessRewardCardProps) {
  const shown = correlation.scatter.length;
  return (
    <Card
      title="Process reward vs final reward"
      subtitle={withPooled(
        `n = ${formatInteger(correlation.n)}` +
          (correlation.missing > 0 ? ` · ${formatInteger(correlation.missing)} without process reward` : '') +
          (shown < correlation.n ? ` · ${formatInteger(shown)} points drawn` : ''),
        extent,
      )}
      testId="card-process-reward"
    >
      {correlation.n === 0 ? (
        <EmptyState
          title="No process rewards"
          body="None of these trajectories has per-step process rewards (steps[].process_reward)."
        />
      ) : (
        <>
          <dl className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-xs">
            <Coefficient name="Pearson" r={correlation.pearson.r} p={correlation.pearson.p} />
            <Coefficient name="Spearman" r={correlation.spearman.r} p={correlation.spearman.p} />
          </dl>
          <ProcessRewardScatter points={scatterPoints(correlation)} />
        </>
      )}
    </Card>
  );
}
