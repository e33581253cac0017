import { epochList } from '@/lib/analysis/epoch-list';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => epochList(query));
