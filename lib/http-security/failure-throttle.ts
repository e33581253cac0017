export interface ThrottleOptions {
  /** Failed attempts a client may make per window before it is refused. */
  perClient: number;
  /** Failed attempts all clients together may make per window (bounds guessing from many spoofed addresses). */
  overall: number;
  windowMs: number;
  /** Clients remembered at most; beyond it expired windows are dropped, then the oldest. */
  maxClients?: number;
  now?: () => number;
}

interface Window {
  start: number;
  failures: number;
}

/**
 * Counts failed authentication attempts in fixed windows, per client and overall. A client over its limit, or anyone
 * while the overall limit is exceeded, is refused until its window ends (`retryAfterSeconds`).
 */
export class FailureThrottle {
  private readonly clients = new Map<string, Window>();
  private overall: Window = { start: 0, failures: 0 };
  private readonly now: () => number;
  private readonly maxClients: number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Seconds until `client` may try again, or 0 when it may try now. */
  retryAfterSeconds(client: string): number {
    const now = this.now();
    const own = this.current(this.clients.get(client), now);
    const all = this.current(this.overall, now);
    let until = 0;
    if (own && own.failures >= this.options.perClient) until = own.start + this.options.windowMs;
    if (all && all.failures >= this.options.overall)
      until = Math.max(until, all.start + this.options.windowMs);
    return until === 0 ? 0 : Math.max(1, Math.ceil((until - now) / 1000));
  }

  recordFailure(client: string): void {
    const now = this.now();
    const own = this.current(this.clients.get(client), now) ?? { start: now, failures: 0 };
    own.failures++;
    this.clients.delete(client);
    this.clients.set(client, own);
    this.overall = this.current(this.overall, now) ?? { start: now, failures: 0 };
    this.overall.failures++;
    if (this.clients.size > this.maxClients) this.evict(now);
  }

  private current(window: Window | undefined, now: number): Window | undefined {
    return window && now - window.start < this.options.windowMs ? window : undefined;
  }

  private evict(now: number): void {
    for (const [client, window] of this.clients) if (!this.current(window, now)) this.clients.delete(client);
    // Still full: drop the least recently failing clients (Map keeps insertion order).
    for (const client of this.clients.keys()) {
      if (this.clients.size <= this.maxClients) break;
      this.clients.delete(client);
    }
  }
}
