import { DashboardSkeleton } from '@/components/analysis/dashboard-skeleton';
import { warmupNote } from '@/lib/warmup-state';

/** The dashboard's skeleton while the page is computed, saying why it takes long while the server warms up. */
export default function Loading() {
  const note = warmupNote();
  return (
    <>
      {note && (
        <p role="status" className="mb-4 text-sm text-tremor-content dark:text-dark-tremor-content">
          Loading the dashboard… {note}
        </p>
      )}
      <DashboardSkeleton />
    </>
  );
}
