import { trainingList } from '@/lib/analysis/stats/training-list';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(trainingList);
