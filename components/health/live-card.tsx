import type { LiveEpoch, LiveRollout } from '@/lib/chart-data/run-health';
import { formatInteger } from '@/lib/chart-data/format';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { TextLink } from '../ui/links';

export interface LiveCardProps {
  epoch: LiveEpoch;
  rollouts: LiveRollout[];
  minEpochRows: number;
}

/** A run still writing: its latest epoch (partial while it has fewer rows than the one before) and newest rollouts. */
export function LiveCard({ epoch, rollouts, minEpochRows }: LiveCardProps) {
  return (
    <Card
      title="Live"
      subtitle="The run is still writing: its newest rollouts, latest epoch first."
      actions={<Badge color="sky">live</Badge>}
      testId="card-health-live"
    >
      <div className="space-y-3">
        <p className="text-sm" data-testid="health-live-epoch">
          Latest epoch <span className="font-medium tabular-nums">{epoch.epoch_id}</span>:{' '}
          <span className="tabular-nums">{formatInteger(epoch.rows)}</span> rows
          {epoch.previous ? (
            <>
              {' '}
              (epoch {epoch.previous.epoch_id}:{' '}
              <span className="tabular-nums">{formatInteger(epoch.previous.rows)}</span>)
            </>
          ) : null}
          {epoch.partial ? (
            <>
              {' '}
              <Badge color="amber">partial</Badge>{' '}
              <span className="text-tremor-content dark:text-dark-tremor-content">
                {epoch.rows < minEpochRows
                  ? `not judged until it has ${minEpochRows} rows`
                  : 'judged on the rows so far'}
              </span>
            </>
          ) : null}
        </p>
        {rollouts.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-xs">
              <thead className="text-tremor-content dark:text-dark-tremor-content">
                <tr>
                  <th className="py-1 pr-3 font-medium">Trajectory</th>
                  <th className="py-1 pr-3 text-right font-medium">Epoch</th>
                  <th className="py-1 pr-3 font-medium">Question</th>
                  <th className="py-1 pr-3 text-right font-medium">Reward</th>
                  <th className="py-1 font-medium">Termination</th>
                </tr>
              </thead>
              <tbody>
                {rollouts.map((r) => (
                  <tr key={r.id} className="border-t border-tremor-border dark:border-dark-tremor-border">
                    <td className="max-w-[12rem] truncate py-1 pr-3">
                      <TextLink href={r.href} className="font-mono" title={r.id}>
                        {r.id}
                      </TextLink>
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{r.epochId}</td>
                    <td className="max-w-[10rem] truncate py-1 pr-3" title={r.dataId}>
                      {r.dataId}
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{r.reward}</td>
                    <td className="whitespace-nowrap py-1">{r.termination}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
