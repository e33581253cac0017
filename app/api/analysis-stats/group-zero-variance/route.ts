import { groupZeroVariance } from '@/lib/analysis/group-zero-variance';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(groupZeroVariance);
