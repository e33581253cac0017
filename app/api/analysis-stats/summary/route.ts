import { summary } from '@/lib/analysis/stats/summary';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(summary);
