import { Suspense } from 'react';
import { KpiTiles } from '@/components/analysis/kpi-tiles';
import { HealthBadgeSkeleton } from '@/components/health/health-badge';
import { RunHealthStrip } from '@/components/health/run-health-strip';
import { ProcessRewardCard } from '@/components/analysis/process-reward-card';
import { RewardCategoriesCard } from '@/components/analysis/reward-categories-card';
import { TerminationCard } from '@/components/analysis/termination-card';
import { ToolReturnsCard } from '@/components/analysis/tool-returns-card';
import { CardGrid, Stack } from '@/components/ui/layout';
import {
  processRewardCorrelation,
  type ProcessRewardCorrelation,
} from '@/lib/analysis/stats/process-reward-correlation';
import { parseAnalysisQuery, type AnalysisQuery } from '@/lib/analysis/filters/query';
import { rewardCategoryStats, type RewardCategoryStats } from '@/lib/analysis/stats/reward-category-stats';
import type { Source } from '@/lib/analysis/source';
import { summary, type Summary } from '@/lib/analysis/stats/summary';
import { terminationStats, type TerminationStats } from '@/lib/analysis/stats/termination-stats';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import { MIN_EPOCH_ROWS } from '@/lib/analysis/health/rules';
import { epochList } from '@/lib/analysis/stats/epoch-list';
import { runAlerts } from '@/lib/analysis/stats/run-alerts';
import { toolReturnStats, type ToolReturnStats } from '@/lib/analysis/stats/tool-return-stats';
import { alertsByRun, healthBadge } from '@/lib/chart-data/run-health';
import { LoadCard } from './load-card';

/**
 * The health badge of each selected run. The alerts of every run are asked, as the home page asks them (one answer,
 * cached per table version, serves both); the filters do not apply, as on the Health tab.
 */
async function HealthStrip({ trainingIds, source }: { trainingIds: string[]; source: Source }) {
  const defaults = parseAnalysisQuery({});
  let alerts: Map<string, HealthAlert[]> | null = null;
  const judged = new Set<string>();
  try {
    const [answer, lists] = await Promise.all([
      runAlerts(defaults, source),
      Promise.all(trainingIds.map((id) => epochList({ ...defaults, training_id: [id] }, source))),
    ]);
    alerts = alertsByRun(answer);
    lists.forEach(({ epochs }, i) => {
      if (epochs.some((e) => e.trajectory_count >= MIN_EPOCH_ROWS)) judged.add(trainingIds[i]);
    });
  } catch (error) {
    console.error(error);
  }
  return (
    <RunHealthStrip
      runs={trainingIds.map((trainingId) => ({
        trainingId,
        badge: healthBadge(
          trainingId,
          alerts === null ? null : alerts.get(trainingId),
          judged.has(trainingId),
        ),
      }))}
    />
  );
}

export function OverviewTab({ query, source }: { query: AnalysisQuery; source: Source }) {
  const selected = query.training_id ?? [];
  return (
    <Stack>
      {selected.length > 0 ? (
        <Suspense fallback={<HealthBadgeSkeleton />}>
          <HealthStrip trainingIds={selected} source={source} />
        </Suspense>
      ) : null}
      <LoadCard<Summary> title="Headline figures" size="tile" load={() => summary(query, source)}>
        {(data) => <KpiTiles summary={data} />}
      </LoadCard>
      <CardGrid>
        <LoadCard<TerminationStats>
          title="Termination reasons"
          size="chart"
          load={() => terminationStats(query, source)}
        >
          {(data) => <TerminationCard stats={data} />}
        </LoadCard>
        <LoadCard<RewardCategoryStats>
          title="Reward categories"
          size="chart"
          load={() => rewardCategoryStats(query, source)}
        >
          {(data) => <RewardCategoriesCard stats={data} />}
        </LoadCard>
        <LoadCard<ToolReturnStats>
          title="Tool returns"
          size="chart"
          load={() => toolReturnStats(query, source)}
        >
          {(data) => <ToolReturnsCard stats={data} />}
        </LoadCard>
        <LoadCard<ProcessRewardCorrelation>
          title="Process reward vs. reward"
          size="chart"
          load={() => processRewardCorrelation(query, source)}
        >
          {(data) => <ProcessRewardCard correlation={data} />}
        </LoadCard>
      </CardGrid>
    </Stack>
  );
}
