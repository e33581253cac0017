/**
 * A writer process for the concurrency tests: `tsx lib/ingest/test-writer-process.ts BARRIER_DIR NAME PARTIES
 * -- CLI ARGS…` runs the ingest command line once per round, each round into its own database (`<uri>-<round>`,
 * round count in ROUNDS), starting every round only when all PARTIES writers have reached it, so the writers of a
 * round really run at the same time. Prints one JSON line per round: the exit code and what the CLI printed.
 */
import { PassThrough } from 'node:stream';
import { runIngestCli } from './cli';
import { waitAtBarrier } from './test-barrier';

const [barrierDir, name, parties, separator, ...cliArgs] = process.argv.slice(2);
if (separator !== '--') throw new Error('usage: test-writer-process.ts BARRIER_DIR NAME PARTIES -- ARGS…');
const rounds = Number(process.env.ROUNDS ?? 1);
const baseUri = process.env.LANCEDB_URI ?? '';

for (let round = 0; round < rounds; round++) {
  await waitAtBarrier(barrierDir, round, name, Number(parties));
  let stdout = '';
  let stderr = '';
  const code = await runIngestCli(cliArgs, {
    stdin: new PassThrough(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...process.env, LANCEDB_URI: `${baseUri}-${round}` },
  });
  process.stdout.write(`${JSON.stringify({ round, code, stdout, stderr })}\n`);
}
