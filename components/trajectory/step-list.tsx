import { STEP_RENDER_LIMIT } from '@/lib/chart-data/steps';
import { stepView } from '@/lib/chart-data/step-view';
import { searchTerms } from '@/lib/search-terms';
import { EmptyState } from '../ui/empty-state';
import { MoreSteps } from './more-steps';
import { StepItem, type Step } from './step-item';

export interface StepListProps {
  steps: Step[];
  /** Where the whole record is (the JSON API), for texts too long to send. */
  recordHref?: string;
  /** The search (`q`) whose words are marked in the step text. */
  q?: string | null;
}

/**
 * Every step of a trajectory, each bounded before it reaches the browser (long texts cut, deep JSON collapsed);
 * beyond the first 200 the rest wait behind a button.
 */
export function StepList({ steps, recordHref, q }: StepListProps) {
  if (steps.length === 0) return <EmptyState title="No steps recorded" />;
  const views = steps.map(stepView);
  const terms = searchTerms(q);
  return (
    <ol aria-label="Steps" className="space-y-2">
      {views.slice(0, STEP_RENDER_LIMIT).map((step, i) => (
        <StepItem key={i} step={step} index={i} recordHref={recordHref} terms={terms} />
      ))}
      {views.length > STEP_RENDER_LIMIT ? (
        <MoreSteps
          steps={views.slice(STEP_RENDER_LIMIT)}
          offset={STEP_RENDER_LIMIT}
          total={views.length}
          recordHref={recordHref}
          terms={terms}
        />
      ) : null}
    </ol>
  );
}
