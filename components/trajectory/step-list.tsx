import { STEP_RENDER_LIMIT } from '@/lib/chart-data/steps';
import { EmptyState } from '../ui/empty-state';
import { MoreSteps } from './more-steps';
import { StepItem, type Step } from './step-item';

export interface StepListProps {
  steps: Step[];
}

/** Every step of a trajectory; beyond the first 200 the rest wait behind a button. */
export function StepList({ steps }: StepListProps) {
  if (steps.length === 0) return <EmptyState title="No steps recorded" />;
  const head = steps.slice(0, STEP_RENDER_LIMIT);
  return (
    <ol aria-label="Steps" className="space-y-2">
      {head.map((step, i) => (
        <StepItem key={i} step={step} index={i} />
      ))}
      {steps.length > STEP_RENDER_LIMIT ? (
        <MoreSteps steps={steps.slice(STEP_RENDER_LIMIT)} offset={STEP_RENDER_LIMIT} total={steps.length} />
      ) : null}
    </ol>
  );
}
