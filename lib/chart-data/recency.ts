/** What the home page needs to order a training by its activity (Unix seconds, as the training list gives them). */
export interface TrainingActivity {
  training_id: string;
  /** Earliest rollout. */
  created_at: number | null;
  /** [earliest, latest] rollout. */
  date_range: [number, number] | null;
}

/** The last time a training wrote a rollout (Unix seconds): the end of its date range, else its start, else null. */
export function lastActivity(training: TrainingActivity): number | null {
  return training.date_range?.[1] ?? training.created_at ?? null;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beyond this a date says more than "n days ago". */
const RELATIVE_LIMIT = 30 * DAY;

/**
 * How long ago a Unix time (seconds) was, as of `nowMs` (milliseconds): "just now", "5 min ago", "3 h ago",
 * "2 days ago", then the UTC date ("2026-10-01"). A time slightly in the future (clocks apart) is "just now".
 */
export function formatTimeAgo(seconds: number | null | undefined, nowMs: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  const age = nowMs / 1000 - seconds;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < RELATIVE_LIMIT) {
    const days = Math.floor(age / DAY);
    return days === 1 ? '1 day ago' : `${days} days ago`;
  }
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** A Unix time (seconds) as an ISO 8601 UTC timestamp to the second, for tooltips: "2026-12-01T18:57:22Z". */
export function formatTimestamp(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
}
