'use client';

import { useState } from 'react';
import { formatInteger } from '@/lib/chart-data/format';
import type { StepView } from '@/lib/chart-data/step-view';
import { StepItem } from './step-item';

export interface MoreStepsProps {
  /** The steps not rendered up front. */
  steps: StepView[];
  /** Index of the first of them in the trajectory. */
  offset: number;
  total: number;
  recordHref?: string;
  terms?: readonly string[];
}

/** The tail of a very long trajectory, rendered only on request. */
export function MoreSteps({ steps, offset, total, recordHref, terms }: MoreStepsProps) {
  const [shown, setShown] = useState(false);
  if (!shown) {
    return (
      <li>
        <button
          type="button"
          onClick={() => setShown(true)}
          className="w-full rounded-md border border-dashed border-tremor-border py-2 text-xs font-medium text-tremor-brand hover:bg-tremor-background-muted dark:border-dark-tremor-border dark:text-dark-tremor-brand-emphasis dark:hover:bg-dark-tremor-background-muted"
        >
          Show all {formatInteger(total)} steps
        </button>
      </li>
    );
  }
  return steps.map((step, i) => (
    <StepItem key={offset + i} step={step} index={offset + i} recordHref={recordHref} terms={terms} />
  ));
}
