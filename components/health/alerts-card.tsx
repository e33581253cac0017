import type { ReactNode } from 'react';
import type { AlertView } from '@/lib/chart-data/run-health';
import { Card } from '../ui/card';
import { TextLink } from '../ui/links';
import { SeverityBadge } from './health-badge';
import { ScrollToAnchor } from './scroll-to-anchor';

export interface AlertsCardProps {
  alerts: AlertView[];
  /** "2 critical, 1 warning"; null when nothing is raised. */
  counts: string | null;
  /** Why nothing can be judged yet, or why no alert can fire yet (judgedEpochs). */
  note: string | null;
  /** The `alert=` of the URL when it names none of these alerts. */
  missingAlert: string | null;
}

function Figure({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="text-tremor-content dark:text-dark-tremor-content">{term}</dt>
      <dd className="font-medium tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {children}
      </dd>
    </div>
  );
}

function AlertItem({ alert }: { alert: AlertView }) {
  return (
    <li
      id={alert.anchor}
      data-testid="health-alert"
      data-alert-id={alert.id}
      data-highlighted={alert.highlighted ? 'true' : undefined}
      aria-current={alert.highlighted ? 'true' : undefined}
      className={`scroll-mt-24 space-y-2 rounded-md border p-3 ${
        alert.highlighted
          ? 'border-tremor-brand bg-tremor-brand-faint ring-2 ring-tremor-brand dark:border-dark-tremor-brand dark:bg-dark-tremor-brand-faint dark:ring-dark-tremor-brand'
          : 'border-tremor-border dark:border-dark-tremor-border'
      }`}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <SeverityBadge severity={alert.severity} />
        <h3 className="text-sm font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {alert.title}
        </h3>
        <TextLink
          className="ml-auto text-xs"
          href={alert.healthHref}
          scroll={false}
          title="A link to this alert (what a webhook message sends)"
        >
          Link
        </TextLink>
      </div>
      <p className="break-words text-sm text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        {alert.message}
      </p>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        <Figure term="First epoch">{alert.epochId}</Figure>
        <Figure term="Value">{alert.value}</Figure>
        <Figure term="Baseline">{alert.baseline}</Figure>
      </dl>
      {alert.examples.length > 0 ? (
        <div className="text-xs">
          <span className="text-tremor-content dark:text-dark-tremor-content">
            Example trajectories of epoch {alert.epochId}:
          </span>
          <ul className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5">
            {alert.examples.map((example) => (
              <li key={example.id} className="min-w-0 max-w-full truncate">
                <TextLink
                  href={example.href}
                  data-testid="health-alert-example"
                  className="font-mono"
                  title={example.id}
                >
                  {example.id}
                </TextLink>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-xs text-tremor-content dark:text-dark-tremor-content">No example trajectory.</p>
      )}
      <TextLink
        className="inline-block text-xs font-medium"
        href={alert.view.href}
        data-testid="health-alert-view"
      >
        {alert.view.label} →
      </TextLink>
    </li>
  );
}

/** The run's alerts, worst first; the one an `alert=` link names is highlighted and scrolled to. */
export function AlertsCard({ alerts, counts, note, missingAlert }: AlertsCardProps) {
  const highlighted = alerts.find((a) => a.highlighted);
  return (
    <Card title="Alerts" subtitle={counts ?? undefined} testId="card-health-alerts">
      <div className="space-y-3">
        {missingAlert !== null ? (
          <p
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-800 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-200"
          >
            The alert this link names, <span className="break-all font-mono">{missingAlert}</span>, is not
            raised on the run now (it may have been judged again on more rows). The alerts below are the
            current ones.
          </p>
        ) : null}
        {note !== null ? (
          <p data-testid="health-note" className="text-sm text-tremor-content dark:text-dark-tremor-content">
            {note}
          </p>
        ) : null}
        {alerts.length === 0 ? (
          note === null ? (
            <p
              data-testid="health-ok"
              className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-400/30 dark:bg-emerald-400/10 dark:text-emerald-200"
            >
              No warning or critical alert: every detector is within its baseline.
            </p>
          ) : null
        ) : (
          <ul className="space-y-3">
            {alerts.map((alert) => (
              <AlertItem key={alert.id} alert={alert} />
            ))}
          </ul>
        )}
        {highlighted ? <ScrollToAnchor id={highlighted.anchor} /> : null}
      </div>
    </Card>
  );
}
