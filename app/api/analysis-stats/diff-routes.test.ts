import { describe, expect, it } from 'vitest';
import { diffResponse } from '@/lib/analysis/stats/diff';
import { errorSchema } from '@/lib/api/response-schemas';
import { FIXTURE } from '@/lib/test-support/fixture';
import { callAnalysisRoute, okAnswer, serveFixtureDatabase } from '@/lib/test-support/route-fixture';
import { GET } from './diff/route';

serveFixtureDatabase();

/** Per question, the success rate (reward > threshold) of one training at one epoch, straight from FIXTURE. */
function ratesOf(training: string, epoch: number, threshold = 0): Map<string, number> {
  const tally = new Map<string, [number, number]>();
  for (const [t, e, q, , reward] of FIXTURE) {
    if (t !== training || e !== epoch) continue;
    const at = tally.get(q) ?? [0, 0];
    at[0] += +(reward > threshold);
    at[1]++;
    tally.set(q, at);
  }
  return new Map([...tally].map(([q, [c, n]]) => [q, c / n]));
}

/** What the diff must answer, recomputed from the fixture rows: flips, McNemar p by enumeration, the mean change. */
function expected(a: [string, number], b: [string, number], solvedRate: number) {
  const ra = ratesOf(...a);
  const rb = ratesOf(...b);
  const shared = [...ra.keys()].filter((q) => rb.has(q)).sort();
  const newly = shared.filter((q) => ra.get(q)! < solvedRate && rb.get(q)! >= solvedRate);
  const regressed = shared.filter((q) => ra.get(q)! >= solvedRate && rb.get(q)! < solvedRate);
  // P(X ≤ min) for X ~ Bin(n, 1/2), summing C(n, k) by Pascal's rule.
  const n = newly.length + regressed.length;
  let row = [1];
  for (let i = 0; i < n; i++) row = [1, ...row.slice(1).map((x, k) => x + row[k]), 1].slice(0, i + 2);
  const tail = row.slice(0, Math.min(newly.length, regressed.length) + 1).reduce((s, x) => s + x, 0);
  const p = n === 0 ? 1 : Math.min(1, (2 * tail) / 2 ** n);
  const delta = shared.length
    ? shared.reduce((s, q) => s + rb.get(q)! - ra.get(q)!, 0) / shared.length
    : null;
  return { newly, regressed, p, delta, shared: shared.length };
}

async function fails(query: string, status: number, param: string) {
  const response = await callAnalysisRoute(GET, query);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(errorSchema.parse(response.body).error.param).toBe(param);
}

describe('GET /api/analysis-stats/diff', () => {
  it('answers the flips, McNemar p and the mean difference the fixture rows give, for each way of naming sides', async () => {
    const cases: [string, [string, number], [string, number], number][] = [
      ['?training_id=alpha&epoch_a=0&epoch_b=1', ['alpha', 0], ['alpha', 1], 0.5],
      ['?training_id=alpha&epoch_a=0&epoch_b=1&solved_rate=0.75', ['alpha', 0], ['alpha', 1], 0.75],
      ['?training_id=alpha&epoch_a=1&epoch_b=0&solved_rate=0.25', ['alpha', 1], ['alpha', 0], 0.25],
      ['?training_ids=alpha,beta&epoch_id=0', ['alpha', 0], ['beta', 0], 0.5],
      ['?training_ids=beta,alpha&epoch_a=0&epoch_b=1&solved_rate=0.6', ['beta', 0], ['alpha', 1], 0.6],
      ['?training_ids=alpha,beta&epoch_a=1&epoch_b=0&solved_rate=0.5', ['alpha', 1], ['beta', 0], 0.5],
    ];
    let flips = 0;
    for (const [query, a, b, solvedRate] of cases) {
      const body = await okAnswer(GET, query, diffResponse);
      const want = expected(a, b, solvedRate);
      expect([body.a.training_id, body.a.epoch_id, body.b.training_id, body.b.epoch_id], query).toEqual([
        ...a,
        ...b,
      ]);
      expect(body.questions.newly_solved, query).toEqual(want.newly);
      expect(body.questions.regressed, query).toEqual(want.regressed);
      expect(body.questions.shared, query).toBe(want.shared);
      expect(body.mcnemar_p, query).toBeCloseTo(want.p, 12);
      expect(body.delta_success_rate, query).toBeCloseTo(want.delta!, 12);
      expect(body.changes.total).toBe(want.newly.length + want.regressed.length);
      flips += body.changes.total;
    }
    expect(flips).toBeGreaterThan(2);
  });

  it('names the missing or conflicting parameter, and 404s an unknown run', async () => {
    await fails('', 400, 'training_id');
    await fails('?training_id=alpha', 400, 'epoch_a');
    await fails('?training_id=alpha&epoch_a=0', 400, 'epoch_b');
    await fails('?training_id=alpha&epoch_a=0&epoch_b=0', 400, 'epoch_b');
    await fails('?training_ids=alpha', 400, 'training_ids');
    await fails('?training_ids=alpha,beta,gamma&epoch_id=0', 400, 'training_ids');
    await fails('?training_ids=alpha,beta', 400, 'epoch_id');
    await fails('?training_ids=alpha,beta&epoch_id=0&epoch_a=0&epoch_b=1', 400, 'epoch_id');
    await fails('?training_id=alpha&epoch_a=-1&epoch_b=1', 400, 'epoch_a');
    await fails('?training_id=alpha&epoch_a=0&epoch_b=1&limit=0', 400, 'limit');
    await fails('?training_id=nope&epoch_a=0&epoch_b=1', 404, 'training_id');
    await fails('?training_ids=alpha,nope&epoch_id=0', 404, 'training_ids');
  });
});
