/**
 * Delivery of webhook payloads: one queue per URL (a failing endpoint never delays the others), payloads in the order
 * given, each POSTed with up to 3 attempts over about 30 s. Everything runs beside the server's work and never throws:
 * a failure is a console.warn naming the URL's host (never its path, which usually holds the secret) and the status.
 */

export interface DeliveryOptions {
  /** Waits before the 2nd, 3rd… attempt (default 5 s, then 25 s: 3 attempts over ~30 s). */
  retryDelaysMs?: readonly number[];
  /** How long one attempt may take (default 10 s). */
  timeoutMs?: number;
  /** Payloads waiting per URL beyond which the oldest is dropped (default 100). */
  maxPending?: number;
}

export const DEFAULT_RETRY_DELAYS_MS = [5_000, 25_000] as const;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_PENDING = 100;

/** Whether an answer is worth another attempt: no answer, a timeout, throttling or a server error. */
export function retryable(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** POSTs JSON bodies to one URL, one at a time, in order. */
export class WebhookQueue {
  private readonly pending: string[] = [];
  /** Whether `drain` is running (set and cleared synchronously, so a push never lands in a queue nobody drains). */
  private active = false;
  private drained: Promise<void> = Promise.resolve();
  private readonly delays: readonly number[];
  private readonly timeoutMs: number;
  private readonly maxPending: number;

  constructor(
    readonly url: URL,
    options: DeliveryOptions = {},
  ) {
    this.delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  }

  /** Queues a body; returns at once. */
  push(body: string): void {
    this.pending.push(body);
    if (this.pending.length > this.maxPending) {
      this.pending.shift();
      console.warn(
        `alert webhook ${this.url.host}: more than ${this.maxPending} payloads waiting; dropped the oldest`,
      );
    }
    if (!this.active) {
      this.active = true;
      this.drained = this.drain();
    }
  }

  /** Resolves when every queued body has been delivered or given up on (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active) await this.drained;
  }

  private async drain(): Promise<void> {
    try {
      for (let body = this.pending.shift(); body !== undefined; body = this.pending.shift())
        await this.deliver(body);
    } finally {
      this.active = false;
    }
  }

  private async deliver(body: string): Promise<void> {
    const attempts = this.delays.length + 1;
    for (let attempt = 1; ; attempt++) {
      const status = await this.post(body);
      if (status !== null && status >= 200 && status < 300) return;
      const what = status === null ? 'no answer' : `HTTP ${status}`;
      const again = retryable(status) && attempt < attempts;
      console.warn(
        `alert webhook ${this.url.host}: ${what} (attempt ${attempt} of ${attempts}); ` +
          (again ? `retrying in ${this.delays[attempt - 1] / 1000} s` : 'payload not delivered'),
      );
      if (!again) return;
      await wait(this.delays[attempt - 1]);
    }
  }

  /** One attempt: the answer's status, or null when there was none (refused, reset, timed out). */
  private async post(body: string): Promise<number | null> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'rl-trajectory-dashboard-alerts' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return null;
    }
  }
}

/** Sends each payload to every URL, each URL on its own queue. */
export class WebhookSender {
  private readonly queues: WebhookQueue[];

  constructor(urls: readonly URL[], options: DeliveryOptions = {}) {
    this.queues = urls.map((url) => new WebhookQueue(url, options));
  }

  send(payload: unknown): void {
    const body = JSON.stringify(payload);
    for (const queue of this.queues) queue.push(body);
  }

  async idle(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.idle()));
  }
}
