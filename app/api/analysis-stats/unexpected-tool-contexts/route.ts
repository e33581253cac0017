import { unexpectedToolContexts } from '@/lib/analysis/unexpected-tool-contexts';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => unexpectedToolContexts(query), ['tool', 'limit', 'offset']);
