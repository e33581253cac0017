import { questionLearning } from '@/lib/analysis/stats/question-learning';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(questionLearning);
