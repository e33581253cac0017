import { CardSkeleton, KpiTilesSkeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="space-y-4">
      <CardSkeleton size="tile" title="Filters" />
      <KpiTilesSkeleton />
      <div className="grid gap-4 lg:grid-cols-2">
        <CardSkeleton size="chart" />
        <CardSkeleton size="chart" />
      </div>
    </div>
  );
}
