import { isRawText } from '../types';
import { WorkerPool } from './pool';
import { RecordProcessor, type ProcessedRecord, type ProcessInput, type ProcessOptions } from './process';

/** Records read before the worker threads start: a small input is processed where it is read. */
export const WORKERS_AFTER_RECORDS = 2000;
/** Characters of record text per chunk (a chunk also ends at `CHUNK_RECORDS` records). */
const CHUNK_CHARS = 1 << 20;
const CHUNK_RECORDS = 512;
/** Chunks being processed at once, per worker: bounds the records read ahead of the writer. */
const CHUNKS_IN_FLIGHT_PER_WORKER = 3;
/** What a record that is not text counts for in a chunk's size. */
const VALUE_CHARS = 1024;

/**
 * Processes records in chunks, on `workers` worker threads once the input has passed `WORKERS_AFTER_RECORDS`
 * records (on this thread before, and throughout when `workers` is 0), and hands them to `apply` one by one in input
 * order. `push` waits (applying) while too many chunks are in flight, so memory stays bounded however far the reader
 * could run ahead.
 */
export class OrderedProcessing {
  private readonly here: RecordProcessor;
  private pool: WorkerPool | null = null;
  private readonly inFlight: Promise<ProcessedRecord[]>[] = [];
  private chunk: ProcessInput[] = [];
  private chunkChars = 0;
  private pushed = 0;

  constructor(
    private readonly options: ProcessOptions,
    private readonly workers: number,
    private readonly apply: (record: ProcessedRecord) => Promise<void>,
  ) {
    this.here = new RecordProcessor(options);
  }

  async push(input: ProcessInput): Promise<void> {
    this.pushed++;
    this.chunk.push(input);
    this.chunkChars += isRawText(input.raw) ? input.raw.text.length : VALUE_CHARS;
    if (this.chunk.length >= CHUNK_RECORDS || this.chunkChars >= CHUNK_CHARS) await this.send();
  }

  /** Processes and applies everything pushed. */
  async finish(): Promise<void> {
    await this.send();
    while (this.inFlight.length > 0) await this.applyNext();
  }

  /**
   * Drops what was not applied and stops the workers; answers how many ran (0 when none started) and why they could
   * not start, if they could not.
   */
  async close(): Promise<{ workers: number; problem: string | null }> {
    this.inFlight.splice(0);
    this.chunk = [];
    const pool = this.pool;
    const outcome = { workers: pool?.size ?? 0, problem: pool?.fallbackReason ?? null };
    await pool?.close();
    return outcome;
  }

  private async send(): Promise<void> {
    if (this.chunk.length === 0) return;
    if (!this.pool && this.workers > 0 && this.pushed > WORKERS_AFTER_RECORDS)
      this.pool = new WorkerPool(this.workers, this.options);
    const pending = this.pool ? this.pool.run(this.chunk) : this.here.processAll(this.chunk);
    pending.catch(() => {}); // awaited in order by applyNext; avoids an unhandled rejection in between
    this.inFlight.push(pending);
    this.chunk = [];
    this.chunkChars = 0;
    const most = Math.max(1, (this.pool?.size ?? 0) * CHUNKS_IN_FLIGHT_PER_WORKER);
    while (this.inFlight.length > most) await this.applyNext();
  }

  private async applyNext(): Promise<void> {
    const records = await this.inFlight.shift()!;
    for (const record of records) await this.apply(record);
  }
}
