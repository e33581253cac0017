import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, tempDb } from '../../test-support/fixture';
import { epochProgression } from './epoch-progression';
import { passAt1CI, type QuestionTable } from '../metrics/pass-metrics';
import { parseAnalysisQuery } from '../filters/query';
import { openSource, type Source } from '../source';

const table = (n: number[], c: number[]): QuestionTable => ({
  n: Int32Array.from(n),
  c: Int32Array.from(c),
  rewardSum: new Float64Array(n.length),
});

describe('pass@1 CI over questions', () => {
  it('has zero width when every question has the same success rate', () => {
    expect(passAt1CI(table([4, 4, 8], [1, 1, 2]))).toEqual({ low: 0.25, high: 0.25 });
  });

  it('is the question itself when there is one', () => {
    expect(passAt1CI(table([5], [2]))).toEqual({ low: 0.4, high: 0.4 });
  });

  it('is null without questions', () => {
    expect(passAt1CI(table([], []))).toBeNull();
  });

  it('spans 0 to 1 for one always-failing and one always-passing question', () => {
    // Resampled means are 0 (p = 1/4), 0.5 (1/2) or 1 (1/4): ~250 of 1,000 at each end, far more than the 25 the
    // 2.5 % and 97.5 % quantiles reach into.
    expect(passAt1CI(table([4, 4], [0, 4]))).toEqual({ low: 0, high: 1 });
  });

  it('gives the same interval on every call (seeded)', () => {
    const t = table([4, 4, 4, 4, 4], [0, 1, 2, 3, 4]);
    expect(passAt1CI(t)).toEqual(passAt1CI(t));
  });
});

describe('epoch-progression pass_at_1_ci on the fixture', () => {
  const db = tempDb();
  let source: Source;
  beforeAll(async () => {
    await loadFixture(db.config);
    source = await openSource(db.config);
  });
  afterAll(() => db.cleanup());
  const run = (params: Record<string, string>) =>
    epochProgression(parseAnalysisQuery(new URLSearchParams(params), ['metrics']), source);

  it('is the one question’s success rate when data_id selects one question', async () => {
    // alpha q1: 2 of 4 succeed in epoch 0, 3 of 4 in epoch 1.
    const p = await run({ training_id: 'alpha', data_id: 'q1' });
    expect(p.epochs.map((e) => e.pass_at_1_ci)).toEqual([
      { low: 0.5, high: 0.5 },
      { low: 0.75, high: 0.75 },
    ]);
  });

  it('brackets pass@1 within [0, 1] over the rates 0.5, 0 and 1, and can be chosen through metrics', async () => {
    const p = await run({ training_id: 'alpha', epoch_id: '0', metrics: 'pass_at_1,pass_at_1_ci' });
    expect(p.epochs.map((e) => Object.keys(e))).toEqual([['epoch_id', 'pass_at_1', 'pass_at_1_ci']]);
    const [{ pass_at_1, pass_at_1_ci }] = p.epochs;
    expect(pass_at_1).toBe(0.5);
    // Resampled means of three rates lie in [0, 1]; the three differ, so the interval has width.
    expect(pass_at_1_ci!.low).toBeGreaterThanOrEqual(0);
    expect(pass_at_1_ci!.low).toBeLessThan(0.5);
    expect(pass_at_1_ci!.high).toBeGreaterThan(0.5);
    expect(pass_at_1_ci!.high).toBeLessThanOrEqual(1);
  });
});
