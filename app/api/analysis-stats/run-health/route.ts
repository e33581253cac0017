import { runHealth } from '@/lib/analysis/stats/run-health';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(runHealth);
