import Link from 'next/link';
import type { UnexpectedToolContexts } from '@/lib/analysis/stats/unexpected-tool-contexts';
import { trajectoryHref, type DashboardParams } from '@/lib/search-params';
import { formatReward } from '@/lib/chart-data/format';
import { TerminationBadge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { Pagination } from '../ui/pagination';
import { StepMiniCard } from './step-mini-card';
import { ToolPicker } from './tool-picker';

export interface ToolContextListProps {
  /** One page of failed calls (its `limit` is the page size). */
  contexts: UnexpectedToolContexts;
  /** The current URL parameters, for the tool picker and page links. */
  params: DashboardParams;
  pathname?: string;
}

/** Every failed tool call with the step before and after it: what led to the error, and what the agent did next. */
export function ToolContextList({ contexts, params, pathname }: ToolContextListProps) {
  return (
    <div className="space-y-3">
      {Object.keys(contexts.tools).length > 0 ? (
        <ToolPicker tools={contexts.tools} active={contexts.tool} params={params} pathname={pathname} />
      ) : null}
      {contexts.data.length === 0 ? (
        <EmptyState
          title="No failed tool calls"
          body={
            contexts.tool
              ? `No call of ${contexts.tool} failed in this selection.`
              : 'No tool call failed in this selection.'
          }
        />
      ) : (
        <ol className="space-y-3" data-testid="tool-context-list">
          {contexts.data.map((context) => (
            <li
              key={`${context.trajectory_id}#${context.step_index}`}
              className="rounded-lg border border-tremor-border bg-tremor-background p-3 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background"
            >
              <header className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
                <Link
                  prefetch={false}
                  href={trajectoryHref(context.trajectory_id)}
                  className="font-mono font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
                >
                  {context.trajectory_id}
                </Link>
                <span className="text-tremor-content dark:text-dark-tremor-content">
                  {context.training_id} · epoch {context.epoch_id} · step {context.step_index + 1} of{' '}
                  {context.step_count}
                </span>
                <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">
                  reward {formatReward(context.reward)}
                </span>
                <TerminationBadge reason={context.termination_reason} />
              </header>
              {context.question ? (
                <p
                  className="mb-2 line-clamp-2 text-xs text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis"
                  title={context.question}
                >
                  {context.question}
                </p>
              ) : null}
              <div className="space-y-1.5">
                <StepMiniCard
                  label="Step before"
                  step={context.before}
                  missing="The trajectory starts with this call."
                />
                <StepMiniCard label="Failed call" step={context.failed} failed />
                <StepMiniCard
                  label="Step after"
                  step={context.after}
                  missing="The trajectory ends with this call."
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        params={params}
        total={contexts.total}
        limit={contexts.limit}
        offset={contexts.offset}
        noun="failed calls"
        pathname={pathname}
      />
    </div>
  );
}
