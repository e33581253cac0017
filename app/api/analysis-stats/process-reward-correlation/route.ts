import { processRewardCorrelation } from '@/lib/analysis/stats/process-reward-correlation';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(processRewardCorrelation);
