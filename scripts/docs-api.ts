/**
 * Regenerates the generated parts of the docs: the parameter table of docs/api.md (lib/params/doc-table.test.ts checks
 * it) and the ingest limits of docs/ingest.md (lib/ingest/limits-doc.test.ts). The response sections of docs/api.md
 * are rewritten by `UPDATE_API_DOC=1 npx vitest run lib/api/api-doc.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { withLimitsTable } from '../lib/ingest/limits-doc';
import { withParameterTable } from '../lib/params/doc-table';

for (const [path, rewrite] of [
  ['docs/api.md', withParameterTable],
  ['docs/ingest.md', withLimitsTable],
] as const) {
  writeFileSync(path, await format(rewrite(readFileSync(path, 'utf8')), { filepath: path }));
}
