/**
 * `npm run upgrade`: adds to the table at LANCEDB_URI the derived columns this version has and an older one did not
 * write, filled from the stored steps (lib/ingest/upgrade.ts). Safe to stop and run again; `npm start` and
 * `npm run ingest` run it themselves.
 */
import '../lib/db/writer-process';
import { upgradeTable } from '../lib/ingest/upgrade';

const report = await upgradeTable(undefined, {
  scanForUnfilled: true,
  onBatch: (filled) => void process.stdout.write(`\rfilled ${filled} rows`),
});
if (report.filled > 0) process.stdout.write('\n');
console.log(
  report.added.length === 0 && report.filled === 0
    ? 'the table is current: nothing to upgrade'
    : `added ${report.added.join(', ') || 'no column'}, filled ${report.filled} rows, dropped ${report.droppedIndexes.length} old index(es)`,
);
