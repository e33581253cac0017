/**
 * What the alert webhooks have seen: every alert id known or sent, so that each alert is sent once, also across
 * restarts. Kept in `<LANCEDB_URI>/.alerts-sent.json` beside a local table (written atomically: a temp file, then a
 * rename), in memory for an object-store URI (s3://, gs://, az://…), where a restart starts watching afresh.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The record file's name, in the LanceDB folder. */
export const ALERT_RECORD_FILE = '.alerts-sent.json';

const seenAlert = z
  .object({
    /** `known`: already firing when watching began (never sent); `sent`: fired later and POSTed. */
    status: z.enum(['known', 'sent']),
    /** The table version at which it was first seen. */
    version: z.number().int(),
    /** When it was first seen (ISO 8601). */
    at: z.string(),
  })
  .strict();
export type SeenAlert = z.infer<typeof seenAlert>;

export const alertRecord = z
  .object({
    format: z.literal(1),
    /** When this database was first watched: alerts firing then are `known`, later ones are sent. */
    watching_since: z.string(),
    /** The last table version whose alerts were compared with this record. */
    watched_version: z.number().int(),
    /** Every alert id seen, by id. */
    alerts: z.record(z.string(), seenAlert),
  })
  .strict();
export type AlertRecord = z.infer<typeof alertRecord>;

/** An alert as the diff needs it: its stable id (`<run>:<detector>:<subject or *>:<first epoch>`). */
export interface Identified {
  id: string;
}

/**
 * Compares the alerts firing at a table version with the record. Without a record (the first watch of this database)
 * every firing alert is recorded as `known` and none is new: only alerts that fire after watching began are sent.
 * Otherwise the new ones are those whose id the record lacks (each once, in the given order), recorded as `sent`. The
 * given record is not changed.
 */
export function diffAlerts<A extends Identified>(
  previous: AlertRecord | null,
  firing: readonly A[],
  { version, at }: { version: number; at: string },
): { record: AlertRecord; fresh: A[] } {
  const first = previous === null;
  const record: AlertRecord = previous
    ? { ...previous, watched_version: version, alerts: { ...previous.alerts } }
    : { format: 1, watching_since: at, watched_version: version, alerts: {} };
  const fresh: A[] = [];
  for (const alert of firing) {
    if (Object.hasOwn(record.alerts, alert.id)) continue;
    record.alerts[alert.id] = { status: first ? 'known' : 'sent', version, at };
    if (!first) fresh.push(alert);
  }
  return { record, fresh };
}

/** Where the record lives. */
export interface AlertRecordStore {
  /** Human-readable location, for the start-up log line. */
  readonly where: string;
  /** The saved record, or null when none was saved (or the file is unreadable: logged, then watching starts afresh). */
  load(): Promise<AlertRecord | null>;
  save(record: AlertRecord): Promise<void>;
}

/** The folder of a local LanceDB URI (a path or file://), or null for an object store (s3://, gs://, az://, …). */
export function localFolder(uri: string): string | null {
  if (uri.startsWith('file://')) return fileURLToPath(uri);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return null;
  return path.resolve(uri);
}

/** The store for a database: a file beside a local table, memory for an object store. */
export function alertRecordStore(uri: string): AlertRecordStore {
  const folder = localFolder(uri);
  return folder === null ? memoryStore() : fileStore(path.join(folder, ALERT_RECORD_FILE));
}

export function memoryStore(): AlertRecordStore {
  let saved: AlertRecord | null = null;
  return {
    where: 'memory (object-store database: a restart starts watching afresh)',
    load: async () => saved,
    save: async (record) => {
      saved = structuredClone(record);
    },
  };
}

let temps = 0;

export function fileStore(file: string): AlertRecordStore {
  return {
    where: file,
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return alertRecord.parse(JSON.parse(text));
      } catch {
        console.warn(
          `alert webhooks: ${file} is not a valid record; watching starts afresh (firing alerts not sent)`,
        );
        return null;
      }
    },
    async save(record) {
      const temp = `${file}.${process.pid}.${++temps}.tmp`;
      try {
        await fs.writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
  };
}
