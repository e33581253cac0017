import { afterAll, describe, expect, it } from 'vitest';
import { checkHealth } from './health';
import { loadFixture, tempDb } from './test-support/fixture';

const loaded = tempDb();
const empty = tempDb();
afterAll(() => {
  loaded.cleanup();
  empty.cleanup();
});

describe('checkHealth', () => {
  it('says ready for a database holding the table, and nothing about its contents', async () => {
    await loadFixture(loaded.config);
    expect(await checkHealth(loaded.config)).toEqual({ status: 'ok', database: 'ready' });
  });

  it('says empty for a database without the table', async () => {
    expect(await checkHealth(empty.config)).toEqual({ status: 'ok', database: 'empty' });
  });

  it('says unavailable when the store cannot be reached', async () => {
    const config = {
      uri: 's3://bucket/db',
      storageOptions: {
        aws_endpoint: 'http://127.0.0.1:9',
        aws_access_key_id: 'x',
        aws_secret_access_key: 'x',
        aws_region: 'us-east-1',
        allow_http: 'true',
      },
      readConsistencyInterval: 0,
    };
    expect(await checkHealth(config)).toEqual({
      status: 'unavailable',
      database: 'unreachable',
      reason: 'the database did not answer within 2 s',
    });
  });

  it('says warming while the server loads what its first answers need', async () => {
    expect(await checkHealth(loaded.config, () => true)).toEqual({
      status: 'warming',
      database: 'ready',
      reason: 'upgrading the table if needed, loading the resident columns and the first answers',
    });
  });
});
