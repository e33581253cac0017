import { rewardHistogram } from '@/lib/analysis/stats/reward-histogram';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(rewardHistogram);
