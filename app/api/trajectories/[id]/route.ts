import { getTrajectory } from '@/lib/analysis/trajectory';
import { toErrorResponse } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  try {
    const { id } = await context.params;
    return Response.json(await getTrajectory(id));
  } catch (error) {
    return toErrorResponse(error);
  }
}
