import { createHash } from 'node:crypto';
import { FailureThrottle, type ThrottleOptions } from './failure-throttle';

export type GateOutcome =
  { kind: 'allowed' } | { kind: 'invalid' } | { kind: 'throttled'; retryAfterSeconds: number };

/** How long an accepted Authorization header is remembered, and how many are. */
const ACCEPTED_TTL_MS = 5 * 60_000;
const ACCEPTED_MAX = 1000;

/**
 * Guards one kind of credential (the dashboard's logins, or the ingest token) against guessing. A header accepted in
 * the last 5 minutes passes at once, so someone else's failures from the same address (or from everywhere) never lock
 * out a reader or a trainer already in; otherwise a client that failed too often, or anyone while all clients together
 * did, is refused before its credential is even checked, so guessing stops paying off.
 */
export class CredentialGate {
  private readonly throttle: FailureThrottle;
  /** SHA-256 of recently accepted Authorization headers → expiry (also spares a scrypt check per request). */
  private readonly accepted = new Map<string, number>();
  private readonly now: () => number;

  constructor(options: ThrottleOptions) {
    this.throttle = new FailureThrottle(options);
    this.now = options.now ?? Date.now;
  }

  /** `verify` is called only when the header was not accepted recently and the client is not throttled. */
  check(authorization: string, client: string, verify: () => boolean): GateOutcome {
    const now = this.now();
    const digest = createHash('sha256').update(authorization).digest('hex');
    const until = this.accepted.get(digest);
    if (until !== undefined && until > now) {
      this.remember(digest, now);
      return { kind: 'allowed' };
    }
    if (until !== undefined) this.accepted.delete(digest);
    const retryAfterSeconds = this.throttle.retryAfterSeconds(client);
    if (retryAfterSeconds > 0) return { kind: 'throttled', retryAfterSeconds };
    if (verify()) {
      this.remember(digest, now);
      return { kind: 'allowed' };
    }
    this.throttle.recordFailure(client);
    return { kind: 'invalid' };
  }

  /** Remembers (or refreshes) an accepted header; the least recently used one goes when full. */
  private remember(digest: string, now: number): void {
    this.accepted.delete(digest);
    if (this.accepted.size >= ACCEPTED_MAX) this.accepted.delete(this.accepted.keys().next().value!);
    this.accepted.set(digest, now + ACCEPTED_TTL_MS);
  }
}
