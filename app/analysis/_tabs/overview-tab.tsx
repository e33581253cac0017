import { Suspense } from 'react';
import { KpiTiles } from '@/components/analysis/kpi-tiles';
import { PooledNote } from '@/components/analysis/pooled-note';
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
import { selectionExtent, type SelectionExtent } from '@/lib/analysis/filters/extent';
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

/** Said above the figures when they pool several epochs or runs (nothing while it loads, or if it fails). */
async function Pooled({ query, source }: { query: AnalysisQuery; source: Source }) {
  let extent: SelectionExtent;
  try {
    extent = await selectionExtent(source, query);
  } catch (error) {
    console.error(error);
    return null;
  }
  return <PooledNote extent={extent} />;
}

/**
 * A card's stat with what the selection spans (cached per table version, so every card asks it for free): a figure
 * pooled over several epochs says so, and a count of questions says what it counts.
 */
function withExtent<T>(load: () => Promise<T>, query: AnalysisQuery, source: Source) {
  return async (): Promise<[T, SelectionExtent]> => Promise.all([load(), selectionExtent(source, query)]);
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
      <Suspense fallback={null}>
        <Pooled query={query} source={source} />
      </Suspense>
      <LoadCard<[Summary, SelectionExtent]>
        title="Headline figures"
        size="tile"
        load={withExtent(() => summary(query, source), query, source)}
      >
        {([data, extent]) => <KpiTiles summary={data} extent={extent} />}
      </LoadCard>
      <CardGrid>
        <LoadCard<[TerminationStats, SelectionExtent]>
          title="Termination reasons"
          size="chart"
          load={withExtent(() => terminationStats(query, source), query, source)}
        >
          {([data, extent]) => <TerminationCard stats={data} extent={extent} />}
        </LoadCard>
        <LoadCard<[RewardCategoryStats, SelectionExtent]>
          title="Reward categories"
          size="chart"
          load={withExtent(() => rewardCategoryStats(query, source), query, source)}
        >
          {([data, extent]) => <RewardCategoriesCard stats={data} extent={extent} />}
        </LoadCard>
        <LoadCard<[ToolReturnStats, SelectionExtent]>
          title="Tool returns"
          size="chart"
          load={withExtent(() => toolReturnStats(query, source), query, source)}
        >
          {([data, extent]) => <ToolReturnsCard stats={data} extent={extent} />}
        </LoadCard>
        <LoadCard<[ProcessRewardCorrelation, SelectionExtent]>
          title="Process reward vs. reward"
          size="chart"
          load={withExtent(() => processRewardCorrelation(query, source), query, source)}
        >
          {([data, extent]) => <ProcessRewardCard correlation={data} extent={extent} />}
        </LoadCard>
      </CardGrid>
    </Stack>
  );
}
