import { KpiTiles } from '@/components/analysis/kpi-tiles';
import { ProcessRewardCard } from '@/components/analysis/process-reward-card';
import { RewardCategoriesCard } from '@/components/analysis/reward-categories-card';
import { TerminationCard } from '@/components/analysis/termination-card';
import { ToolReturnsCard } from '@/components/analysis/tool-returns-card';
import { CardGrid, Stack } from '@/components/ui/layout';
import {
  processRewardCorrelation,
  type ProcessRewardCorrelation,
} from '@/lib/analysis/stats/process-reward-correlation';
import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import { rewardCategoryStats, type RewardCategoryStats } from '@/lib/analysis/stats/reward-category-stats';
import type { Source } from '@/lib/analysis/source';
import { summary, type Summary } from '@/lib/analysis/stats/summary';
import { terminationStats, type TerminationStats } from '@/lib/analysis/stats/termination-stats';
import { toolReturnStats, type ToolReturnStats } from '@/lib/analysis/stats/tool-return-stats';
import { LoadCard } from './load-card';

export function OverviewTab({ query, source }: { query: AnalysisQuery; source: Source }) {
  return (
    <Stack>
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
