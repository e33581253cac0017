import type { AlertView } from '@/lib/chart-data/run-health';
import { TextLink } from '../ui/links';
import { SeverityBadge } from './health-badge';

/** The health alerts of its run a trajectory is an example of: a line each, linking to the alert on the Health tab. */
export function TrajectoryAlerts({ alerts }: { alerts: AlertView[] }) {
  if (alerts.length === 0) return null;
  return (
    <section
      aria-label="Health alerts"
      data-testid="trajectory-alerts"
      className="rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2 dark:border-amber-400/30 dark:bg-amber-400/10"
    >
      <h2 className="text-xs font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
        An example of {alerts.length === 1 ? 'a health alert' : `${alerts.length} health alerts`} of its run
      </h2>
      <ul className="mt-1 space-y-1">
        {alerts.map((alert) => (
          <li key={alert.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
            <SeverityBadge severity={alert.severity} />
            <span className="min-w-0 break-words text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
              {alert.message}
            </span>
            <TextLink href={alert.healthHref} className="whitespace-nowrap text-xs font-medium">
              See on the Health tab →
            </TextLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
