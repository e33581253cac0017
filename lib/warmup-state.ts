/**
 * Whether the server is still warming up, in one slot per process however many module copies load this (the front
 * server and the Next.js bundles each have their own). Two parts: the data (the table upgrade, the resident columns,
 * the first answers: lib/analysis/warm.ts) and the pages (each tab rendered once: scripts/serve.ts).
 * `/api/health` answers "warming" while either runs.
 */
const SLOT = Symbol.for('rl-dashboard.warmup');
type Part = 'data' | 'pages';
type Slot = Record<Part, boolean>;

function slot(): Slot {
  const holder = globalThis as { [SLOT]?: Slot };
  return (holder[SLOT] ??= { data: false, pages: false });
}

export function setWarming(part: Part, running: boolean): void {
  slot()[part] = running;
}

/** True while any part of the start-up warm-up runs. */
export function warmupRunning(): boolean {
  const { data, pages } = slot();
  return data || pages;
}
