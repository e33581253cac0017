import type { ReactNode } from 'react';

export type ChartHeight = 'sm' | 'md' | 'lg';

export const CHART_HEIGHT: Record<ChartHeight, string> = { sm: 'h-48', md: 'h-64', lg: 'h-80' };

export interface ChartFrameProps {
  label: string;
  /** A short reading of the chart shown above it ("within noise: …"). */
  note?: ReactNode;
  children: ReactNode;
}

/** A chart with an accessible name (the SVG itself says nothing to screen readers) and an optional note above it. */
export function ChartFrame({ label, note, children }: ChartFrameProps) {
  return (
    <figure className="m-0 min-w-0">
      <figcaption className="sr-only">{label}</figcaption>
      {note ? (
        <p
          className="mb-1 text-xs text-tremor-content dark:text-dark-tremor-content"
          data-testid="chart-note"
        >
          {note}
        </p>
      ) : null}
      {children}
    </figure>
  );
}
