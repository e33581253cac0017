import { NextResponse, type NextRequest } from 'next/server';
import { authenticate } from '@/lib/http-security/authenticate';
import { apiHeaders as apiHeadersFor, preflightResponse } from '@/lib/http-security/api-headers';
import {
  API_CONTENT_SECURITY_POLICY,
  newNonce,
  pageContentSecurityPolicy,
} from '@/lib/http-security/content-security-policy';
import { escapeStrayPercents, hasMalformedEscape } from '@/lib/http-security/malformed-path';
import { currentSettings } from '@/lib/http-security/settings';

const REALM = 'Basic realm="RL Trajectory Dashboard", charset="UTF-8"';

/** Open without dashboard credentials: the health check. (Ingest, `/api/trajectories`, is outside the matcher.) */
function isOpen(pathname: string): boolean {
  return pathname === '/api/health';
}

function apiError(message: string, param: string | null, status: number, headers: Record<string, string>) {
  return NextResponse.json({ error: { message, param } }, { status, headers });
}

/**
 * Runs before every page and API route: answers CORS preflights, asks for credentials when DASHBOARD_AUTH is set
 * (401, or 429 after too many failures), turns undecodable %-escapes into a 400 (API) or a redirect to their literal reading (pages), and gives
 * every answer its Content-Security-Policy (pages: a fresh script nonce that Next.js applies to its own scripts).
 */
export function proxy(request: NextRequest): NextResponse {
  const settings = currentSettings();
  const { pathname } = request.nextUrl;
  const api = pathname === '/api' || pathname.startsWith('/api/');
  const origin = request.headers.get('origin');
  const apiHeaders = apiHeadersFor(origin, settings.corsOrigins);

  if (api && request.method === 'OPTIONS') {
    const preflight = preflightResponse(origin, settings.corsOrigins);
    return new NextResponse(null, { status: preflight.status, headers: preflight.headers });
  }

  if (!isOpen(pathname)) {
    const outcome = authenticate(request.headers, settings);
    if (outcome.kind === 'throttled') {
      const headers = { 'Retry-After': String(outcome.retryAfterSeconds) };
      const message = `too many failed logins; retry in ${outcome.retryAfterSeconds} s`;
      return api
        ? apiError(message, null, 429, { ...apiHeaders, ...headers })
        : new NextResponse(message, {
            status: 429,
            headers: { ...headers, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY },
          });
    }
    if (outcome.kind === 'unauthenticated') {
      const message = outcome.reason === 'missing' ? 'authentication required' : 'invalid credentials';
      return api
        ? apiError(message, null, 401, { ...apiHeaders, 'WWW-Authenticate': REALM })
        : new NextResponse(message, {
            status: 401,
            headers: { 'WWW-Authenticate': REALM, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY },
          });
    }
  }

  if (hasMalformedEscape(pathname)) {
    if (api) return apiError('not a valid percent-encoded path segment', 'id', 400, apiHeaders);
    // To the address that reads the segment as typed (the page then says "not found"): the browser's router must
    // never see an escape it cannot decode.
    const url = request.nextUrl.clone();
    url.pathname = escapeStrayPercents(pathname);
    return NextResponse.redirect(url, 307);
  }

  if (api) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(apiHeaders)) response.headers.set(name, value);
    return response;
  }
  return pageWithPolicy(request, settings.development);
}

/** Passes the page's policy (with a fresh nonce) to the renderer on the request and to the browser on the answer. */
function pageWithPolicy(request: NextRequest, development: boolean): NextResponse {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, development);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed JS/CSS chunks, public to anyone who has the app) and the ingest
  // endpoint: Next.js buffers a request body for the proxy and cuts it at 10 MB, so `/api/trajectories` must stream
  // to its handler untouched (it checks its own INGEST_TOKEN and sets its own headers).
  matcher: ['/((?!_next/static|_next/image|api/trajectories$).*)'],
};
