import { unexpectedToolContexts } from '@/lib/analysis/stats/unexpected-tool-contexts';
import { statRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = statRoute(unexpectedToolContexts);
