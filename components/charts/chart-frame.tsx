import type { ReactNode } from 'react';

export type ChartHeight = 'sm' | 'md' | 'lg';

export const CHART_HEIGHT: Record<ChartHeight, string> = { sm: 'h-48', md: 'h-64', lg: 'h-80' };

/** A chart with an accessible name (the SVG itself says nothing to screen readers). */
export function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <figure className="m-0 min-w-0">
      <figcaption className="sr-only">{label}</figcaption>
      {children}
    </figure>
  );
}
