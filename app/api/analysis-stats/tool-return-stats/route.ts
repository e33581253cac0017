import { runStat } from '@/lib/analysis/stat';
import { toolReturnStats } from '@/lib/analysis/tool-return-stats';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => runStat(toolReturnStats, query), ['group_by']);
