import { failureSignatures } from '@/lib/analysis/stats/failure-signatures';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(failureSignatures);
