import { epochList } from '@/lib/analysis/stats/epoch-list';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(epochList);
