import { clipText, prettyArguments } from '@/lib/chart-data/steps';
import type { Step } from '../trajectory/step-item';
import { CollapsibleText } from '../trajectory/collapsible-text';
import { ToolStatusBadge } from '../ui/badge';

export interface StepMiniCardProps {
  /** "Step before", "Failed call", "Step after". */
  label: string;
  /** null: the trajectory starts or ends here. */
  step: Step | null;
  failed?: boolean;
  /** Said when there is no step. */
  missing?: string;
}

const THOUGHT_PREVIEW = 400;

/** A compact step: its action, arguments and what came back. */
export function StepMiniCard({ label, step, failed = false, missing }: StepMiniCardProps) {
  const frame = failed
    ? 'border-rose-400 bg-tremor-background dark:border-rose-400/60 dark:bg-dark-tremor-background'
    : 'border-tremor-border bg-tremor-background-muted opacity-80 dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted';
  return (
    <div
      className={`min-w-0 rounded-md border p-2.5 ${frame}`}
      data-testid={failed ? 'failed-step' : 'context-step'}
    >
      <div className="mb-1 flex items-center gap-2 text-[11px]">
        <span className="font-medium uppercase tracking-wide text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {label}
        </span>
        {step ? (
          <>
            <span className="font-mono font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
              {step.action}
            </span>
            <ToolStatusBadge status={step.tool_status} />
          </>
        ) : null}
      </div>
      {step === null ? (
        <p className="text-xs italic text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {missing}
        </p>
      ) : (
        <div className="space-y-1.5">
          {step.thought && !failed ? (
            <p
              className="line-clamp-2 text-xs text-tremor-content dark:text-dark-tremor-content"
              title="Thought"
            >
              {clipText(step.thought, THOUGHT_PREVIEW).preview}
            </p>
          ) : null}
          {failed && prettyArguments(step.action_input) ? (
            <CollapsibleText
              text={prettyArguments(step.action_input)}
              mono
              className="rounded bg-tremor-background-muted p-1.5 dark:bg-dark-tremor-background-muted"
            />
          ) : null}
          {step.observation ? (
            <CollapsibleText
              text={step.observation}
              mono
              className={
                failed
                  ? 'rounded bg-rose-50 p-1.5 text-rose-900 dark:bg-rose-400/10 dark:text-rose-200'
                  : 'text-tremor-content dark:text-dark-tremor-content'
              }
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
