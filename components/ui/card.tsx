import type { ReactNode } from 'react';

export interface CardProps {
  title: string;
  subtitle?: ReactNode;
  /** Controls shown at the right of the title (a selector, a link). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** The frame of every dashboard card: a titled section. */
export function Card({ title, subtitle, actions, children, className = '', testId }: CardProps) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className={`flex min-w-0 flex-col rounded-lg border border-tremor-border bg-tremor-background p-4 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card ${className}`}
    >
      <header className="mb-3 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {title}
          </h2>
          {subtitle ? (
            <p className="mt-0.5 text-xs text-tremor-content dark:text-dark-tremor-content">{subtitle}</p>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </header>
      <div className="min-w-0 flex-1">{children}</div>
    </section>
  );
}
