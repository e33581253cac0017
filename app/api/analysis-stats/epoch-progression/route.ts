import { epochProgression } from '@/lib/analysis/stats/epoch-progression';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(epochProgression);
