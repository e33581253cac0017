/** Rewrites the parameter table of docs/api.md from lib/params/table.ts (lib/params/doc-table.test.ts checks it). */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { withParameterTable } from '../lib/params/doc-table';

const path = 'docs/api.md';
const next = await format(withParameterTable(readFileSync(path, 'utf8')), { filepath: path });
writeFileSync(path, next);
