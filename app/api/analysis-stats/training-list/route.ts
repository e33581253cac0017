import { openSource } from '@/lib/analysis/source';
import { listTrainings } from '@/lib/analysis/training-list';
import { analysisRoute } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export const GET = analysisRoute(async () => listTrainings(await openSource()), [], { filters: false });
