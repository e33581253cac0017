import Link from 'next/link';
import type { ReactNode } from 'react';

/** The bar at the top of every page: the app's name, its entry points and, at the right, `status`. */
export function SiteHeader({ status }: { status?: ReactNode }) {
  return (
    <header className="border-b border-tremor-border bg-tremor-background dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <nav className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-1 px-6 py-3 sm:gap-x-6">
        <Link
          href="/"
          className="font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          RL Trajectory Dashboard
        </Link>
        <Link href="/" className="text-sm hover:underline">
          Trainings
        </Link>
        <Link href="/analysis" className="text-sm hover:underline">
          Analysis
        </Link>
        <Link href="/notes" className="text-sm hover:underline">
          Notes
        </Link>
        <div className="ml-auto">{status}</div>
      </nav>
    </header>
  );
}
