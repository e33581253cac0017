import { handleIngestRequest } from '@/lib/ingest/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Appends trajectories (NDJSON or a JSON array). See docs/ingest.md. */
export async function POST(request: Request): Promise<Response> {
  return handleIngestRequest(request);
}
