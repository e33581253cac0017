import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** For load balancers: open even when DASHBOARD_AUTH is set, so it says only whether the database answers. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
