import '../lib/db/writer-process';
import { runIngestCli } from '../lib/ingest/cli';

const code = await runIngestCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Exit once the summary is printed: an index update that outlived its time limit may still hold native work.
process.exit(code);
