import { STEP_WINDOW } from '@/lib/limits';
import { transcriptStep } from '@/lib/chart-data/transcript';
import { searchTerms } from '@/lib/search-terms';
import { EmptyState } from '../ui/empty-state';
import { StepItem, type Step } from './step-item';
import { StepWindowNav } from './step-window-nav';

export interface StepListProps {
  /** The steps to show: one window of at most STEP_WINDOW steps (a longer list is cut to it). */
  steps: Step[];
  /** Position of `steps[0]` in the trajectory (0-based). */
  from?: number;
  /** How many steps the trajectory has (default: `steps.length`). */
  total?: number;
  /** The link to the window that starts at a 0-based position; without it the other windows are not linked. */
  windowHref?: (from: number) => string;
  /** Where the whole record is (the JSON API), for texts too long to send. */
  recordHref?: string;
  /** The search (`q`) whose words are marked in the step text. */
  q?: string | null;
  /** The link to a step (1-based) as the server reads it; with it each step has its copy controls. */
  stepHref?: (step: number) => string;
}

/**
 * One window of a trajectory's steps as a conversation, each bounded before it reaches the browser (long texts cut,
 * deep JSON collapsed), each with its anchor `step-N`. A trajectory longer than one window says which steps these are and links the others, so a page stays
 * the same size whatever one trajectory holds.
 */
export function StepList({ steps, from = 0, total, recordHref, q, windowHref, stepHref }: StepListProps) {
  const shown = steps.slice(0, STEP_WINDOW);
  const count = total ?? steps.length;
  if (count === 0 || shown.length === 0) return <EmptyState title="No steps recorded" />;
  const words = searchTerms(q);
  // No search: no list handed to every text (each would carry a reference to it).
  const terms = words.length > 0 ? words : undefined;
  const nav =
    count > shown.length ? (
      <StepWindowNav from={from} shown={shown.length} total={count} windowHref={windowHref} />
    ) : null;
  return (
    <div className="space-y-2">
      {nav}
      <ol aria-label="Steps" className="space-y-2">
        {shown.map((step, i) => (
          <StepItem
            key={from + i}
            step={transcriptStep(step)}
            index={from + i}
            recordHref={recordHref}
            terms={terms}
            href={stepHref?.(from + i + 1)}
          />
        ))}
      </ol>
      {nav}
    </div>
  );
}
