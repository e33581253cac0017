import { afterEach, describe, expect, it } from 'vitest';
import {
  BuildOutputFilter,
  countStatus,
  formatElapsed,
  healthStatus,
  ingestStatus,
  maintenanceStepText,
  plainIntervalMs,
  Progress,
  progressLine,
} from './demo-progress';

describe('formatting', () => {
  it('formats elapsed seconds, whole, with minutes past one', () => {
    expect(formatElapsed(0)).toBe('0 s');
    expect(formatElapsed(4.9)).toBe('4 s');
    expect(formatElapsed(59.99)).toBe('59 s');
    expect(formatElapsed(60)).toBe('1 min 00 s');
    expect(formatElapsed(125.2)).toBe('2 min 05 s');
    expect(formatElapsed(-3)).toBe('0 s');
  });

  it('says how far along: done / total with the share rounded down', () => {
    expect(countStatus(6_912, 34_560, 'records')).toBe('6,912 / 34,560 records (20 %)');
    expect(countStatus(34_559, 34_560, 'records')).toBe('34,559 / 34,560 records (99 %)');
    expect(countStatus(34_560, 34_560, 'records')).toBe('34,560 / 34,560 records (100 %)');
    expect(countStatus(0, 0, 'records')).toBe('0 / 0 records');
  });

  it('starts a status line with the elapsed time of its phase', () => {
    expect(progressLine('generating', '10 / 20 records (50 %)', 12.4)).toBe(
      '  [12 s] generating: 10 / 20 records (50 %)',
    );
    expect(progressLine('building', '', 75)).toBe('  [1 min 15 s] building');
  });

  it('prints plain lines every 5 s in a phase’s first 30 s, every 10 s after', () => {
    expect(plainIntervalMs(0)).toBe(5_000);
    expect(plainIntervalMs(29.9)).toBe(5_000);
    expect(plainIntervalMs(30)).toBe(10_000);
  });

  it('shows rows read, written and the rate while ingesting, then the index step', () => {
    const counts = { read: 12_000, inserted: 8_000, updated: 1_000, unchanged: 0, rowsPerSecond: 1_649.6 };
    expect(ingestStatus(counts, 34_560)).toBe(
      '12,000 / 34,560 rows read (34 %), 9,000 written, 1,650 rows/s',
    );
    const done = { read: 34_560, inserted: 34_560, updated: 0, unchanged: 0, rowsPerSecond: 900 };
    expect(ingestStatus(done, 34_560, 'index step_text')).toBe(
      '34,560 rows written; building the step_text index',
    );
    expect(maintenanceStepText('optimize')).toBe('compacting the table');
    expect(maintenanceStepText('something else')).toBe('something else');
  });

  it('reads /api/health answers as a warm-up state', () => {
    expect(healthStatus(null)).toBe('starting the server (waiting for it to answer)');
    expect(healthStatus({ status: 'warming', reason: 'loading the resident columns' })).toBe(
      'warming up (loading the resident columns)',
    );
    expect(healthStatus({ status: 'ok' })).toBe('ready');
    expect(healthStatus({ status: 'unavailable', reason: 'the database did not answer' })).toBe(
      'unavailable (the database did not answer)',
    );
  });
});

describe('BuildOutputFilter', () => {
  it('keeps next build’s steps and leaves out blank lines, colours and the route table', () => {
    const filter = new BuildOutputFilter();
    const output = [
      '   \u001b[1m▲ Next.js 16.0.0\u001b[22m (Turbopack)',
      '',
      '   Creating an optimized production build ...',
      ' ✓ Compiled successfully in 41s',
      '   Generating static pages (3/9) ',
      'Route (app)',
      '┌ ƒ /',
      '├ ○ /_not-found',
      '└ ƒ /trajectories/[id]',
      '',
      'ƒ Proxy (Middleware)',
      '○  (Static)   prerendered as static content',
    ];
    expect(output.map((line) => filter.filter(line)).filter((line) => line !== null)).toEqual([
      '▲ Next.js 16.0.0 (Turbopack)',
      'Creating an optimized production build ...',
      '✓ Compiled successfully in 41s',
      'Generating static pages (3/9)',
    ]);
    expect(filter.routes).toBe(3);
  });
});

describe('Progress', () => {
  let progress: Progress | undefined;
  afterEach(() => progress?.end());

  function collector(isTTY: boolean) {
    const written: string[] = [];
    return { written, out: { isTTY, write: (text: string) => written.push(text) } };
  }

  it('prints plain lines, no carriage returns, at most one per interval (not a terminal)', () => {
    let now = 0;
    const { written, out } = collector(false);
    progress = new Progress(out, { now: () => now });
    progress.begin('ingesting', '0 / 100 rows');
    progress.update('10 / 100 rows');
    now = 4_000;
    progress.update('40 / 100 rows');
    expect(written).toEqual([]);
    now = 5_000;
    progress.update('50 / 100 rows');
    now = 6_000;
    progress.update('60 / 100 rows');
    progress.log('  a line to keep');
    progress.end('  100 rows in 7 s');
    expect(written).toEqual([
      '  [5 s] ingesting: 50 / 100 rows\n',
      '  a line to keep\n',
      '  100 rows in 7 s\n',
    ]);
    expect(written.join('')).not.toContain('\r');
  });

  it('redraws one line in place on a terminal and keeps logged lines above it', () => {
    let now = 0;
    const { written, out } = collector(true);
    progress = new Progress(out, { now: () => now });
    progress.begin('generating', '0 / 10 records');
    now = 2_000;
    progress.update('5 / 10 records');
    progress.log('kept');
    progress.end('done');
    expect(written).toEqual([
      '\r\u001b[K  [0 s] generating: 0 / 10 records',
      '\r\u001b[K  [2 s] generating: 5 / 10 records',
      '\r\u001b[K',
      'kept\n',
      '\r\u001b[K  [2 s] generating: 5 / 10 records',
      '\r\u001b[K',
      'done\n',
    ]);
  });

  it('repeats the last status while a phase is silent', async () => {
    const { written, out } = collector(false);
    progress = new Progress(out, { intervalMs: 100 });
    progress.begin('building', 'next build: Running TypeScript ...');
    await new Promise((resolve) => setTimeout(resolve, 800));
    progress.end();
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written[0]).toMatch(/^ {2}\[\d s\] building: next build: Running TypeScript \.\.\.\n$/);
  });
});
