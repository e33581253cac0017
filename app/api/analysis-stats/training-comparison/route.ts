import { trainingComparison } from '@/lib/analysis/training-comparison';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => trainingComparison(query), ['training_ids']);
