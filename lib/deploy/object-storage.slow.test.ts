import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { openSource } from '../analysis/source';
import { runStat } from '../analysis/stat';
import { summary, type Summary } from '../analysis/stats/summary';
import type { DbConfig } from '../db';
import { ingestFiles, ingestText } from '../ingest';
import { TAU_BENCH_FILE, tempDir } from '../test-support/fixture';

/**
 * The deployment story on object storage, proven on loopback: a local S3-compatible server (s3rver), the real
 * tau-bench file ingested into s3://dashboard/db, the same figures as from a local folder, and two replica processes
 * on the same dataset that both see a later ingest.
 */

const store = tempDir('rl-dash-s3-');
let s3: S3rver;
let config: DbConfig;
let storageOptions: Record<string, string>;
const replicas: ChildProcess[] = [];

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: store.dir,
    silent: true,
    configureBuckets: [{ name: 'dashboard' }],
  });
  const { port } = await s3.run();
  storageOptions = {
    aws_access_key_id: 'S3RVER',
    aws_secret_access_key: 'S3RVER',
    aws_endpoint: `http://127.0.0.1:${port}`,
    aws_region: 'us-east-1',
    allow_http: 'true',
    aws_virtual_hosted_style_request: 'false',
  };
  config = { uri: 's3://dashboard/db', storageOptions, readConsistencyInterval: 0 };
});

afterAll(async () => {
  // Every replica gone before the store closes (a request still in flight kept the close waiting on a loaded
  // machine), then the clients' pooled connections dropped: the close waits on nothing.
  await Promise.all(
    replicas.map((replica) =>
      replica.exitCode !== null || replica.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => {
            replica.once('exit', resolve);
            replica.kill('SIGKILL');
          }),
    ),
  );
  (s3 as unknown as { httpServer?: Server } | undefined)?.httpServer?.closeAllConnections();
  await s3?.close();
  store.cleanup();
}, 120_000);

/** Starts a replica process on the S3 dataset; resolves with its port once it listens. */
function startReplica(): Promise<number> {
  const replica = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'test-replica-server.ts'),
    ],
    {
      env: {
        ...process.env,
        LANCEDB_URI: config.uri,
        LANCEDB_STORAGE_OPTIONS: JSON.stringify(storageOptions),
        LANCEDB_READ_CONSISTENCY_SECONDS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  replicas.push(replica);
  return new Promise((resolve, reject) => {
    replica.once('exit', (code) => reject(new Error(`replica exited with ${code}`)));
    createInterface({ input: replica.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
  });
}

async function replicaSummary(port: number, query: string): Promise<Summary> {
  const response = await fetch(`http://127.0.0.1:${port}/summary?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Summary;
}

describe('LanceDB on S3-compatible object storage', () => {
  it('ingests the tau-bench file and gives its known figures (pass@1 0.42, pass@2 0.5667, pass@4 0.72)', async () => {
    const ingested = await ingestFiles([TAU_BENCH_FILE], { db: config });
    expect(ingested).toMatchObject({ inserted: 200, rejected: 0 });
    const source = await openSource(config);
    const at = (k: string) =>
      runStat(summary, parseAnalysisQuery(new URLSearchParams({ k }), []), source) as Promise<Summary>;
    const two = await at('2');
    expect(two.trajectory_count).toBe(200);
    expect(two.question_count).toBe(50);
    expect(two.pass_at_1).toBeCloseTo(0.42, 10);
    expect(two.pass_at_k).toBeCloseTo(0.5667, 4);
    expect(two.avg_reward).toBeCloseTo(0.42, 10);
    expect((await at('4')).pass_at_k).toBeCloseTo(0.72, 10);
    expect((await at('5')).pass_at_k).toBeNull();
  });

  it('two replica processes on the same dataset both see a new ingest', async () => {
    const ports = await Promise.all([startReplica(), startReplica()]);
    for (const port of ports) expect((await replicaSummary(port, '')).trajectory_count).toBe(200);

    const record = {
      training_id: 'replica-check',
      epoch_id: 0,
      data_id: 'r1',
      reward: 1,
      termination_reason: 'success',
      steps: [{ action: 'respond', observation: 'ok' }],
    };
    expect(await ingestText(JSON.stringify(record), { db: config })).toMatchObject({ inserted: 1 });

    for (const port of ports) {
      const after = await replicaSummary(port, '');
      expect(after.trajectory_count).toBe(201);
      expect((await replicaSummary(port, 'training_id=replica-check')).pass_at_1).toBe(1);
    }
  });
});
