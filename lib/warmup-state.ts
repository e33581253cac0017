/**
 * Whether the server is still warming up, in one slot per process however many module copies load this (the front
 * server and the Next.js bundles each have their own). Two parts: the data (the table upgrade, the resident columns,
 * the first answers: lib/analysis/warm.ts) and the pages (each tab rendered once: scripts/serve.ts).
 * `/api/health` answers "warming" while either runs; the loading states say so too (`warmupNote`).
 */
const SLOT = Symbol.for('rl-dashboard.warmup');
type Part = 'data' | 'pages';
type Slot = Record<Part, boolean> & {
  /** When each running part began (ms since the epoch). */
  since?: Partial<Record<Part, number>>;
};

function slot(): Slot {
  const holder = globalThis as { [SLOT]?: Slot };
  return (holder[SLOT] ??= { data: false, pages: false });
}

export function setWarming(part: Part, running: boolean, now: number = Date.now()): void {
  const state = slot();
  state[part] = running;
  const since = (state.since ??= {});
  if (!running) delete since[part];
  else since[part] ??= now;
}

/** True while any part of the start-up warm-up runs. */
export function warmupRunning(): boolean {
  const { data, pages } = slot();
  return data || pages;
}

const PART_TEXT: Record<Part, string> = {
  data: 'loading the table’s columns and first answers',
  pages: 'rendering each tab once',
};

/** What of the warm-up runs and for how many seconds (since its first running part began); null once it is over. */
export function warmupProgress(now: number = Date.now()): { parts: Part[]; seconds: number } | null {
  const state = slot();
  const parts = (['data', 'pages'] as const).filter((part) => state[part]);
  if (parts.length === 0) return null;
  const starts = parts.map((part) => state.since?.[part] ?? now);
  return { parts, seconds: Math.max(0, (now - Math.min(...starts)) / 1000) };
}

/**
 * For a loading state while the server warms up: `The server is still warming up (loading the table’s columns and
 * first answers, 40 s so far): the first pages take longer.` Null once the warm-up is over.
 */
export function warmupNote(now: number = Date.now()): string | null {
  const progress = warmupProgress(now);
  if (!progress) return null;
  const seconds = Math.round(progress.seconds);
  const elapsed = seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
  const doing = progress.parts.map((part) => PART_TEXT[part]).join(' and ');
  return `The server is still warming up (${doing}, ${elapsed} so far): the first pages take longer.`;
}
