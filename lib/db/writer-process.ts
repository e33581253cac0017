/**
 * Imported first by the processes that only write (`npm run ingest`, `npm run upgrade`, the benchmark's ingest), before
 * LanceDB reads its settings: a scan there (a compaction, an index build) reads one fragment ahead instead of
 * LanceDB's default. A compaction reads every small fragment and runs one task per native CPU thread, so the default
 * read-ahead made it the peak of a long load: a 3-million-row table of 241 fragments compacted at 1,899 MB, and at
 * 1,156 MB with one fragment ahead (39 s → 47 s, measured on this project's benchmark rows); a million rows at 833 →
 * 546 MB. The server keeps LanceDB's default (its scans answer pages). An explicit setting is left alone.
 */
export const WRITER_FRAGMENT_READAHEAD = 1;

process.env.LANCE_DEFAULT_FRAGMENT_READAHEAD ??= String(WRITER_FRAGMENT_READAHEAD);
