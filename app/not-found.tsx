import { connection } from 'next/server';
import { EmptyState } from '@/components/ui/empty-state';

/** Rendered per request (not prerendered), so its scripts carry the request's CSP nonce. */
export default async function NotFound() {
  await connection();
  return (
    <EmptyState
      title="Not found"
      body="No trajectory or page has this address. It may come from another database, or the link was cut short."
      action={{ href: '/', label: 'All trainings' }}
    />
  );
}
