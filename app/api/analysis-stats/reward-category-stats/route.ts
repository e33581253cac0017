import { rewardCategoryStats } from '@/lib/analysis/reward-category-stats';
import { runStat } from '@/lib/analysis/stat';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => runStat(rewardCategoryStats, query), ['group_by']);
