import { toolReturnStats } from '@/lib/analysis/stats/tool-return-stats';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(toolReturnStats);
