import type { Table } from '@lancedb/lancedb';
import type { ScanColumn } from '../scan/scan';
import {
  ON_DEMAND_COLUMNS,
  RESIDENT_COLUMNS,
  appendColumns,
  attachColumns,
  loadColumns,
  type ResidentColumns,
} from './resident';
import { rewrittenColumns } from './rewrite';

/** Bytes per row assumed before a first load measures them (the resident columns of a typical trajectory). */
const ESTIMATED_ROW_BYTES = 110;

export interface EngineOptions {
  /** Most bytes of resident columns held for this database. */
  budgetBytes: number;
  /** How long the previous version may still answer (labelled stale) while a changed table reloads. */
  staleMs: number;
  /**
   * Work done on a new version before it answers (after an append or a reload): what each version derives once, and
   * the answers recently asked for, so the first request of the new version finds them ready. Failures are logged.
   */
  prepare?: (columns: ResidentColumns) => Promise<void>;
}

/** Which columns answer a request: the resident ones, and whether a newer table version is still loading. */
export interface ColumnView {
  columns: ResidentColumns;
  /** Set while `columns` are of an older version than the table's latest (a reload is under way). */
  stale?: { latestVersion: number; since: Date };
}

/**
 * The resident columns of one database, kept current with the table version: appended rows are read on their own,
 * any other change reloads every row in the background while the previous version answers (labelled stale) for at
 * most `staleMs`, then pushed-down scans answer until the reload is done. Above the budget nothing is held.
 */
export class ColumnEngine {
  private current: ResidentColumns | null = null;
  /** The handle's checked-out version is shared state: one LanceDB read at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private appending = new Map<number, Promise<ResidentColumns | null>>();
  private attaching = new Map<string, Promise<ResidentColumns | null>>();
  private firstLoad: Promise<void> | null = null;
  private reload: { version: number; done: Promise<void> } | null = null;
  /** The version of `current` found not to be a prefix of later versions. */
  private changedSince: number | null = null;
  private newerSince: Date | null = null;
  /** A version found too large for the budget. */
  private tooLarge: number | null = null;
  private handle: Promise<Table> | null = null;

  constructor(
    private readonly openHandle: () => Promise<Table>,
    private readonly options: EngineOptions,
  ) {}

  /** The columns held now (null when none). */
  get resident(): ResidentColumns | null {
    return this.current;
  }

  /** Drops the resident columns (a budget shared with other databases needs the memory). */
  evict(): void {
    this.current = null;
  }

  /** Resolves when no load or reload is in flight. */
  async settled(): Promise<void> {
    while (this.firstLoad || this.reload || this.appending.size > 0)
      await (this.firstLoad ?? this.reload?.done ?? Promise.all(this.appending.values()));
    await this.queue;
  }

  /** The columns to answer from at the table's `latest` version, or null: answer with pushed-down scans. */
  async view(latest: number): Promise<ColumnView | null> {
    try {
      return await this.viewOf(latest);
    } catch (error) {
      // The columns are an accelerator: when LanceDB cannot serve them, pushed-down scans still answer.
      console.error('resident columns unavailable:', error);
      return null;
    }
  }

  private async viewOf(latest: number): Promise<ColumnView | null> {
    if (this.tooLarge !== null && this.tooLarge === latest) return null;
    if (!this.current) {
      await (this.firstLoad ??= this.load(latest).finally(() => (this.firstLoad = null)));
      return this.fresh(latest);
    }
    const current = this.current;
    if (current.version >= latest) return { columns: current };
    this.newerSince ??= new Date();
    const staleView = { columns: current, stale: { latestVersion: latest, since: this.newerSince } };
    const mayAnswerStale = Date.now() - this.newerSince.getTime() < this.options.staleMs;
    if (this.changedSince !== current.version) {
      const appending = this.append(current, latest);
      // The previous version answers while the appended rows are read and the new version is prepared.
      if (mayAnswerStale) return staleView;
      const appended = await appending;
      if (appended) return this.fresh(latest);
    }
    this.startReload(latest);
    return mayAnswerStale ? staleView : null;
  }

