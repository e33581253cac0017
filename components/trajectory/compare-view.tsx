import type { DifferenceField, StepDifference } from '@/lib/analysis/records/transcript';
import type { TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import { formatInteger, formatTrajectoryReward } from '@/lib/chart-data/format';
import { differenceSummary, transcriptStep } from '@/lib/chart-data/transcript';
import { compareHref, stepAnchor, stepHref, trajectoryHref, trajectoryRecordHref } from '@/lib/search-params';
import { PageTitle, Stack } from '../ui/layout';
import { TextLink } from '../ui/links';
import { TerminationBadge } from '../ui/badge';
import { CompareForm } from './compare-form';
import { StepItem } from './step-item';
import { StepWindowNav } from './step-window-nav';

export interface CompareViewProps {
  /** Left and right, each with the same window of steps (`steps_from` is the same). */
  a: TrajectoryDetail;
  b: TrajectoryDetail;
  /** Steps of the longer one. */
  total: number;
  /** Positions of a window. */
  size: number;
  /** Their first difference over all the steps; null when they agree step for step. */
  difference: StepDifference | null;
  /** For each position of the window, what differs there (null: the two steps agree). */
  rows: (DifferenceField | null)[];
}

const SIDE_LABEL =
  'rounded bg-tremor-background-subtle px-1.5 py-0.5 text-[11px] font-semibold text-tremor-content-strong dark:bg-dark-tremor-background-subtle dark:text-dark-tremor-content-strong';

/** One side's facts over its column. */
function SideHeader({ side, detail }: { side: 'A' | 'B'; detail: TrajectoryDetail }) {
  return (
    <section
      data-testid={`compare-side-${side.toLowerCase()}`}
      className="min-w-0 space-y-1 rounded-md border border-tremor-border bg-tremor-background p-3 text-xs dark:border-dark-tremor-border dark:bg-dark-tremor-background"
    >
      <div className="flex min-w-0 items-center gap-2">
        <span className={SIDE_LABEL}>{side}</span>
        <TextLink href={trajectoryHref(detail.trajectory_id)} className="truncate font-mono font-medium">
          {detail.trajectory_id}
        </TextLink>
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-tremor-content dark:text-dark-tremor-content">
        <span className="font-mono" title={detail.training_id}>
          {detail.training_id}
        </span>
        <span className="tabular-nums">
          epoch {detail.epoch_id} · sample {detail.sample_id}
        </span>
        <span className="tabular-nums">reward {formatTrajectoryReward(detail.reward)}</span>
        <TerminationBadge reason={detail.termination_reason} />
        <span className="tabular-nums">
          {formatInteger(detail.turn_count)} steps · {formatInteger(detail.tool_error_count)} failed calls
        </span>
      </p>
    </section>
  );
}

/** A position where one side has no step. */
function NoStep({ side, step }: { side: 'A' | 'B'; step: number }) {
  return (
    <div className="flex min-h-12 items-center justify-center rounded-md border border-dashed border-tremor-border p-3 text-xs text-tremor-content-subtle dark:border-dark-tremor-border dark:text-dark-tremor-content-subtle">
      {side} has no step {formatInteger(step)}
    </div>
  );
}

const FIELD_LABEL: Record<DifferenceField, string> = {
  missing: 'only one has this step',
  role: 'speaker differs',
  action: 'action differs',
  arguments: 'arguments differ',
  observation: 'result differs',
  content: 'words differ',
};

/**
 * Two trajectories in aligned columns, step i beside step i, one window of positions at a time: the first position
 * where they differ (role, action, arguments, result or words) is marked and named, the steps before it are the
 * same in both ("identical up to step K"), and each later position says whether its two steps agree.
 */
export function CompareView({ a, b, total, size, difference, rows }: CompareViewProps) {
  const from = a.steps_from;
  const shown = Math.min(size, Math.max(0, total - from));
  const firstStep = difference === null ? null : difference.index + 1;
  const firstInWindow = difference !== null && difference.index >= from && difference.index < from + shown;
  const nav =
    total > shown ? (
      <StepWindowNav
        from={from}
        shown={shown}
        total={total}
        size={size}
        windowHref={(start) => compareHref(a.trajectory_id, b.trajectory_id, start + 1)}
      />
    ) : null;
  return (
    <Stack>
      <TextLink className="text-sm" href={trajectoryHref(a.trajectory_id)}>
        ← Trajectory {a.trajectory_id}
      </TextLink>
      <PageTitle>Side by side</PageTitle>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-2 md:grid-cols-2">
        <SideHeader side="A" detail={a} />
        <SideHeader side="B" detail={b} />
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <p
          data-testid="difference-summary"
          className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          {differenceSummary(difference, total)}
        </p>
        {firstStep !== null ? (
          <TextLink
            className="text-xs font-medium"
            href={
              firstInWindow
                ? `#${stepAnchor(firstStep)}`
                : compareHref(a.trajectory_id, b.trajectory_id, firstStep)
            }
          >
            Go to step {formatInteger(firstStep)} →
          </TextLink>
        ) : null}
        <TextLink className="text-xs" href={compareHref(b.trajectory_id, a.trajectory_id)}>
          Swap sides
        </TextLink>
      </div>
      <div className="max-w-md">
        <CompareForm currentId={a.trajectory_id} otherId={b.trajectory_id} />
      </div>
      {nav}
      {shown === 0 ? null : (
        <ol aria-label="Steps side by side" className="space-y-3">
          {rows.slice(0, shown).map((field, i) => {
            const index = from + i;
            const number = index + 1;
            const first = difference !== null && difference.index === index;
            const stepA = a.steps[i];
            const stepB = b.steps[i];
            return (
              <li
                key={index}
                id={stepAnchor(number)}
                data-testid="compare-row"
                data-difference={field ?? undefined}
                data-first-difference={first ? 'true' : undefined}
                className={`scroll-mt-20 space-y-1 rounded-lg p-1 target:ring-2 target:ring-tremor-brand ${
                  first ? 'bg-rose-50 ring-2 ring-rose-400 dark:bg-rose-400/10 dark:ring-rose-400/60' : ''
                }`}
              >
                <p className="flex flex-wrap items-center gap-2 px-1 text-[11px] font-medium text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                  <span className="tabular-nums">Step {formatInteger(number)}</span>
                  {first ? (
                    <span className="rounded bg-rose-600 px-1.5 py-0.5 font-semibold uppercase tracking-wide text-white">
                      First difference: {FIELD_LABEL[field ?? difference.field]}
                    </span>
                  ) : field === null ? (
                    <span>same in both</span>
                  ) : (
                    <span className="text-rose-700 dark:text-rose-300">{FIELD_LABEL[field]}</span>
                  )}
                </p>
                <div className="grid grid-cols-[minmax(0,1fr)] gap-2 md:grid-cols-2">
                  {(
                    [
                      ['A', a, stepA],
                      ['B', b, stepB],
                    ] as const
                  ).map(([side, detail, step]) => (
                    <div key={side} className="min-w-0 space-y-1">
                      <span className={`${SIDE_LABEL} md:hidden`}>{side}</span>
                      {step === undefined ? (
                        <NoStep side={side} step={number} />
                      ) : (
                        <StepItem
                          as="div"
                          step={transcriptStep(step)}
                          index={index}
                          recordHref={trajectoryRecordHref(detail.trajectory_id)}
                          href={stepHref(detail.trajectory_id, number)}
                        />
                      )}
                    </div>
                  ))}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {nav}
    </Stack>
  );
}
