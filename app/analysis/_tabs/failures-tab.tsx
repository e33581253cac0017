import { TerminationCard } from '@/components/analysis/termination-card';
import { FailureTable } from '@/components/failures/failure-table';
import { TrajectoryDrawer } from '@/components/failures/trajectory-drawer';
import { CardGrid, Stack } from '@/components/ui/layout';
import { AnalysisError } from '@/lib/analysis/errors';
import { FAILURE_REWARD_MAX, failureCases, type FailureCases } from '@/lib/analysis/stats/failure-cases';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { terminationStats, type TerminationStats } from '@/lib/analysis/stats/termination-stats';
import { getTrajectory, type TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import type { DashboardParams } from '@/lib/search-params';
import { LoadCard } from './load-card';

export const FAILURES_PER_PAGE = 25;

interface FailuresTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
}

async function loadDrawer(id: string, source: Source): Promise<TrajectoryDetail | null> {
  try {
    return await getTrajectory(id, source);
  } catch (error) {
    if (error instanceof AnalysisError) return null;
    throw error;
  }
}

/** Why runs fail: failures by termination reason (click to filter), the failing trajectories, one opened in a drawer. */
export async function FailuresTab({ query, source, params }: FailuresTabProps) {
  // Failures are trajectories at or below the failure reward bound, unless the filters set their own.
  const failing: AnalysisQuery = { ...query, reward_max: query.reward_max ?? FAILURE_REWARD_MAX };
  const page = Math.max(1, params.page ?? 1);
  const drawerId = params.trajectory;
  const detail = drawerId ? await loadDrawer(drawerId, source) : null;
  return (
    <Stack>
      <CardGrid columns="narrow-wide">
        <LoadCard<TerminationStats>
          title="Failure categories"
          size="chart"
          // Every category, whichever is filtered on: the donut marks the chosen one instead of shrinking to it.
          load={() => terminationStats({ ...failing, termination_reason: undefined }, source)}
        >
          {(stats) => <TerminationCard stats={stats} filterOnClick title="Failure categories" />}
        </LoadCard>
        <LoadCard<FailureCases>
          title="Failing trajectories"
          size="table"
          load={() =>
            failureCases(
              { ...query, limit: FAILURES_PER_PAGE, offset: (page - 1) * FAILURES_PER_PAGE },
              source,
            )
          }
        >
          {(failures) => <FailureTable failures={failures} params={params} />}
        </LoadCard>
      </CardGrid>
      {drawerId ? (
        <TrajectoryDrawer detail={detail} notFoundId={detail ? null : drawerId} q={query.q} />
      ) : null}
    </Stack>
  );
}
