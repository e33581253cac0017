/** Next's startup hook: the Node.js server starts loading the resident columns before the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWarmup, watchNewVersions } = await import('./lib/analysis/warm');
  const { upgradeTable } = await import('./lib/ingest/upgrade');
  const { startAlertWebhooks } = await import('./lib/server/alert-webhooks');
  // Null unless ALERT_WEBHOOK_URLS is set: then each new version's new health alerts are POSTed (docs/health.md).
  const onVersion = startAlertWebhooks() ?? undefined;
  // Not awaited: the server answers at once (/api/health says "warming" meanwhile), and requests arriving meanwhile
  // wait for this same load. A table an earlier version wrote is upgraded first.
  void startWarmup(undefined, () => upgradeTable().then(() => undefined)).then(() =>
    watchNewVersions(undefined, undefined, onVersion),
  );
}
