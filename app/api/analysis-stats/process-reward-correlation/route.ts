import { processRewardCorrelation } from '@/lib/analysis/process-reward-correlation';
import { runStat } from '@/lib/analysis/stat';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => runStat(processRewardCorrelation, query), ['group_by']);
