import { runIngestCli } from '../lib/ingest/cli';

process.exitCode = await runIngestCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
