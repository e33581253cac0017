import { epochProgression } from '@/lib/analysis/epoch-progression';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute((query) => epochProgression(query));
