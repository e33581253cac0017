import { runStat } from '@/lib/analysis/stat';
import { terminationStats } from '@/lib/analysis/termination-stats';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => runStat(terminationStats, query), ['group_by']);
