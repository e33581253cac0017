/**
 * Health alerts that reach people. When ALERT_WEBHOOK_URLS is set, the server compares the alerts of every run
 * (`runAlerts`, no training named, default filters) at each new table version the version watcher sees
 * (`watchNewVersions`, lib/analysis/warm.ts) with what it has seen (lib/server/alert-record.ts), and POSTs the new ones
 * to every URL, one payload per version (lib/server/alert-delivery.ts). docs/health.md#webhooks describes it.
 */
import { dbConfigFromEnv, type DbConfig } from '../db';
import { parseAnalysisQuery } from '../analysis/filters/query';
import type { HealthAlert } from '../analysis/health/alert';
import type { Source } from '../analysis/source';
import { statParams } from '../analysis/stat';
import { runAlerts } from '../analysis/stats/run-alerts';
import { WebhookSender, type DeliveryOptions } from './alert-delivery';
import { alertRecordStore, diffAlerts, type AlertRecord, type AlertRecordStore } from './alert-record';
import { alertSettingsFromEnv } from './alert-settings';

/** An alert with the run it is about. */
export type FiredAlert = HealthAlert & { training_id: string };

/** One alert of a webhook payload. */
export interface WebhookAlert {
  id: string;
  training_id: string;
  detector: HealthAlert['detector'];
  subject: string | null;
  severity: HealthAlert['severity'];
  epoch_id: number;
  message: string;
  /** The alert on the run's Health tab: absolute with PUBLIC_URL, else a path to append to the dashboard's address. */
  url: string;
}

/** What each webhook URL receives: `text` for Slack-compatible incoming webhooks, `alerts` for programs. */
export interface WebhookPayload {
  text: string;
  alerts: WebhookAlert[];
}

/** The link to an alert: `<PUBLIC_URL>/analysis?training_id=<run>&tab=health&alert=<id>`, values URL-encoded. */
export function alertUrl(publicUrl: string | null, trainingId: string, alertId: string): string {
  const query = `training_id=${encodeURIComponent(trainingId)}&tab=health&alert=${encodeURIComponent(alertId)}`;
  return `${publicUrl ?? ''}/analysis?${query}`;
}

/** Slack's control characters in message text (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Runs of white space (a message's line breaks included) as one space: one line per alert. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * One line of the text: severity first, then the run, the message and the link, Slack's `<url|open>` when the URL is
 * absolute, else the path as text (a relative link is not clickable in a chat).
 */
export function alertLine(alert: WebhookAlert): string {
  const link = /^https?:\/\//.test(alert.url)
    ? `<${slackEscape(alert.url).replace(/\|/g, '%7C')}|open>`
    : slackEscape(alert.url);
  const run = slackEscape(oneLine(alert.training_id));
  return `*${alert.severity.toUpperCase()}* ${run}: ${slackEscape(oneLine(alert.message))} ${link}`;
}

/** The payload of a version's new alerts (in the order given). */
export function webhookPayload(alerts: readonly FiredAlert[], publicUrl: string | null): WebhookPayload {
  const items = alerts.map((alert): WebhookAlert => ({
    id: alert.id,
    training_id: alert.training_id,
    detector: alert.detector,
    subject: alert.subject,
    severity: alert.severity,
    epoch_id: alert.epoch_id,
    message: alert.message,
    url: alertUrl(publicUrl, alert.training_id, alert.id),
  }));
  return { text: items.map(alertLine).join('\n'), alerts: items };
}

/** The alerts of every run at a source's version: `runAlerts` with no training named and the default filters. */
export async function firingAlerts(source: Source): Promise<FiredAlert[]> {
  const answer = await runAlerts(parseAnalysisQuery(new URLSearchParams(), statParams(runAlerts)), source);
  const runs = 'runs' in answer ? answer.runs : [answer];
  return runs.flatMap((run) => run.alerts.map((alert) => ({ ...alert, training_id: run.training_id })));
}

export interface AlertMonitorOptions {
  store: AlertRecordStore;
  publicUrl: string | null;
  /** Called with each version's payload when it has new alerts (returns at once; delivery runs on its own). */
  send: (payload: WebhookPayload) => void;
  /** The alerts firing at a version (default `firingAlerts`). */
  alertsOf?: (source: Source) => Promise<FiredAlert[]>;
  now?: () => Date;
}

/**
 * The listener of new versions: compares each version's alerts with the record, saves it, and sends the new ones.
 * Versions are looked at one at a time; one arriving meanwhile waits, and of several waiting only the latest is looked
 * at (it holds their alerts too). Never throws: failures are logged, and the next version tries again.
 */
export function alertMonitor(options: AlertMonitorOptions): (source: Source) => Promise<void> {
  const { store, publicUrl, send, alertsOf = firingAlerts, now = () => new Date() } = options;
  let record: AlertRecord | null | undefined;
  let next: Source | null = null;
  let busy = false;

  async function look(source: Source): Promise<void> {
    const firing = await alertsOf(source);
    if (record === undefined) {
      record = await store.load().catch((error: unknown) => {
        console.warn(`alert webhooks: reading ${store.where} failed; watching starts afresh:`, error);
        return null;
      });
    }
    const diff = diffAlerts(record, firing, { version: source.version, at: now().toISOString() });
    record = diff.record;
    // Saved before sending: an alert is sent at most once even if the process stops right after.
    if (source.table)
      await store
        .save(record)
        .catch((error: unknown) => console.warn(`alert webhooks: saving ${store.where} failed:`, error));
    if (diff.fresh.length > 0) {
      console.info(`alert webhooks: ${diff.fresh.length} new alert(s) at table version ${source.version}`);
      send(webhookPayload(diff.fresh, publicUrl));
    }
  }

  return async (source) => {
    next = source;
    if (busy) return;
    busy = true;
    try {
      while (next) {
        const current: Source = next;
        next = null;
        await look(current).catch((error: unknown) =>
          console.warn(`alert webhooks: alerts of table version ${current.version} not checked:`, error),
        );
      }
    } finally {
      busy = false;
    }
  };
}

/**
 * Starts the webhooks when ALERT_WEBHOOK_URLS is set: returns the listener to give the version watcher, or null when
 * nothing is to be sent (unset, or invalid: `npm start` refuses to start then; under plain `next start` it is logged).
 */
export function startAlertWebhooks(
  env: Record<string, string | undefined> = process.env,
  config: DbConfig = dbConfigFromEnv(env),
  delivery?: DeliveryOptions,
): ((source: Source) => Promise<void>) | null {
  let settings;
  try {
    settings = alertSettingsFromEnv(env);
  } catch (error) {
    console.error(`alert webhooks off: ${(error as Error).message}`);
    return null;
  }
  if (settings.webhookUrls.length === 0) return null;
  const store = alertRecordStore(config.uri);
  const sender = new WebhookSender(settings.webhookUrls, delivery);
  console.info(
    `alert webhooks: new health alerts go to ${settings.webhookUrls.map((url) => url.host).join(', ')}; ` +
      `record: ${store.where}`,
  );
  return alertMonitor({ store, publicUrl: settings.publicUrl, send: (payload) => sender.send(payload) });
}
