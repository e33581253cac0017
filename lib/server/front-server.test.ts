import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_HEADER } from '../http-security/client-address';
import { createFrontServer, originForm, type FrontServerOptions, type RequestHandler } from './front-server';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Echoes what reached the handler: method, url and the client header. */
const echo: RequestHandler = (request, response) => {
  response.setHeader('Content-Type', 'application/json');
  response.end(
    JSON.stringify({ method: request.method, url: request.url, client: request.headers[CLIENT_HEADER] }),
  );
};

async function start(handle: RequestHandler = echo, options: Partial<FrontServerOptions> = {}) {
  const server = createFrontServer(handle, {
    headersTimeoutSeconds: 10,
    idleTimeoutSeconds: 30,
    trustedProxies: 0,
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes and collects everything until the server closes the connection. */
function raw(port: number, text: string, { end = true } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => (end ? socket.end(text) : socket.write(text)));
    let out = '';
    socket.on('data', (data) => (out += data));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('the front server', () => {
  it('answers methods the dashboard does not use with 405, in the JSON error shape on the API', async () => {
    const port = await start();
    const trace = await fetch(`http://127.0.0.1:${port}/api/analysis-stats/summary`, {
      method: 'TRACE',
    }).catch(() => null);
    // fetch refuses TRACE itself; the raw request is what a hostile client sends.
    expect(trace).toBeNull();
    const api = await raw(port, 'TRACE /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(api).toMatch(/^HTTP\/1\.1 405 /);
    expect(api).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS, PUT, PATCH, DELETE\r\n/);
    expect(api).toContain('{"error":{"message":"method TRACE is not allowed","param":null}}');
    const page = await raw(port, 'PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(page).toMatch(/^HTTP\/1\.1 405 /);
    expect(page).toMatch(/X-Content-Type-Options: nosniff\r\n/);
  });

  it('answers a target that is not a path with 400, and reads an absolute URL as its path', async () => {
    const port = await start();
    expect(await raw(port, 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(port, 'GET * HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    const absolute = await raw(
      port,
      'GET http://x/analysis?tab=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(absolute).toContain('"url":"/analysis?tab=a"');
    expect(originForm('https://h:1/p')).toBe('/p');
    expect(originForm('ftp://h/p')).toBeNull();
  });

  it('passes the socket address as the client, whatever the request says, and x-forwarded-for only through trusted proxies', async () => {
    const port = await start();
    const spoofed = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'x-forwarded-for': '::ffff:127.0.0.1, 6.6.6.6', [CLIENT_HEADER]: '6.6.6.6' },
    });
    expect((await spoofed.json()).client).toBe('127.0.0.1');
    const behindProxy = await start(echo, { trustedProxies: 1 });
    const forwarded = await fetch(`http://127.0.0.1:${behindProxy}/`, {
      headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
    });
    expect((await forwarded.json()).client).toBe('203.0.113.9');
  });

  it("gives every answer the security headers, keeping a handler's own policy", async () => {
    const port = await start((request, response) => {
      if (request.url === '/own') response.setHeader('Content-Security-Policy', "default-src 'self'");
      response.statusCode = request.url === '/own' ? 200 : 500;
      response.end('x');
    });
    const bare = await fetch(`http://127.0.0.1:${port}/error`);
    expect(bare.status).toBe(500);
    expect(bare.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(bare.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(bare.headers.get('permissions-policy')).toContain('camera=()');
    const own = await fetch(`http://127.0.0.1:${port}/own`);
    expect(own.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers headers that are too large with 431 and the security headers', async () => {
    const port = await start();
    const answer = await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n");
  });

  it('cuts a client that does not finish its headers in time with 408', async () => {
    const port = await start(echo, { headersTimeoutSeconds: 0.5 });
    const answer = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n', { end: false });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that stays silent, but lets an ingest body pause for as long as its own limits allow', async () => {
    const port = await start(
      (request, response) => {
        let bytes = 0;
        request.on('data', (chunk: Buffer) => (bytes += chunk.length));
        request.on('end', () => response.end(String(bytes)));
      },
      { idleTimeoutSeconds: 0.3 },
    );
    const silent = await raw(port, 'POST /api/other HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345', {
      end: false,
    });
    expect(silent).toBe('');
    const ingest = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/trajectories HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n12345',
        );
        setTimeout(() => socket.write('67890'), 1000);
      });
      let out = '';
      socket.on('data', (data) => (out += data));
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
    expect(ingest).toMatch(/^HTTP\/1\.1 200 /);
    expect(ingest.endsWith('\r\n\r\n10')).toBe(true);
  });
});