  /**
   * `columns` with `needed` columns read in when they are not held yet (question, for text search), or null when they
   * cannot be held (not a resident column, or the version is gone).
   */
  async withColumns(
    columns: ResidentColumns,
    needed: readonly ScanColumn[],
  ): Promise<ResidentColumns | null> {
    const missing = needed.filter((column) => !columns.columns.includes(column));
    if (missing.length === 0) return columns;
    if (!missing.every((column) => ON_DEMAND_COLUMNS.includes(column))) return null;
    // Another request may have read them for this version already, or be reading them now.
    const current = this.current;
    if (current?.version === columns.version && missing.every((column) => current.columns.includes(column)))
      return current;
    const key = `${columns.version}\u0000${missing.join(',')}`;
    let pending = this.attaching.get(key);
    if (!pending) {
      pending = this.serial((table) => attachColumns(table, columns, missing)).then((attached) => {
        if (attached && this.current?.version === attached.version && this.fits(attached))
          this.current = attached;
        return attached;
      });
      this.attaching.set(key, pending);
      void pending.finally(() => this.attaching.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  private fresh(latest: number): ColumnView | null {
    const current = this.current;
    if (!current || current.version < latest) return null;
    this.newerSince = null;
    return { columns: current };
  }

  private fits(columns: ResidentColumns): boolean {
    return columns.bytes <= this.options.budgetBytes;
  }

  private serial<T>(work: (table: Table) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => work(await (this.handle ??= this.openHandle())));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A full load of `version` (unless the table would not fit the budget); becomes current when newer. */
  private async load(version: number): Promise<void> {
    const loaded = await this.serial(async (table) => {
      await table.checkout(version);
      const rowBytes = this.current
        ? this.current.bytes / Math.max(1, this.current.scan.length)
        : ESTIMATED_ROW_BYTES;
      const columns = [...(this.current?.columns ?? RESIDENT_COLUMNS)];
      if ((await table.countRows()) * rowBytes > this.options.budgetBytes) return null;
      return loadColumns(table, version, columns);
    });
    if (!loaded || !this.fits(loaded)) {
      this.tooLarge = version;
      this.current = null;
      return;
    }
    if (this.current) await this.prepared(loaded);
    if (!this.current || this.current.version < loaded.version) {
      this.current = loaded;
      this.tooLarge = null;
    }
  }

  private append(current: ResidentColumns, latest: number): Promise<ResidentColumns | null> {
    let pending = this.appending.get(latest);
    if (!pending) {
      const refresh = async (table: Table) =>
        (await appendColumns(table, current, latest)) ?? (await rewrittenColumns(table, current, latest));
      pending = this.serial(refresh).then(async (appended) => {
        if (!appended) {
          this.changedSince = current.version;
          this.startReload(latest);
          return null;
        }
        if (!this.fits(appended)) {
          this.tooLarge = latest;
          this.current = null;
          return null;
        }
        await this.prepared(appended);
        if (this.current && this.current.version < appended.version) this.current = appended;
        return appended;
      });
      this.appending.set(latest, pending);
      void pending.finally(() => this.appending.delete(latest)).catch(() => undefined);
    }
    return pending;
  }

  /** Runs `prepare` on a version about to become current; it answers whether or not preparing succeeded. */
  private async prepared(columns: ResidentColumns): Promise<void> {
    try {
      await this.options.prepare?.(columns);
    } catch (error) {
      console.error(`preparing version ${columns.version} failed:`, error);
    }
  }

  private startReload(latest: number): void {
    if (this.reload && this.reload.version >= latest) return;
    const done = this.load(latest)
      .catch(() => undefined)
      .finally(() => {
        if (this.reload?.done === done) this.reload = null;
      });
    this.reload = { version: latest, done };
  }
}
