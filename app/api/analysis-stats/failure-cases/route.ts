import { failureCases } from '@/lib/analysis/failure-cases';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => failureCases(query), ['limit', 'offset', 'sort']);
