/**
 * Cross-origin access to the JSON API. Same-origin only unless `CORS_ORIGINS` lists exact origins
 * (`https://a.example,https://b.example`); an origin not on the list gets no Access-Control-Allow-Origin at all.
 */
export function parseCorsOrigins(text: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin like https://host[:port]`);
    }
    if (origin === 'null' || origin !== entry.replace(/\/$/, ''))
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin like https://host[:port] (no path)`);
    origins.add(origin);
  }
  return origins;
}

export const CORS_ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type, Content-Encoding';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** CORS headers of an API answer to a request from `origin` (every answer varies by Origin). */
export function corsHeaders(origin: string | null, allowed: ReadonlySet<string>): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && allowed.has(origin)) headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}

/** Headers of the 204 answer to a preflight: methods and headers only for an allowed origin. */
export function preflightHeaders(
  origin: string | null,
  allowed: ReadonlySet<string>,
): Record<string, string> {
  const headers = corsHeaders(origin, allowed);
  if (!headers['Access-Control-Allow-Origin']) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
