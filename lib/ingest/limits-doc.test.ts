import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { withLimitsTable } from './limits-doc';
import { DEFAULT_INGEST_LIMITS, ingestLimitsFromEnv, INGEST_LIMIT_SETTINGS } from './limits';

describe('the ingest limits', () => {
  it('are documented in docs/ingest.md as the settings say (regenerate: npm run docs)', async () => {
    const filepath = 'docs/ingest.md';
    const doc = readFileSync(filepath, 'utf8');
    const generated = await format(withLimitsTable(doc), { ...(await resolveConfig(filepath)), filepath });
    expect(doc, 'the limits table of docs/ingest.md is out of date: run npm run docs').toBe(generated);
  });

  it('read every variable, defaulting the unset ones, and name each bad one', () => {
    expect(ingestLimitsFromEnv({})).toEqual(DEFAULT_INGEST_LIMITS);
    expect(ingestLimitsFromEnv({ INGEST_MAX_BYTES: '1000', INGEST_BODY_IDLE_SECONDS: '0.5' })).toMatchObject({
      maxBodyBytes: 1000,
      bodyIdleSeconds: 0.5,
    });
    expect(() =>
      ingestLimitsFromEnv({
        INGEST_MAX_BYTES: '1.5',
        INGEST_MAX_RECORDS: '0',
        INGEST_BODY_TIMEOUT_SECONDS: 'x',
      }),
    ).toThrow(
      [
        'INGEST_MAX_BYTES must be a positive whole number, got "1.5"',
        'INGEST_MAX_RECORDS must be a positive whole number, got "0"',
        'INGEST_BODY_TIMEOUT_SECONDS must be a positive number, got "x"',
      ].join('\n'),
    );
    expect(new Set(INGEST_LIMIT_SETTINGS.map((setting) => setting.variable)).size).toBe(
      INGEST_LIMIT_SETTINGS.length,
    );
  });
});
