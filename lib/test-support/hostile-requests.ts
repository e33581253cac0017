import net from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * Requests a hostile but fair client sends, none of which writes a row, each with the answers it may get. The browser
 * tests send each once against a running server (e2e/hostile.spec.ts); the load test sends them over and over while
 * the dashboard is under load and reports their times (scripts/loadtest.ts).
 */
export interface HostileRequest {
  name: string;
  /** Sends the request; resolves with the status (0 when the server closed the connection without an answer). */
  send: () => Promise<number>;
  /** The statuses that mean the server held. */
  expected: readonly number[];
}

export interface HostileTarget {
  base: string;
  /** The server's INGEST_TOKEN (the gzip bodies need it to reach the ingest), or null when ingest is off. */
  ingestToken: string | null;
  /** The id of the longest trajectory, whose pages and record are the heaviest reads. */
  longestTrajectory: string | null;
}

let bodies: { bomb: Buffer; whitespace: Buffer } | null = null;

/** A gzip bomb (64 MiB of "0", about 64 KB) and 32 MiB of whitespace gzipped (quadratic to read before). */
function gzipBodies() {
  bodies ??= {
    bomb: gzipSync(Buffer.alloc(64 << 20, 0x30)),
    whitespace: gzipSync(Buffer.alloc(32 << 20, 0x20)),
  };
  return bodies;
}

/**
 * A raw HTTP exchange (for what fetch refuses to send): resolves with the status of the answer as soon as its status
 * line arrives (then drops the connection), or 0 when the server closes without one.
 */
export function rawStatus(base: string, text: string, { end = true } = {}): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => (end ? socket.end(text) : socket.write(text)));
    let head = '';
    socket.on('data', (data) => {
      head += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('close', () => resolve(0));
    socket.on('error', () => resolve(0));
  });
}

async function status(response: Promise<Response>): Promise<number> {
  const answer = await response;
  await answer.arrayBuffer();
  return answer.status;
}

let spoofed = 0;

/** The requests (their bodies made now, so that sending one times the server only). */
export function hostileRequests(target: HostileTarget): HostileRequest[] {
  const { base, ingestToken, longestTrajectory } = target;
  const { bomb, whitespace } = gzipBodies();
  const ingest = (body: Buffer, token = ingestToken ?? 'none', headers: Record<string, string> = {}) =>
    status(
      fetch(`${base}/api/trajectories`, {
        method: 'POST',
        body: new Uint8Array(body),
        headers: { authorization: `Bearer ${token}`, ...headers },
      }),
    );
  const requests: HostileRequest[] = [
    {
      name: 'TRACE',
      send: () => rawStatus(base, 'TRACE /api/health HTTP/1.1\r\nHost: x\r\n\r\n'),
      expected: [405],
    },
    { name: 'GET *', send: () => rawStatus(base, 'GET * HTTP/1.1\r\nHost: x\r\n\r\n'), expected: [400] },
    {
      name: '20 KB header',
      send: () => rawStatus(base, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      expected: [431],
    },
    {
      name: 'wrong token, forged X-Forwarded-For',
      send: () =>
        ingest(Buffer.alloc(0), `wrong-${spoofed}`, {
          'x-forwarded-for': `::ffff:10.0.${spoofed++ % 250}.1`,
        }),
      expected: ingestToken ? [401, 429] : [403],
    },
    {
      name: 'Content-Length over INGEST_MAX_BYTES',
      send: () =>
        rawStatus(
          base,
          `POST /api/trajectories HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ingestToken ?? 'none'}\r\n` +
            'Content-Length: 999999999999\r\n\r\n',
          { end: false },
        ),
      expected: ingestToken ? [413] : [403],
    },
    {
      name: 'gzip bomb (64 KB → 64 MiB)',
      send: () => ingest(bomb),
      expected: ingestToken ? [413] : [403],
    },
    {
      name: 'whitespace gzip (32 KB → 32 MiB)',
      send: () => ingest(whitespace),
      expected: ingestToken ? [413] : [403],
    },
  ];
  if (longestTrajectory) {
    const id = encodeURIComponent(longestTrajectory);
    requests.push(
      {
        name: 'longest trajectory, page',
        send: () => status(fetch(`${base}/trajectories/${id}`)),
        expected: [200],
      },
      {
        name: 'longest trajectory, JSON record',
        send: () => status(fetch(`${base}/api/trajectories/${id}`)),
        expected: [200],
      },
    );
  }
  return requests;
}
