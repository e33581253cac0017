import { toolReturnStats } from '@/lib/analysis/tool-return-stats';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(toolReturnStats);
