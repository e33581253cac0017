/**
 * Body of an ingest worker thread (started by `pool.ts` through `worker-entry.mjs`): processes the chunks of records
 * it is sent, one at a time, and answers each with its processed records in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RecordProcessor, type ProcessInput, type ProcessOptions } from './process';
import type { WorkerReply, WorkerRequest } from './pool';

const port = parentPort;
if (!port) throw new Error('lib/ingest/pipeline/worker.ts runs only as a worker thread');
const processor = new RecordProcessor((workerData as { options: ProcessOptions }).options);

let queue: Promise<void> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  // One chunk at a time, in the order sent (an importer's per-file preparation is shared by the chunks after it).
  queue = queue.then(() => answer(request.id, request.inputs));
});
port.postMessage({ ready: true } satisfies WorkerReply);

async function answer(id: number, inputs: ProcessInput[]): Promise<void> {
  try {
    const records = await processor.processAll(inputs);
    port!.postMessage({ id, records } satisfies WorkerReply);
  } catch (error) {
    port!.postMessage({ id, error: (error as Error)?.stack ?? String(error) } satisfies WorkerReply);
  }
}
