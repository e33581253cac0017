import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CLIENT_HEADER, clientAddress } from '../http-security/client-address';
import { API_CONTENT_SECURITY_POLICY } from '../http-security/content-security-policy';
import staticHeaders from '../http-security/static-headers.json';
import type { ServerSettings } from './server-settings';

/** Methods the dashboard answers; anything else (TRACE, TRACK, PROPFIND …) gets 405 before it reaches Next.js. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'PATCH', 'DELETE'] as const;
const allowed = new Set<string>(ALLOWED_METHODS);

/** The ingest endpoint: its body streams for as long as its own limits allow (lib/ingest/limits.ts). */
const INGEST_PATH = '/api/trajectories';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface FrontServerOptions extends Pick<
  ServerSettings,
  'headersTimeoutSeconds' | 'idleTimeoutSeconds'
> {
  /** Reverse proxies in front whose `x-forwarded-for` entries are believed (`TRUST_PROXY_HOPS`). */
  trustedProxies: number;
}

/** The headers every answer carries unless its handler set its own (Next.js's own error answers set none). */
const DEFAULT_HEADERS: [string, string][] = [
  ...staticHeaders.map(({ key, value }): [string, string] => [key, value]),
  ['Content-Security-Policy', API_CONTENT_SECURITY_POLICY],
];

function withDefaultHeaders(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!this.headersSent)
      for (const [name, value] of DEFAULT_HEADERS) if (!this.hasHeader(name)) this.setHeader(name, value);
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

function refuse(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  const api = response.req.url?.startsWith('/api') ?? false;
  const body = api ? JSON.stringify({ error: { message, param: null } }) : `${message}\n`;
  response.writeHead(status, {
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
    ...headers,
  });
  response.end(body);
}

/** A raw answer on a socket whose request could not be parsed (no response object exists for it). */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout']
        : [400, 'Bad Request'];
  const headers = [...DEFAULT_HEADERS, ['Content-Length', '0'], ['Connection', 'close']]
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n`);
}

/** A request target as a path (`/a?b`): an absolute URL (`http://host/a?b`) becomes its path; `*` and the rest null. */
export function originForm(target: string): string | null {
  if (target.startsWith('/')) return target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/**
 * The Node.js server in front of Next.js (used by `npm start`, `npm run demo` and the browser tests). Next.js alone
 * cannot see the socket's address once a client sends its own `x-forwarded-for`, and sets no header or idle timeouts;
 * this server:
 * - passes the client's address, from the socket (and `x-forwarded-for` only as far as `trustedProxies` go), in
 *   `x-dashboard-client`, dropping any such header the client sent;
 * - answers methods the dashboard does not use with 405, and a request target that is not a path with 400 (`*`;
 *   an absolute URL is read as its path);
 * - gives every answer the security headers (and the JSON policy where the handler set no policy), Next.js's own
 *   error answers and unparseable requests (400, 408, 431) included;
 * - cuts clients that take longer than `headersTimeoutSeconds` to send their headers, and connections silent for
 *   `idleTimeoutSeconds`, except a request to the ingest endpoint, whose body is bounded by the ingest limits.
 */
export function createFrontServer(handle: RequestHandler, options: FrontServerOptions): http.Server {
  const server = http.createServer(
    {
      headersTimeout: options.headersTimeoutSeconds * 1000,
      // Whole-request deadlines would cut an ingest body that waits for the write lock; ingest sets its own.
      requestTimeout: 0,
      connectionsCheckingInterval: 1000,
    },
    (request, response) => {
      withDefaultHeaders(response);
      const method = request.method ?? '';
      if (!allowed.has(method)) {
        refuse(response, 405, `method ${method} is not allowed`, { Allow: ALLOWED_METHODS.join(', ') });
        return;
      }
      const target = originForm(request.url ?? '');
      if (target === null) {
        refuse(response, 400, 'the request target must be a path');
        return;
      }
      request.url = target;
      const peer = request.socket.remoteAddress;
      const forwarded = request.headers['x-forwarded-for'];
      request.headers[CLIENT_HEADER] = clientAddress(
        peer,
        Array.isArray(forwarded) ? forwarded.join(', ') : (forwarded ?? null),
        options.trustedProxies,
      );
      const path = target.split('?')[0];
      if (method === 'POST' && path === INGEST_PATH) request.socket.setTimeout(0);
      else request.socket.setTimeout(options.idleTimeoutSeconds * 1000);
      return handle(request, response);
    },
  );
  server.keepAliveTimeout = 5000;
  // A socket whose timeout fires (no listener for 'timeout') is destroyed by Node.js.
  server.on('clientError', answerClientError);
  return server;
}
