/**
 * A note writer for the concurrency test: `tsx lib/annotations/test-note-writer.ts BARRIER_DIR NAME PARTIES COUNT`
 * waits until all PARTIES writers are ready, then writes COUNT notes on question q1 of the database at LANCEDB_URI,
 * one after another, labelled `writer-NAME`. Prints the ids it was given and when it wrote its first and last note
 * (ms since the epoch), as one JSON line.
 */
import { dbConfigFromEnv } from '../db';
import { waitAtBarrier } from '../ingest/test-barrier';
import { createAnnotation } from './store';

const [barrierDir, name, parties, count] = process.argv.slice(2);
const config = dbConfigFromEnv();
await waitAtBarrier(barrierDir, 0, name, Number(parties));
const ids: string[] = [];
const started = Date.now();
for (let i = 0; i < Number(count); i++) {
  const note = await createAnnotation(
    config,
    { target: { kind: 'question', data_id: 'q1' }, label: `writer-${name}`, note: `${name} #${i}` },
    name,
  );
  ids.push(note.id);
}
process.stdout.write(`${JSON.stringify({ ids, started, finished: Date.now() })}\n`);
