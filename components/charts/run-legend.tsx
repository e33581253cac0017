import type { LegendRun } from '@/lib/chart-data/comparison';
import { Swatch } from '../ui/badge';
import { BreakableName } from '../ui/breakable-name';

/**
 * A chart's legend of runs: each run's colour and its name whole (without the start all drawn runs share), wrapping
 * after its separators, so runs that differ only at the end of long names still read apart on a phone.
 */
export function RunLegend({ runs }: { runs: LegendRun[] }) {
  return (
    <ul
      className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-tremor-content dark:text-dark-tremor-content"
      data-testid="run-legend"
    >
      {runs.map((run) => (
        <li key={run.id} className="flex min-w-0 max-w-full items-baseline gap-1.5" title={run.id}>
          <Swatch color={run.color} />
          <span className="min-w-0">
            <BreakableName name={run.label} />
          </span>
        </li>
      ))}
    </ul>
  );
}
