import { RATE_STEPS } from '@/lib/chart-data/questions';
import { RATE_CLASSES } from './rate-colors';

/** The legend of the grid's colours, with the solved threshold. */
export function RateLegend({ solvedRate }: { solvedRate: number }) {
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-xs text-tremor-content dark:text-dark-tremor-content"
      data-testid="rate-legend"
    >
      <span>Success rate of the question&apos;s samples in the epoch:</span>
      <ul className="flex gap-1">
        {RATE_STEPS.map((step) => (
          <li key={step.step} className={`rounded px-1.5 py-0.5 tabular-nums ${RATE_CLASSES[step.step]}`}>
            {step.label}
          </li>
        ))}
      </ul>
      <span>
        · a bold cell is <strong>solved</strong> (rate ≥ {Math.round(solvedRate * 100)}%) · blank: no samples
      </span>
    </div>
  );
}
