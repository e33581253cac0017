import { questionDisagreement } from '@/lib/analysis/stats/question-disagreement';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(questionDisagreement);
