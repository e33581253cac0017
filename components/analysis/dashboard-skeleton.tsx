import { CardGrid, Stack } from '@/components/ui/layout';
import { CardSkeleton, KpiTilesSkeleton } from '@/components/ui/skeleton';

/** The dashboard while its page is computed: the filter bar, the headline tiles and two rows of charts. */
export function DashboardSkeleton() {
  return (
    <Stack>
      <CardSkeleton size="tile" title="Filters" />
      <KpiTilesSkeleton />
      <CardGrid>
        <CardSkeleton size="chart" />
        <CardSkeleton size="chart" />
      </CardGrid>
    </Stack>
  );
}
