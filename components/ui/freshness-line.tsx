import type { Freshness } from '@/lib/analysis/freshness';
import { formatTimeAgo, formatTimestamp } from '@/lib/chart-data/recency';

export interface FreshnessLineProps {
  /** Null while the database has no table. */
  freshness: Freshness | null;
  /** When it was read, in milliseconds ("written … ago" counts from here). */
  now: number;
}

/** The line's text: version, write time when known, and the newer version still loading. */
function freshnessText(freshness: Freshness | null, now: number): string {
  if (freshness === null) return 'no data yet';
  const parts = [`data v${freshness.version}`];
  if (freshness.written_at !== null) parts.push(`written ${formatTimeAgo(freshness.written_at, now)}`);
  if (freshness.updating_to !== undefined) parts.push(`updating to v${freshness.updating_to}…`);
  return parts.join(' · ');
}

/** How current the figures are, on every page: "data v123 · written 5 min ago" (" · updating to v124…"). */
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
      {freshnessText(freshness, now)}
    </p>
  );
}
