import type { HealthBadgeView } from '@/lib/chart-data/run-health';
import { HealthBadge } from './health-badge';

export interface RunHealthStripProps {
  runs: { trainingId: string; badge: HealthBadgeView }[];
}

/** The health badge of each selected run, above the overview's figures. */
export function RunHealthStrip({ runs }: RunHealthStripProps) {
  if (runs.length === 0) return null;
  const several = runs.length > 1;
  return (
    <div
      data-testid="run-health-strip"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-tremor-content dark:text-dark-tremor-content"
    >
      <span className="font-medium text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        Health
      </span>
      {runs.map(({ trainingId, badge }) => (
        <span key={trainingId} className="inline-flex min-w-0 items-center gap-1.5">
          {several ? <span className="truncate">{trainingId}</span> : null}
          <HealthBadge badge={badge} />
        </span>
      ))}
      <span className="text-xs">
        {runs.some(({ badge }) => badge.count > 0)
          ? `Open ${several ? 'a' : 'the'} badge for the alerts, their examples and the detectors epoch by epoch.`
          : runs.every(({ badge }) => badge.level === 'ok')
            ? 'Every detector is within its baseline.'
            : null}
      </span>
    </div>
  );
}
