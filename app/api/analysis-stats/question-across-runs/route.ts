import { questionAcrossRuns } from '@/lib/analysis/stats/question-across-runs';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(questionAcrossRuns);
