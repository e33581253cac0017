import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      body="No trajectory or page has this address. It may come from another database."
      action={{ href: '/', label: 'All trainings' }}
    />
  );
}
