/**
 * Child process of the benchmark: `node --import tsx scripts/bench/ingest-child.ts <file.jsonl> <db-folder>` loads
 * the file through the public ingest and prints one JSON line with the summary and this process's peak RSS.
 */
import '../../lib/db/writer-process';
import { ingestFiles } from '../../lib/ingest';

async function main() {
  const [file, uri] = process.argv.slice(2);
  if (!file || !uri) throw new Error('usage: ingest-child.ts <file.jsonl> <db-folder>');
  let next = 0;
  const summary = await ingestFiles([file], {
    db: { uri, readConsistencyInterval: 0 },
    // Memory through the run, on stderr: whether anything grows with the run's length.
    onProgress: ({ accepted }) => {
      if (accepted < next) return;
      next = accepted + 500_000;
      const mb = (bytes: number) => Math.round(bytes / 1e6);
      const { rss, heapUsed, external } = process.memoryUsage();
      console.error(
        `${accepted} rows: rss ${mb(rss)} MB, heap ${mb(heapUsed)} MB, external ${mb(external)} MB`,
      );
    },
  });
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const { read, inserted, updated, unchanged, rejected, seconds, rowsPerSecond, workers } = summary;
  console.log(
    JSON.stringify({
      read,
      inserted,
      updated,
      unchanged,
      rejected,
      seconds,
      rowsPerSecond,
      peakRssMb,
      workers,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
