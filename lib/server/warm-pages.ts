import { setWarming } from '../warmup-state';

/** The dashboard's tabs, each rendered once at start (the home page redirects to the latest run's overview). */
const WARM_PATHS = [
  '/',
  ...['overview', 'progress', 'questions', 'comparison', 'failures', 'tool-contexts'].map(
    (tab) => `/analysis?tab=${tab}`,
  ),
];

/**
 * Renders every tab of the dashboard once through the running server, so the first reader does not wait for what
 * Next.js loads on a route's first render (seconds at a million rows, measured in docs/BENCHMARKS.md). `/api/health`
 * says "warming" until it ends. Skipped when `DASHBOARD_AUTH` is set: the server's own requests carry no credentials.
 * Never fails: a page that does not render is rendered again by its first reader.
 */
export async function warmPages(
  base: string,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  if (env.DASHBOARD_AUTH) return;
  setWarming('pages', true);
  try {
    for (const path of WARM_PATHS) {
      try {
        const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(120_000) });
        await response.arrayBuffer();
      } catch {
        // Rendered on its first real request instead.
      }
    }
  } finally {
    setWarming('pages', false);
  }
}
