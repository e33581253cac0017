import { API_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { corsHeaders, preflightHeaders } from './cors';

/** Headers of every JSON API answer: CORS for `origin` (and `Vary: Origin`) and the JSON policy. */
export function apiHeaders(origin: string | null, corsOrigins: ReadonlySet<string>): Record<string, string> {
  return { ...corsHeaders(origin, corsOrigins), 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY };
}

/** The 204 answer to a CORS preflight of an API route. */
export function preflightResponse(origin: string | null, corsOrigins: ReadonlySet<string>): Response {
  const headers = {
    ...preflightHeaders(origin, corsOrigins),
    'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
  };
  return new Response(null, { status: 204, headers });
}

/** `response` with the API headers set (for a route the proxy does not run before). */
export function withApiHeaders(
  response: Response,
  origin: string | null,
  corsOrigins: ReadonlySet<string>,
): Response {
  for (const [name, value] of Object.entries(apiHeaders(origin, corsOrigins)))
    response.headers.set(name, value);
  return response;
}
