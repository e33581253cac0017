import { groupZeroVariance } from '@/lib/analysis/stats/group-zero-variance';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(groupZeroVariance);
