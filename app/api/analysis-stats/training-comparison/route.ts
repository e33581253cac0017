import { trainingComparison } from '@/lib/analysis/stats/training-comparison';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(trainingComparison);
