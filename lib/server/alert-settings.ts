/**
 * Settings of the health-alert webhooks (lib/server/alert-webhooks.ts), checked at start-up with the others
 * (lib/server/startup-check.ts). Plain Node: no Next.js, no database, so `npm start` reads them before the app loads.
 */

type Env = Record<string, string | undefined>;

export interface AlertSettings {
  /** Where each new alert is POSTed; empty when ALERT_WEBHOOK_URLS is unset (nothing is sent). */
  webhookUrls: URL[];
  /** The dashboard's address as people open it (PUBLIC_URL, no trailing slash); null: links are relative paths. */
  publicUrl: string | null;
}

/**
 * ALERT_WEBHOOK_URLS: comma-separated http:// or https:// URLs (blank entries ignored, repeats sent once). A webhook
 * URL usually holds its secret (a Slack hook's path), so an error names the entry by position, never its text.
 */
export function parseWebhookUrls(text: string | undefined): URL[] {
  const urls = new Map<string, URL>();
  const entries = (text ?? '').split(',');
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return;
    const where = `ALERT_WEBHOOK_URLS entry ${index + 1}`;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`${where}: not a URL (expected http://… or https://…)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`${where}: must be an http:// or https:// URL, got a ${url.protocol} URL`);
    if (url.username !== '' || url.password !== '')
      throw new Error(`${where}: must not hold user:password@ (keep the token in the path or query)`);
    urls.set(url.href, url);
  });
  return [...urls.values()];
}

/**
 * PUBLIC_URL: the dashboard's base address as people open it (`https://dash.example.org` or with a path prefix,
 * `https://example.org/rl`), used for the links alerts carry. Returned without its trailing slash; null when unset.
 */
export function parsePublicUrl(text: string | undefined): string | null {
  const raw = text?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new Error(`PUBLIC_URL must be a base address without query, fragment or credentials, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** Both settings; throws an Error with one line per bad variable, naming it. */
export function alertSettingsFromEnv(env: Env = process.env): AlertSettings {
  const problems: string[] = [];
  let webhookUrls: URL[] = [];
  let publicUrl: string | null = null;
  try {
    webhookUrls = parseWebhookUrls(env.ALERT_WEBHOOK_URLS);
  } catch (error) {
    problems.push((error as Error).message);
  }
  try {
    publicUrl = parsePublicUrl(env.PUBLIC_URL);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { webhookUrls, publicUrl };
}
