/**
 * An ingest that stops dead at one step of its index maintenance, for the crash tests:
 * `tsx lib/ingest/test-crash-process.ts FILE STEP MARKER [BATCH]` loads FILE into LANCEDB_URI (BATCH rows a commit,
 * the ingest's default without it) and, when the maintenance reaches STEP (`compact`, `index <column>` or
 * `optimize`), writes MARKER and waits there until the test kills it with SIGKILL.
 */
import { writeFileSync } from 'node:fs';
import { ingestFiles } from './ingest';

const [file, step, marker, batch] = process.argv.slice(2);
await ingestFiles([file], {
  db: { uri: process.env.LANCEDB_URI!, readConsistencyInterval: 0 },
  ...(batch ? { batchSize: Number(batch) } : {}),
  onMaintenance: async (current) => {
    if (current !== step) return;
    writeFileSync(marker, current);
    await new Promise(() => {});
  },
});
// Reaching here means STEP never came: the test fails on the missing marker.
