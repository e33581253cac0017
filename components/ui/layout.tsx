import type { ReactNode } from 'react';

/** The sections of a page or tab, one under the other. */
export function Stack({ children }: { children: ReactNode }) {
  return <div className="space-y-4">{children}</div>;
}

const COLUMNS = {
  /** Two equal columns from large screens on. */
  halves: 'grid gap-4 lg:grid-cols-2',
  /** A narrow column beside one twice as wide, from extra-large screens on. */
  'narrow-wide': 'grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]',
} as const;

/** Cards side by side on wide screens, one under the other on narrow ones. */
export function CardGrid({
  columns = 'halves',
  children,
}: {
  columns?: keyof typeof COLUMNS;
  children: ReactNode;
}) {
  return <div className={COLUMNS[columns]}>{children}</div>;
}

/** A page's title: `children` is the text under it. */
export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="space-y-1">
      <PageTitle>{title}</PageTitle>
      {children}
    </header>
  );
}

/** The heading of a page below the dashboard (a question, a group, a trajectory); `className` adds to its look. */
export function PageTitle({ className, children }: { className?: string; children: ReactNode }) {
  const own = 'text-lg font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong';
  return <h1 className={className ? `${className} ${own}` : own}>{children}</h1>;
}
