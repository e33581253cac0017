import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './failure-throttle';

function throttle(options: { perClient?: number; overall?: number; maxClients?: number } = {}) {
  let now = 1_000_000;
  const t = new FailureThrottle({
    perClient: options.perClient ?? 3,
    overall: options.overall ?? 100,
    windowMs: 60_000,
    maxClients: options.maxClients,
    now: () => now,
  });
  return { t, advance: (ms: number) => (now += ms) };
}

describe('FailureThrottle', () => {
  it('refuses a client after its limit until its window ends, then lets it try again', () => {
    const { t, advance } = throttle();
    t.recordFailure('a');
    t.recordFailure('a');
    expect(t.retryAfterSeconds('a')).toBe(0);
    advance(10_000);
    t.recordFailure('a');
    // The window opened at the first failure, 10 s ago: 50 s remain.
    expect(t.retryAfterSeconds('a')).toBe(50);
    expect(t.retryAfterSeconds('b')).toBe(0);
    advance(49_500);
    expect(t.retryAfterSeconds('a')).toBe(1);
    advance(500);
    expect(t.retryAfterSeconds('a')).toBe(0);
  });

  it('refuses everyone while all clients together exceed the overall limit', () => {
    const { t, advance } = throttle({ perClient: 100, overall: 4 });
    for (const client of ['a', 'b', 'c', 'd']) t.recordFailure(client);
    expect(t.retryAfterSeconds('someone-else')).toBe(60);
    advance(60_000);
    expect(t.retryAfterSeconds('someone-else')).toBe(0);
  });

  it('forgets the oldest clients beyond its capacity', () => {
    const { t } = throttle({ perClient: 1, maxClients: 2 });
    t.recordFailure('a');
    t.recordFailure('b');
    t.recordFailure('c');
    expect(t.retryAfterSeconds('a')).toBe(0);
    expect(t.retryAfterSeconds('b')).toBe(60);
    expect(t.retryAfterSeconds('c')).toBe(60);
  });
});
