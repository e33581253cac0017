import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { retryable, WebhookQueue, WebhookSender } from './alert-delivery';

interface Receiver {
  url: URL;
  bodies: string[];
  close: () => Promise<void>;
}

/** An HTTP endpoint on 127.0.0.1 answering the n-th request (1-based) with `status(n)`. */
async function receiver(status: (n: number) => number | Promise<number>): Promise<Receiver> {
  const bodies: string[] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    bodies.push(body);
    response.writeHead(await status(bodies.length)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/hooks/secret-token`),
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const FAST = { retryDelaysMs: [10, 20], timeoutMs: 5_000 };

let warn: MockInstance<typeof console.warn>;
const receivers: Receiver[] = [];
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  warn.mockRestore();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function open(status: (n: number) => number | Promise<number>): Promise<Receiver> {
  const r = await receiver(status);
  receivers.push(r);
  return r;
}

describe('retryable', () => {
  it('retries no answer, timeouts, throttling and server errors only', () => {
    expect([null, 408, 429, 500, 503].map(retryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 410].map(retryable)).toEqual([false, false, false, false, false]);
  });
});

describe('WebhookQueue', () => {
  it('POSTs the body as JSON and stops at the first 2xx', async () => {
    const r = await open(() => 204);
    const queue = new WebhookQueue(r.url, FAST);
    queue.push('{"text":"a"}');
    await queue.idle();
    expect(r.bodies).toEqual(['{"text":"a"}']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('retries a server error, logging the host and status but not the path', async () => {
    const r = await open((n) => (n === 1 ? 503 : 200));
    const queue = new WebhookQueue(r.url, FAST);
    queue.push('{"n":1}');
    await queue.idle();
    expect(r.bodies).toEqual(['{"n":1}', '{"n":1}']);
    expect(warn.mock.calls).toEqual([
      [`alert webhook ${r.url.host}: HTTP 503 (attempt 1 of 3); retrying in 0.01 s`],
    ]);
    expect(String(warn.mock.calls)).not.toContain('secret-token');
  });

  it('gives up after 3 attempts, and at once on a client error', async () => {
    const failing = await open(() => 500);
    const queue = new WebhookQueue(failing.url, FAST);
    queue.push('{"n":1}');
    await queue.idle();
    expect(failing.bodies).toHaveLength(3);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      `alert webhook ${failing.url.host}: HTTP 500 (attempt 1 of 3); retrying in 0.01 s`,
      `alert webhook ${failing.url.host}: HTTP 500 (attempt 2 of 3); retrying in 0.02 s`,
      `alert webhook ${failing.url.host}: HTTP 500 (attempt 3 of 3); payload not delivered`,
    ]);

    warn.mockClear();
    const refusing = await open(() => 404);
    const other = new WebhookQueue(refusing.url, FAST);
    other.push('{"n":2}');
    await other.idle();
    expect(refusing.bodies).toEqual(['{"n":2}']);
    expect(warn.mock.calls).toEqual([
      [`alert webhook ${refusing.url.host}: HTTP 404 (attempt 1 of 3); payload not delivered`],
    ]);
  });

  it('counts an endpoint that does not answer as a failure', async () => {
    const gone = await receiver(() => 200);
    await gone.close();
    const queue = new WebhookQueue(gone.url, FAST);
    queue.push('{}');
    await queue.idle();
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      `alert webhook ${gone.url.host}: no answer (attempt 1 of 3); retrying in 0.01 s`,
      `alert webhook ${gone.url.host}: no answer (attempt 2 of 3); retrying in 0.02 s`,
      `alert webhook ${gone.url.host}: no answer (attempt 3 of 3); payload not delivered`,
    ]);
  });

  it('keeps at most maxPending payloads waiting, dropping the oldest', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const r = await open(async (n) => {
      if (n === 1) {
        arrived();
        await held;
      }
      return 200;
    });
    const queue = new WebhookQueue(r.url, { ...FAST, maxPending: 2 });
    queue.push('1');
    await first; // 1 is being delivered; 2…5 wait behind it.
    for (const body of ['2', '3', '4', '5']) queue.push(body);
    release();
    await queue.idle();
    expect(r.bodies).toEqual(['1', '4', '5']);
    expect(warn.mock.calls).toEqual([
      [`alert webhook ${r.url.host}: more than 2 payloads waiting; dropped the oldest`],
      [`alert webhook ${r.url.host}: more than 2 payloads waiting; dropped the oldest`],
    ]);
  });
});

describe('WebhookSender', () => {
  it('sends every payload to every URL, a stuck endpoint not delaying the others', async () => {
    let delivered!: () => void;
    const goodGotIt = new Promise<void>((resolve) => (delivered = resolve));
    // The stuck endpoint answers only once the other one has received the payload.
    const stuck = await open(async () => {
      await goodGotIt;
      return 200;
    });
    const good = await open(() => {
      delivered();
      return 200;
    });
    const sender = new WebhookSender([stuck.url, good.url], FAST);
    sender.send({ text: 'one' });
    sender.send({ text: 'two' });
    await sender.idle();
    expect(good.bodies).toEqual(['{"text":"one"}', '{"text":"two"}']);
    expect(stuck.bodies).toEqual(['{"text":"one"}', '{"text":"two"}']);
    expect(warn).not.toHaveBeenCalled();
  });
});
