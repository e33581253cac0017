import { groupDetail } from '@/lib/analysis/stats/group-detail';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(groupDetail);
