import type { Freshness } from '@/lib/analysis/freshness';
import { formatTimeAgo, formatTimestamp } from '@/lib/chart-data/recency';

export interface FreshnessLineProps {
  /** Null while the database has no table. */
  freshness: Freshness | null;
  /** When it was read, in milliseconds ("written … ago" counts from here). */
  now: number;
}

/** How current the figures are, on every page: "data v123 · written 5 min ago". */
export function FreshnessLine({ freshness, now }: FreshnessLineProps) {
  return (
    <p
      data-testid="data-freshness"
      className="text-xs tabular-nums text-tremor-content-subtle dark:text-dark-tremor-content-subtle"
      title={
        freshness
          ? `table version ${freshness.version}, committed ${formatTimestamp(freshness.written_at)}`
          : undefined
      }
    >
      {freshness === null
        ? 'no data yet'
        : freshness.written_at === null
          ? `data v${freshness.version}`
          : `data v${freshness.version} · written ${formatTimeAgo(freshness.written_at, now)}`}
    </p>
  );
}
