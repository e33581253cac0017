/**
 * `npm run docs`: rewrites every generated section of the docs from the code it describes, then formats the files.
 *
 * - docs/api.md, the parameter table: from lib/params/table.ts (checked by lib/params/doc-table.test.ts);
 * - docs/api.md, the responses: from the response schemas, lib/api/api-doc.ts (checked by lib/api/api-doc.test.ts);
 * - docs/ingest.md, the ingest limits: from lib/ingest/limits.ts (checked by lib/ingest/limits-doc.test.ts).
 *
 * `npm run docs -- --check` writes nothing and exits 1 when a document is out of date. Not generated here: the
 * measured sections of docs/BENCHMARKS.md, which `npm run bench` and `npm run loadtest` write when they run.
 * Runs with the react-server condition: the response schemas import server-only modules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { withGeneratedApiSections } from '../lib/api/api-doc';
import { withLimitsTable } from '../lib/ingest/limits-doc';
import { withParameterTable } from '../lib/params/doc-table';

const ROOT = path.resolve(import.meta.dirname, '..');

const DOCS: [string, ((doc: string) => string)[]][] = [
  ['docs/api.md', [withParameterTable, withGeneratedApiSections]],
  ['docs/ingest.md', [withLimitsTable]],
];

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const stale: string[] = [];
for (const [file, rewrites] of DOCS) {
  const filepath = path.join(ROOT, file);
  const current = readFileSync(filepath, 'utf8');
  const options = { ...(await resolveConfig(filepath)), filepath };
  const generated = await format(
    rewrites.reduce((doc, rewrite) => rewrite(doc), current),
    options,
  );
  if (generated === current) continue;
  stale.push(file);
  if (!values.check) writeFileSync(filepath, generated);
}

if (values.check && stale.length > 0) {
  console.error(`out of date: ${stale.join(', ')}; run npm run docs`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'docs: up to date' : `docs: rewrote ${stale.join(', ')}`);
