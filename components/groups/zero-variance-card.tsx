import type { GroupZeroVariance } from '@/lib/analysis/stats/group-zero-variance';
import { formatPercent } from '@/lib/chart-data/format';
import { zeroVarianceSeries } from '@/lib/chart-data/groups';
import { SeriesLineChart } from '../charts/series-line-chart';
import { Card } from '../ui/card';

/** The share of GRPO groups with no learning signal per epoch, split into all-pass and all-fail. */
export function ZeroVarianceCard({ data }: { data: GroupZeroVariance }) {
  const last = data.epochs.at(-1);
  return (
    <Card
      title="Zero-variance groups by epoch"
      subtitle={
        <>
          Groups (a question&apos;s samples in one epoch, at least two) whose samples all got the same reward:
          their advantages are all 0, so they teach the policy nothing.
          {last && last.groups > 0
            ? ` Last epoch: ${formatPercent(last.zero_variance_share)} of ${last.groups} groups.`
            : ''}
          {last && last.single_sample > 0
            ? ` ${last.single_sample} question${last.single_sample === 1 ? ' has' : 's have'} a single sample in the last epoch and ${last.single_sample === 1 ? 'is' : 'are'} not counted.`
            : ''}
        </>
      }
      testId="card-group-zero-variance"
    >
      <SeriesLineChart
        series={zeroVarianceSeries(data.epochs)}
        format="percent"
        label="Share of zero-variance groups by epoch"
        xAxisLabel="Epoch"
      />
    </Card>
  );
}
