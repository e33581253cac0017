/**
 * Progress of `npm run demo`'s long phases (generating, ingesting, building, warming up): what runs, how far along,
 * for how long. On a terminal one status line is redrawn in place; elsewhere (CI logs, pipes) plain lines come every
 * few seconds, so a log shows the run is alive without growing by more than a few dozen lines.
 */

/** Where progress goes: `process.stdout`, or a test's collector. */
export interface ProgressOutput {
  write(text: string): unknown;
  /** True on a terminal: the status line is then redrawn in place. */
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Plain output: least time between two status lines of a phase (default `plainIntervalMs`: 5 s, then 10 s). */
  intervalMs?: number;
  /** Milliseconds, for tests (default `performance.now`). */
  now?: () => number;
}

/** `42 s`, `1 min 05 s`: whole seconds, for elapsed times. */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** `34,560`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `6,912 / 34,560 records (20 %)`; the share is rounded down, so 100 % means done. */
export function countStatus(done: number, total: number, unit: string): string {
  const share = total > 0 ? ` (${Math.min(100, Math.floor((done / total) * 100))} %)` : '';
  return `${formatCount(done)} / ${formatCount(total)} ${unit}${share}`;
}

/** One status line: `  [12 s] generating: 6,912 / 34,560 records (20 %)`. */
export function progressLine(label: string, status: string, seconds: number): string {
  return `  [${formatElapsed(seconds)}] ${label}${status ? `: ${status}` : ''}`;
}

/** Plain output's least time between two status lines: 5 s in a phase's first 30 s, 10 s after. */
export function plainIntervalMs(phaseSeconds: number): number {
  return phaseSeconds < 30 ? 5_000 : 10_000;
}

/** What the ingest reports (lib/ingest IngestProgress), as far as the status line needs it. */
export interface IngestCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rowsPerSecond: number;
}

/** `index step_text` → `building the step_text index`, `optimize` → `compacting the table`. */
export function maintenanceStepText(step: string): string {
  if (step === 'optimize') return 'compacting the table';
  const index = /^index (.+)$/.exec(step);
  return index ? `building the ${index[1]} index` : step;
}

/**
 * `12,000 / 34,560 rows read (35 %), 9,000 written, 1,650 rows/s`; once the index maintenance that ends a load has
 * begun (`step`, see IngestOptions.onMaintenance): `34,560 rows written; building the step_text index`.
 */
export function ingestStatus(progress: IngestCounts, total: number, step?: string): string {
  const written = progress.inserted + progress.updated + progress.unchanged;
  if (step !== undefined) return `${formatCount(written)} rows written; ${maintenanceStepText(step)}`;
  return (
    `${countStatus(progress.read, total, 'rows read')}, ${formatCount(written)} written, ` +
    `${formatCount(progress.rowsPerSecond)} rows/s`
  );
}

/** What `/api/health` answers (lib/health.ts Health), as far as the demo reads it. */
export interface HealthAnswer {
  status: string;
  reason?: string;
}

/** The warm-up status line: `warming up (upgrading the table if needed, loading …)`, `database unavailable (…)`. */
export function healthStatus(health: HealthAnswer | null): string {
  if (!health) return 'starting the server (waiting for it to answer)';
  const reason = health.reason ? ` (${health.reason})` : '';
  if (health.status === 'warming') return `warming up${reason}`;
  if (health.status === 'ok') return 'ready';
  return `${health.status}${reason}`;
}

/**
 * What of `next build`'s output the demo shows: its steps and warnings, not the blank lines nor the route table
 * (`Route (app)` to the end) nor its legend. Returns null for a line to leave out.
 */
export class BuildOutputFilter {
  private inRoutes = false;
  /** Routes the route table listed. */
  routes = 0;

  filter(raw: string): string | null {
    // Terminal colours, should a build print them anyway.
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '').trimEnd();
    if (/^Route \(/.test(line.trim())) this.inRoutes = true;
    if (this.inRoutes) {
      if (/^[┌├└]/.test(line.trim())) this.routes += 1;
      return null;
    }
    const text = line.trim();
    return text === '' ? null : text;
  }
}

/**
 * One long phase at a time: `begin`, then `update` as it advances, `log` for lines to keep, `end` with its outcome.
 * Between updates a timer repeats the last status with the time elapsed, so a phase that stalls (an index build, a
 * compiler step) still shows it is alive.
 */
export class Progress {
  private readonly out: ProgressOutput;
  private readonly tty: boolean;
  private readonly intervalMs: number | undefined;
  private readonly now: () => number;
  private label = '';
  private status = '';
  private started = 0;
  private lastPlain = 0;
  private lastDraw = 0;
  /** A status line is drawn in place and not yet ended (terminal only). */
  private drawn = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(out: ProgressOutput = process.stdout, options: ProgressOptions = {}) {
    this.out = out;
    this.tty = out.isTTY === true;
    this.intervalMs = options.intervalMs;
    this.now = options.now ?? (() => performance.now());
  }

  /** Seconds since the current phase began. */
  get seconds(): number {
    return (this.now() - this.started) / 1000;
  }

  /** Starts a phase named `label` (`generating`, `ingesting` …); its status lines read `[5 s] label: status`. */
  begin(label: string, status = ''): void {
    this.stopTimer();
    this.label = label;
    this.status = status;
    this.started = this.now();
    this.lastPlain = this.started;
    this.lastDraw = 0;
    if (this.tty) this.draw();
    this.timer = setInterval(() => this.tick(), this.tty ? 1_000 : 500);
    this.timer.unref();
  }

  /** The phase's new status: redrawn at once on a terminal (at most 10 times a second), printed when due elsewhere. */
  update(status: string): void {
    this.status = status;
    if (this.tty) {
      if (this.now() - this.lastDraw >= 100) this.draw();
    } else this.printIfDue();
  }

  /**
   * A line to keep (a result, a compiler's step, a server's own output), above the status line; `to` another stream
   * (stderr). It shows the run is alive too: the next plain status line comes an interval after it.
   */
  log(line: string, to: ProgressOutput = this.out): void {
    this.clear();
    to.write(`${line}\n`);
    if (!this.timer) return;
    if (this.tty) this.draw();
    else this.lastPlain = this.now();
  }

  /** Ends the phase: its status line goes, `line` (its outcome) stays. */
  end(line?: string): void {
    this.stopTimer();
    this.clear();
    if (line !== undefined) this.out.write(`${line}\n`);
    this.label = '';
  }

  private tick(): void {
    if (this.tty) this.draw();
    else this.printIfDue();
  }

  private printIfDue(): void {
    const interval = this.intervalMs ?? plainIntervalMs(this.seconds);
    if (this.now() - this.lastPlain < interval) return;
    this.lastPlain = this.now();
    this.out.write(`${progressLine(this.label, this.status, this.seconds)}\n`);
  }

  private draw(): void {
    this.lastDraw = this.now();
    // A terminal of unknown size (0 columns under `script`) gets 120.
    const width = (this.out as { columns?: number }).columns ?? 0;
    const columns = width >= 20 ? width : 120;
    const line = progressLine(this.label, this.status, this.seconds);
    this.out.write(`\r\u001b[K${line.length > columns - 1 ? `${line.slice(0, columns - 2)}…` : line}`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn) return;
    this.out.write('\r\u001b[K');
    this.drawn = false;
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
