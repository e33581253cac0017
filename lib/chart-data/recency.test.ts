import { describe, expect, it } from 'vitest';
import { formatTimeAgo, formatTimestamp, lastActivity, type TrainingActivity } from './recency';

const training = (
  training_id: string,
  date_range: [number, number] | null,
  created_at = date_range?.[0] ?? null,
): { training: TrainingActivity } => ({ training: { training_id, created_at, date_range } });

describe('lastActivity', () => {
  it('is the last rollout, else the first, else unknown', () => {
    expect(lastActivity(training('a', [100, 250]).training)).toBe(250);
    expect(lastActivity(training('a', null, 100).training)).toBe(100);
    expect(lastActivity(training('a', null).training)).toBeNull();
  });
});

describe('formatTimeAgo', () => {
  // 2026-12-01T12:00:00Z
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  const at = (secondsAgo: number) => now / 1000 - secondsAgo;

  it('counts minutes, hours and days', () => {
    expect(formatTimeAgo(at(59), now)).toBe('just now');
    expect(formatTimeAgo(at(60), now)).toBe('1 min ago');
    expect(formatTimeAgo(at(5 * 60 + 59), now)).toBe('5 min ago');
    expect(formatTimeAgo(at(3 * 3600 + 10), now)).toBe('3 h ago');
    expect(formatTimeAgo(at(86_400), now)).toBe('1 day ago');
    expect(formatTimeAgo(at(29 * 86_400), now)).toBe('29 days ago');
  });

  it('gives the date beyond a month, "just now" for a clock slightly ahead, a dash for nothing', () => {
    // 2026-12-01 minus 45 days = 2026-10-17
    expect(formatTimeAgo(at(45 * 86_400), now)).toBe('2026-10-17');
    expect(formatTimeAgo(at(-30), now)).toBe('just now');
    expect(formatTimeAgo(null, now)).toBe('—');
  });
});

describe('formatTimestamp', () => {
  it('prints UTC to the second', () => {
    expect(formatTimestamp(Date.UTC(2026, 11, 1, 18, 57, 22) / 1000)).toBe('2026-12-01T18:57:22Z');
    expect(formatTimestamp(null)).toBe('—');
  });
});
