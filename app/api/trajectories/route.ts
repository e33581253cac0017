import { preflightResponse, withApiHeaders } from '@/lib/http-security/api-headers';
import { currentSettings } from '@/lib/http-security/settings';
import { handleIngestRequest } from '@/lib/ingest/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Appends trajectories (NDJSON or a JSON array). See docs/ingest.md. The proxy does not run before this route (its
 * body must stream), so the route sets the API headers and answers preflights itself.
 */
export async function POST(request: Request): Promise<Response> {
  const response = await handleIngestRequest(request);
  return withApiHeaders(response, request.headers.get('origin'), currentSettings().corsOrigins);
}

export function OPTIONS(request: Request): Response {
  return preflightResponse(request.headers.get('origin'), currentSettings().corsOrigins);
}
