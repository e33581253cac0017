import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test-support/fixture';
import {
  ALERT_RECORD_FILE,
  alertRecordStore,
  diffAlerts,
  fileStore,
  localFolder,
  type AlertRecord,
} from './alert-record';

const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-01T10:05:00.000Z';
const T2 = '2025-03-01T10:09:00.000Z';

describe('diffAlerts', () => {
  it('records the alerts firing at the first watch as known and sends none', () => {
    const { record, fresh } = diffAlerts(
      null,
      [{ id: 'a:tool_errors:lookup:4' }, { id: 'b:truncation:*:6' }],
      {
        version: 12,
        at: T0,
      },
    );
    expect(fresh).toEqual([]);
    expect(record).toEqual({
      format: 1,
      watching_since: T0,
      watched_version: 12,
      alerts: {
        'a:tool_errors:lookup:4': { status: 'known', version: 12, at: T0 },
        'b:truncation:*:6': { status: 'known', version: 12, at: T0 },
      },
    });
  });

  it('sends each id the record lacks, once, and keeps the record given unchanged', () => {
    const first = diffAlerts(null, [{ id: 'a:tool_errors:lookup:4' }], { version: 12, at: T0 }).record;
    const second = diffAlerts(
      first,
      [{ id: 'a:tool_errors:lookup:4' }, { id: 'a:truncation:*:7' }, { id: 'a:truncation:*:7' }],
      { version: 14, at: T1 },
    );
    expect(second.fresh).toEqual([{ id: 'a:truncation:*:7' }]);
    expect(second.record).toEqual({
      format: 1,
      watching_since: T0,
      watched_version: 14,
      alerts: {
        'a:tool_errors:lookup:4': { status: 'known', version: 12, at: T0 },
        'a:truncation:*:7': { status: 'sent', version: 14, at: T1 },
      },
    });
    expect(Object.keys(first.alerts)).toEqual(['a:tool_errors:lookup:4']);
    expect(first.watched_version).toBe(12);

    // The same alerts again, or fewer (one stopped firing): nothing new; one that fires again is not sent again.
    const third = diffAlerts(second.record, [{ id: 'a:truncation:*:7' }], { version: 15, at: T2 });
    expect(third.fresh).toEqual([]);
    expect(third.record).toEqual({ ...second.record, watched_version: 15 });
  });

  it('keeps the alerts it is given, with all their fields', () => {
    const alert = { id: 'r:zero_variance:*:3', severity: 'critical' };
    const { fresh } = diffAlerts({ format: 1, watching_since: T0, watched_version: 1, alerts: {} }, [alert], {
      version: 2,
      at: T1,
    });
    expect(fresh).toEqual([alert]);
  });

  it('treats an id named like an object property as any other', () => {
    const first = diffAlerts(null, [], { version: 1, at: T0 }).record;
    expect(diffAlerts(first, [{ id: 'constructor' }], { version: 2, at: T1 }).fresh).toEqual([
      { id: 'constructor' },
    ]);
  });
});

describe('where the record is kept', () => {
  const { dir, cleanup } = tempDir('rl-dash-alert-record-');
  afterAll(cleanup);

  it('beside a local table, in memory for an object store', () => {
    expect(localFolder('./data/lancedb')).toBe(path.resolve('data/lancedb'));
    expect(localFolder('/srv/lancedb')).toBe('/srv/lancedb');
    expect(localFolder('file:///srv/lancedb')).toBe('/srv/lancedb');
    expect(localFolder('s3://bucket/path')).toBeNull();
    expect(localFolder('gs://bucket/path')).toBeNull();
    expect(alertRecordStore('/srv/lancedb').where).toBe(`/srv/lancedb/${ALERT_RECORD_FILE}`);
    expect(alertRecordStore('s3://bucket/path').where).toMatch(/^memory/);
  });

  it('saves atomically and loads what it saved', async () => {
    const store = alertRecordStore(dir);
    expect(await store.load()).toBeNull();
    const record: AlertRecord = {
      format: 1,
      watching_since: T0,
      watched_version: 3,
      alerts: { 'a:tool_errors:lookup:4': { status: 'sent', version: 3, at: T1 } },
    };
    await store.save(record);
    expect(await store.load()).toEqual(record);
    expect(fs.readdirSync(dir)).toEqual([ALERT_RECORD_FILE]);
    await store.save({ ...record, watched_version: 4 });
    expect((await store.load())?.watched_version).toBe(4);
    expect(fs.readdirSync(dir)).toEqual([ALERT_RECORD_FILE]);
  });

  it('starts afresh, saying so, when the file is not a record', async () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{"format": 1, "alerts": ');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await fileStore(file).load()).toBeNull();
      expect(warn).toHaveBeenCalledWith(
        `alert webhooks: ${file} is not a valid record; watching starts afresh (firing alerts not sent)`,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('keeps an object-store record in memory, as a copy', async () => {
    const store = alertRecordStore('s3://bucket/db');
    expect(await store.load()).toBeNull();
    const record: AlertRecord = { format: 1, watching_since: T0, watched_version: 1, alerts: {} };
    await store.save(record);
    record.watched_version = 99;
    expect(await store.load()).toEqual({ format: 1, watching_since: T0, watched_version: 1, alerts: {} });
  });
});
