import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RecordProcessor, type ProcessedRecord, type ProcessInput, type ProcessOptions } from './process';

export interface WorkerRequest {
  id: number;
  inputs: ProcessInput[];
}

export type WorkerReply =
  { ready: true } | { id: number; records: ProcessedRecord[] } | { id: number; error: string };

/** Most worker threads one ingest starts, whatever the core count. */
export const MAX_INGEST_WORKERS = 8;

/**
 * Worker threads an ingest uses to parse and normalise records: `INGEST_WORKERS` when set (0 = none: everything on
 * the writing thread), else one per core but the one the writing thread and LanceDB's commits use, at most
 * `MAX_INGEST_WORKERS`.
 */
export function ingestWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.INGEST_WORKERS?.trim();
  if (set) {
    const count = Number(set);
    if (!Number.isInteger(count) || count < 0 || count > MAX_INGEST_WORKERS)
      throw new RangeError(`INGEST_WORKERS must be an integer from 0 to ${MAX_INGEST_WORKERS}, got "${set}"`);
    return count;
  }
  return Math.min(MAX_INGEST_WORKERS, os.availableParallelism() - 1);
}

const ENTRY = 'worker-entry.mjs';

/**
 * The worker entry file: beside this module when it runs from source (tsx, vitest), else under the working directory
 * (the Next.js server runs a bundled copy of this module from the project's root). Null when neither exists.
 */
function workerEntry(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), ENTRY));
  } catch {
    // import.meta.url is not a file URL in a bundle
  }
  candidates.push(join(process.cwd(), 'lib', 'ingest', 'pipeline', ENTRY));
  return candidates.find((path) => existsSync(path)) ?? null;
}

interface Pending {
  resolve: (records: ProcessedRecord[]) => void;
  reject: (error: Error) => void;
  inputs: ProcessInput[];
}

/** One worker thread and the chunks it has been sent but not answered. */
class WorkerSlot {
  readonly pending = new Map<number, Pending>();
  ready = false;

  constructor(
    readonly worker: Worker,
    onFailure: (slot: WorkerSlot, error: Error) => void,
  ) {
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        this.ready = true;
        return;
      }
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(`ingest worker failed: ${reply.error}`));
      else pending.resolve(reply.records);
    });
    worker.on('error', (error) => onFailure(this, error));
    worker.on('exit', (code) => {
      if (this.pending.size > 0) onFailure(this, new Error(`ingest worker exited with code ${code}`));
    });
  }
}

/**
 * Processes chunks of records on worker threads, each chunk on the least busy one; `run` answers a chunk's records in
 * order (the caller keeps chunks in order). A worker that cannot start (its entry or TypeScript loader missing) is
 * dropped and its chunks are processed on this thread instead, so an ingest never fails for want of a thread; a worker
 * that fails after starting fails the chunks it held.
 */
export class WorkerPool {
  private readonly slots: WorkerSlot[] = [];
  private readonly inline: RecordProcessor;
  private nextId = 0;
  /** Why the workers could not start, once they could not. */
  fallbackReason: string | null = null;

  constructor(count: number, options: ProcessOptions) {
    this.inline = new RecordProcessor(options);
    const entry = workerEntry();
    if (!entry) {
      this.fallbackReason = `no ${ENTRY} beside lib/ingest/pipeline/pool.ts or under the working directory`;
      return;
    }
    for (let i = 0; i < count; i++) {
      // Not unref'd: while the writing thread waits for a chunk, the worker is what keeps the process alive. The
      // ingest always ends with `close`, which stops them. Constructed through Reflect so that the Next.js bundler
      // does not take the entry (a path known only at run time) for a module to bundle.
      const worker: Worker = Reflect.construct(Worker, [entry, { workerData: { options } }]);
      this.slots.push(new WorkerSlot(worker, (slot, error) => this.failed(slot, error)));
    }
  }

  get size(): number {
    return this.slots.length;
  }

  async run(inputs: ProcessInput[]): Promise<ProcessedRecord[]> {
    const slot = this.slots.reduce<WorkerSlot | null>(
      (best, candidate) => (best === null || candidate.pending.size < best.pending.size ? candidate : best),
      null,
    );
    if (!slot) return this.inline.processAll(inputs);
    const id = this.nextId++;
    return new Promise<ProcessedRecord[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, inputs });
      slot.worker.postMessage({ id, inputs } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private failed(slot: WorkerSlot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    void slot.worker.terminate();
    if (!slot.ready) {
      // Never started: its chunks are processed here, in the order they were sent.
      this.fallbackReason ??= `an ingest worker did not start (${error.message.split('\n')[0]})`;
      for (const chunk of pending) this.inline.processAll(chunk.inputs).then(chunk.resolve, chunk.reject);
      return;
    }
    for (const chunk of pending) chunk.reject(error);
  }
}
