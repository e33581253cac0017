'use client';

import { EmptyState } from '@/components/ui/empty-state';

/** Last resort for a page that failed as a whole (each card already catches its own errors). */
export default function PageError({ error }: { error: Error & { digest?: string } }) {
  return (
    <EmptyState
      title="This page failed to load"
      body={`The server could not compute this view${error.digest ? ` (error ${error.digest})` : ''}. Check the server log.`}
      action={{ href: '/', label: 'All trainings' }}
    />
  );
}
