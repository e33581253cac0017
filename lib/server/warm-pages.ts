import type { TrainingList } from '../analysis/stats/training-list';
import { latestTraining } from '../chart-data/latest-training';
import { setWarming } from '../warmup-state';

/** The dashboard's tabs, each rendered once at start. */
const TABS = ['overview', 'progress', 'health', 'questions', 'comparison', 'failures', 'tool-contexts'];

/**
 * The pages to render: the home page and every tab of the run the dashboard opens on. The tabs are asked with that run
 * named: without it the page redirects while streaming (a 200 carrying the redirect), which renders nothing.
 */
async function warmPaths(base: string): Promise<string[]> {
  let latest: string | undefined;
  try {
    const response = await fetch(`${base}/api/analysis-stats/training-list`, {
      signal: AbortSignal.timeout(120_000),
    });
    if (response.ok) latest = latestTraining(((await response.json()) as TrainingList).trainings);
  } catch {
    // No run to open on: the tabs are rendered without one.
  }
  const run = latest === undefined ? '' : `&training_id=${encodeURIComponent(latest)}`;
  return ['/', ...TABS.map((tab) => `/analysis?tab=${tab}${run}`)];
}

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
    for (const path of await warmPaths(base)) {
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
