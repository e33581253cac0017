import { getTrajectory } from '@/lib/analysis/trajectory';
import { answer } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  return answer(async () => getTrajectory((await context.params).id));
}
