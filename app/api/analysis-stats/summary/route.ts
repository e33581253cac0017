import { runStat } from '@/lib/analysis/stat';
import { summary } from '@/lib/analysis/summary';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => runStat(summary, query), ['group_by']);
