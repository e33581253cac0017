import { failureCases } from '@/lib/analysis/stats/failure-cases';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(failureCases);
