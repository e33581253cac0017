/** Writes a demo campaign to a JSONL file (gzipped when the name ends in `.gz`), streaming with backpressure. */
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { generateDemoCampaign, type DemoCampaignOptions } from './demo-data';

export interface JsonlWriteSummary {
  path: string;
  records: number;
  /** Size of the JSON text (before compression). */
  jsonBytes: number;
  /** Size of the file on disk. */
  fileBytes: number;
  seconds: number;
}

/** Joins records into ~1 MB chunks: far fewer stream writes than one per line. */
function* jsonlChunks(
  options: DemoCampaignOptions,
  counter: { records: number; bytes: number },
  onProgress: JsonlProgress | undefined,
): Generator<string> {
  let chunk = '';
  for (const record of generateDemoCampaign(options)) {
    chunk += `${JSON.stringify(record)}\n`;
    counter.records += 1;
    if (chunk.length >= 1 << 20) {
      counter.bytes += Buffer.byteLength(chunk);
      onProgress?.(counter.records, counter.bytes);
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) {
    counter.bytes += Buffer.byteLength(chunk);
    yield chunk;
  }
  onProgress?.(counter.records, counter.bytes);
}

/** Told of the records and JSON bytes generated so far, about once per MB of JSON and once at the end. */
export type JsonlProgress = (records: number, jsonBytes: number) => void;

export async function writeDemoJsonl(
  file: string,
  options: DemoCampaignOptions = {},
  onProgress?: JsonlProgress,
): Promise<JsonlWriteSummary> {
  const started = performance.now();
  await mkdir(path.dirname(file), { recursive: true });
  const counter = { records: 0, bytes: 0 };
  const source = Readable.from(jsonlChunks(options, counter, onProgress));
  const sink = createWriteStream(file);
  if (file.endsWith('.gz')) await pipeline(source, createGzip({ level: 6 }), sink);
  else await pipeline(source, sink);
  return {
    path: file,
    records: counter.records,
    jsonBytes: counter.bytes,
    fileBytes: (await stat(file)).size,
    seconds: (performance.now() - started) / 1000,
  };
}
