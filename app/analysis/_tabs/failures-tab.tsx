import { TerminationCard } from '@/components/analysis/termination-card';
import { EmptyExplanation, explainEmpty, type EmptyExplained } from '@/components/filters/empty-explanation';
import { FailureScope } from '@/components/failures/failure-scope';
import { FailureSignaturesCard } from '@/components/failures/failure-signatures-card';
import { FailureTable } from '@/components/failures/failure-table';
import { TrajectoryDrawer } from '@/components/failures/trajectory-drawer';
import { Card } from '@/components/ui/card';
import { CardGrid, Stack } from '@/components/ui/layout';
import { AnalysisError } from '@/lib/analysis/errors';
import { emptyCauses } from '@/lib/analysis/filters/empty-causes';
import { FAILURE_REWARD_MAX, failureCases, type FailureCases } from '@/lib/analysis/stats/failure-cases';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { Source } from '@/lib/analysis/source';
import { terminationStats, type TerminationStats } from '@/lib/analysis/stats/termination-stats';
import { failureSignatures, type FailureSignatures } from '@/lib/analysis/stats/failure-signatures';
import { getTrajectory, type TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import type { DashboardParams } from '@/lib/search-params';
import { LoadCard } from './load-card';
import { loadNotes } from '@/app/notes/_parts/target-notes';
import { labelsByTrajectory } from '@/lib/annotations/select';

export const FAILURES_PER_PAGE = 25;
/** The most common failure signatures the tab lists (the card says how many more there are). */
export const SIGNATURES_ON_TAB = 10;

interface FailuresTabProps {
  query: AnalysisQuery;
  source: Source;
  params: DashboardParams;
}

/** A page of the list, and when the list is empty, which filter emptied it. */
interface FailureList {
  failures: FailureCases;
  empty: EmptyExplained | null;
  /** The note labels of the page's trajectories. */
  labels: Record<string, string[]>;
}

async function loadDrawer(id: string, source: Source): Promise<TrajectoryDetail | null> {
  try {
    return await getTrajectory(id, source);
  } catch (error) {
    if (error instanceof AnalysisError) return null;
    throw error;
  }
}

/**
 * Why runs fail: failures by termination reason (click to filter), failures by signature (click to filter), the
 * failing trajectories, one opened in a drawer.
 */
export async function FailuresTab({ query, source, params }: FailuresTabProps) {
  // Failures are trajectories at or below the failure reward bound, unless the filters set their own (`any`: none).
  const failing: AnalysisQuery = { ...query, reward_max: query.reward_max ?? FAILURE_REWARD_MAX };
  const lifted = !Number.isFinite(failing.reward_max);
  const title = lifted ? 'All trajectories' : 'Failing trajectories';
  const page = Math.max(1, params.page ?? 1);
  const drawerId = params.trajectory;
  const detail = drawerId ? await loadDrawer(drawerId, source) : null;
  const loadList = async (): Promise<FailureList> => {
    const failures = await failureCases(
      { ...query, limit: FAILURES_PER_PAGE, offset: (page - 1) * FAILURES_PER_PAGE },
      source,
    );
    // Empty: count again without each filter (the default reward cap included) to say which one emptied it.
    const empty = failures.total === 0 ? explainEmpty(await emptyCauses(source, failing), params) : null;
    return { failures, empty, labels: labelsByTrajectory(await loadNotes(), failures.data) };
  };
  return (
    <Stack>
      <CardGrid columns="narrow-wide">
        <Stack>
          <LoadCard<TerminationStats>
            title={lifted ? 'Termination reasons' : 'Failure categories'}
            size="chart"
            // Every category, whichever is filtered on: the donut marks the chosen one instead of shrinking to it.
            load={() => terminationStats({ ...failing, termination_reason: undefined }, source)}
          >
            {(stats) => (
              <TerminationCard
                stats={stats}
                filterOnClick
                title={lifted ? 'Termination reasons' : 'Failure categories'}
              />
            )}
          </LoadCard>
          <LoadCard<FailureSignatures>
            title="Failure signatures"
            size="table"
            load={() => failureSignatures({ ...failing, limit: SIGNATURES_ON_TAB }, source)}
          >
            {(result) => (
              <FailureSignaturesCard
                result={result}
                params={params}
                scope={lifted ? 'every reward' : `trajectories with reward ≤ ${failing.reward_max}`}
              />
            )}
          </LoadCard>
        </Stack>
        <LoadCard<FailureList> title={title} size="table" load={loadList}>
          {({ failures, empty, labels }) => (
            <Card
              title={title}
              subtitle={<FailureScope params={params} total={failures.total} />}
              testId="card-failures"
            >
              {empty ? (
                <EmptyExplanation explained={empty} />
              ) : (
                <FailureTable failures={failures} params={params} labels={labels} />
              )}
            </Card>
          )}
        </LoadCard>
      </CardGrid>
      {drawerId ? (
        <TrajectoryDrawer detail={detail} notFoundId={detail ? null : drawerId} q={query.q} />
      ) : null}
    </Stack>
  );
}
