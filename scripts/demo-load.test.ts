import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbConfigFromEnv, type DbConfig } from '@/lib/db';
import { ingestRecords } from '@/lib/ingest';
import { demoCampaignSize, demoRawRecords, type DemoCampaignOptions } from './demo-data';
import { countTrajectories, loadDemoDataIfEmpty } from './demo-load';
import { Progress } from './demo-progress';

const CAMPAIGN: DemoCampaignOptions = { questions: 12, epochs: 3, samples: 2 };
const ROOT = path.resolve(import.meta.dirname, '..');
let dir: string;
const dbAt = (uri: string): DbConfig => ({ ...dbConfigFromEnv(), uri });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'demo-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('demoRawRecords', () => {
  it('feeds ingestRecords directly (dry run: validated, nothing written)', async () => {
    const summary = await ingestRecords(demoRawRecords(CAMPAIGN), { dryRun: true });
    expect(summary).toMatchObject({
      read: demoCampaignSize(CAMPAIGN),
      accepted: demoCampaignSize(CAMPAIGN),
      rejected: 0,
    });
  });
});

describe('loadDemoDataIfEmpty', () => {
  it('loads an empty database through the project ingest, then leaves it alone', async () => {
    const db = dbAt(path.join(dir, 'in-process'));
    const lines: string[] = [];
    const first = await loadDemoDataIfEmpty(db, {
      campaign: CAMPAIGN,
      file: path.join(dir, 'campaign.jsonl.gz'),
      log: (line) => lines.push(line),
    });
    const expected = demoCampaignSize(CAMPAIGN);
    expect(first.loaded).toBe(true);
    if (!first.loaded) return;
    expect(first.file.records).toBe(expected);
    expect(first.file.fileBytes).toBeLessThan(first.file.jsonBytes); // gzipped
    expect(first.ingest).toMatchObject({ inserted: expected, updated: 0, rejected: 0 });
    expect(await countTrajectories(db)).toBe(expected);

    const second = await loadDemoDataIfEmpty(db, { campaign: CAMPAIGN, log: (line) => lines.push(line) });
    expect(second).toEqual({ loaded: false, existingRows: expected });
    expect(lines.at(-1)).toMatch(/skipping/);
  });
});

describe('the progress of the demo data load', () => {
  it('prints plain status lines of the generation and the ingest (records and rows out of the total)', async () => {
    const written: string[] = [];
    // Not a terminal, and every update due at once: a small campaign is over in seconds.
    const progress = new Progress({ write: (text) => written.push(text) }, { intervalMs: 0 });
    const result = await loadDemoDataIfEmpty(dbAt(path.join(dir, 'progress')), {
      campaign: CAMPAIGN,
      file: path.join(dir, 'progress.jsonl'),
      log: (line) => progress.log(line),
      progress,
    });
    expect(result.loaded).toBe(true);
    const output = written.join('');
    const total = demoCampaignSize(CAMPAIGN);
    expect(output).not.toContain('\r');
    expect(output).toContain(`Generating the demo campaign (${total} trajectories)`);
    expect(output).toMatch(
      new RegExp(`\\[\\d+ s\\] generating: ${total} / ${total} records \\(100 %\\), [\\d.]+ MB of JSON\\n`),
    );
    expect(output).toMatch(
      new RegExp(
        // Figures of a thousand or more carry separators ("2,901 rows/s").
        `\\[\\d+ s\\] ingesting: [\\d,]+ / ${total} rows read \\(\\d+ %\\), [\\d,]+ written, [\\d,]+ rows/s\\n`,
      ),
    );
    expect(output).toMatch(/\] ingesting: [\d,]+ rows written; building the \w+ index\n/);
    expect(output).toMatch(new RegExp(`${total} inserted, 0 updated, 0 rejected in [\\d.]+ s`));
  });
});

describe('npm run demo -- --data-only', () => {
  it('loads a small campaign into LANCEDB_URI and exits 0', async () => {
    const uri = path.join(dir, 'cli');
    const args = ['--import', 'tsx', 'scripts/demo.ts', '--data-only', '--questions', '12', '--epochs', '3'];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...args, '--samples', '2', '--lean', '--out', path.join(dir, 'cli.jsonl')],
      { cwd: ROOT, env: { ...process.env, LANCEDB_URI: uri } },
    );
    expect(stdout).toMatch(/Generating the demo campaign \(216 trajectories\)/);
    expect(stdout).toMatch(/216 inserted, 0 updated, 0 rejected/);
    expect(stdout).not.toContain('\r'); // not a terminal: no line redrawn in place
    expect(await countTrajectories(dbAt(uri))).toBe(216);
  });
});
