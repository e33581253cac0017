import { rewardCategoryStats } from '@/lib/analysis/stats/reward-category-stats';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(rewardCategoryStats);
