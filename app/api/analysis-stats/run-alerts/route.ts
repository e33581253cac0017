import { runAlerts } from '@/lib/analysis/stats/run-alerts';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(runAlerts);
