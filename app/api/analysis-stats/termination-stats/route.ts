import { terminationStats } from '@/lib/analysis/stats/termination-stats';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(terminationStats);
