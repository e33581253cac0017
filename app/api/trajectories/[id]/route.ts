import { trajectoryRecordJson } from '@/lib/analysis/records/trajectory';
import { answer } from '@/lib/api/analysis-route';

export const dynamic = 'force-dynamic';

/** The stored record of one trajectory, every step included. */
export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  return answer(
    async () =>
      new Response(await trajectoryRecordJson((await context.params).id), {
        headers: { 'Content-Type': 'application/json' },
      }),
  );
}
