import { diff } from '@/lib/analysis/stats/diff';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(diff);
