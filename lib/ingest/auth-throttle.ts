/**
 * Counts failed bearer-token attempts per client in a sliding window: after `maxFailures` failures within
 * `windowMs`, the client is refused (429) until the oldest failure leaves the window.
 */
export class AuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 60_000,
    /** Clients tracked at most; the oldest entries are dropped beyond it. */
    private readonly maxClients = 10_000,
  ) {}

  /** Seconds the client must wait before trying again, or 0 when it may try now. */
  retryAfterSeconds(client: string, now = Date.now()): number {
    const recent = this.recent(client, now);
    if (recent.length < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.maxFailures] + this.windowMs - now) / 1000));
  }

  recordFailure(client: string, now = Date.now()): void {
    const recent = this.recent(client, now);
    recent.push(now);
    this.failures.delete(client);
    this.failures.set(client, recent); // most recent last, so the oldest entry is the first to drop
    if (this.failures.size > this.maxClients) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((at) => now - at < this.windowMs);
  }
}
