import Link from 'next/link';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import { healthBadge, HEALTH_COLORS, type HealthBadgeView } from '@/lib/chart-data/run-health';
import { Badge } from '../ui/badge';
import { COLOR_CLASSES } from '../ui/color-classes';

/** An alert's severity in its colour (critical red, warning amber). */
export function SeverityBadge({ severity }: { severity: HealthAlert['severity'] }) {
  return (
    <Badge color={severity === 'info' ? 'sky' : HEALTH_COLORS[severity]} title={`severity: ${severity}`}>
      {severity}
    </Badge>
  );
}

/** A run's health as a badge linking to its Health tab: the worst alert and how many ("critical · 2"), or ok. */
export function HealthBadge({ badge }: { badge: HealthBadgeView }) {
  return (
    <Link
      prefetch={false}
      href={badge.href}
      title={badge.title}
      aria-label={`Health: ${badge.title}`}
      data-testid="health-badge"
      data-level={badge.level}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset hover:underline ${COLOR_CLASSES[badge.color].badge}`}
    >
      <span
        aria-hidden
        className={`inline-block h-1.5 w-1.5 rounded-full ${COLOR_CLASSES[badge.color].swatch}`}
      />
      {badge.label}
    </Link>
  );
}

/**
 * The badge of one run from the alerts of every run, loaded once per page: each row awaits the same promise (null
 * when the health could not be computed).
 */
export async function AwaitedHealthBadge({
  alerts,
  trainingId,
  judged = true,
}: {
  alerts: Promise<ReadonlyMap<string, HealthAlert[]> | null>;
  trainingId: string;
  /** Whether an epoch of the run has the rows the detectors need. */
  judged?: boolean;
}) {
  const byRun = await alerts;
  return (
    <HealthBadge badge={healthBadge(trainingId, byRun === null ? null : byRun.get(trainingId), judged)} />
  );
}

/** Held in the badge's place while the alerts load. */
export function HealthBadgeSkeleton() {
  return (
    <span
      aria-busy="true"
      className="inline-block h-5 w-16 animate-pulse rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
    >
      <span className="sr-only">Loading health…</span>
    </span>
  );
}
