import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '@/lib/params/table';
import { serveFixtureDatabase } from '@/lib/test-support/route-fixture';

/**
 * Property tests over every GET route handler under app/api (found on disk, so a new route is fuzzed too), on the real
 * fixture database: hostile parameter names and values never cause a 5xx, every 4xx blames a parameter that was sent
 * (or none), and a filter never widens a result.
 */

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const modules = import.meta.glob<{ GET?: Handler }>('./**/route.ts', { eager: true });
const ROUTES = Object.entries(modules)
  .filter(([, module]) => typeof module.GET === 'function')
  .map(([file, module]) => ({ file, GET: module.GET! }));
const ID_ROUTE = './trajectories/[id]/route.ts';

serveFixtureDatabase();

const HOSTILE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'k ',
  'K',
  'k[]',
];
const HOSTILE_VALUES = [
  '',
  ' ',
  "' OR 1=1 --",
  "alpha' OR '1'='1",
  '"; DROP TABLE trajectories; --',
  "\\'",
  '%',
  '%00',
  '\u0000',
  '\n',
  'ü',
  '😀',
  '\u202e',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '-1',
  '0',
  '0x10',
  '1_000',
  '1.5',
  '-0',
  'true',
  'null',
  'undefined',
  '[object Object]',
  'a,,b',
  ',',
  'x'.repeat(300),
  Array.from({ length: 120 }, (_, i) => `v${i}`).join(','),
];
// Values the fixture holds, so that many requests get past validation and into the statistics.
const REAL_VALUES = [
  'alpha',
  'beta',
  'alpha,beta',
  '0',
  '1',
  '2',
  '4',
  '0.5',
  'success',
  'timeout',
  'wrong_answer',
  'search',
  'python',
  'any',
  'q1',
  'training_id',
  'epoch_id',
  'reward',
  '-reward',
];

const paramName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PARAM_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const paramValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REAL_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
// Repeated keys happen on purpose: pairs, not a record.
const query = fc.array(fc.tuple(paramName, paramValue), { maxLength: 5 });

function url(path: string, pairs: [string, string][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of pairs) search.append(name, value);
  return `http://localhost/api/${path}?${search}`;
}

async function call(handler: Handler, href: string, params: Record<string, string> = {}) {
  const response = await handler(new Request(href), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

/**
 * No 5xx; a 4xx blames a parameter the request holds, or none, or asks for a required one it lacks
 * ("training_id: give exactly one training").
 */
function expectBlamesSentParam(
  status: number,
  body: Record<string, unknown>,
  sent: ReadonlySet<string>,
  context: string,
): void {
  expect(status, context).toBeLessThan(500);
  if (status < 400) return;
  const error = body.error as { message: string; param: string | null };
  expect(typeof error.message, context).toBe('string');
  if (error.param === null || sent.has(error.param)) return;
  expect(error.message, `${context} blamed ${error.param}, which it did not send`).toMatch(
    new RegExp(`^${error.param}: give `),
  );
}

describe('fuzzing every GET route handler', () => {
  it('finds the routes', () => {
    expect(ROUTES.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        './analysis-stats/summary/route.ts',
        './analysis-stats/failure-cases/route.ts',
        './health/route.ts',
        ID_ROUTE,
      ]),
    );
  });

  // Routes of one record by its path (`[id]`) are fuzzed by id instead: below, and app/api/annotations/route.test.ts.
  for (const { file, GET } of ROUTES.filter((r) => !r.file.includes('[id]'))) {
    it(`${file}: no 5xx, and a 4xx blames a parameter that was sent`, async () => {
      await fc.assert(
        fc.asyncProperty(query, async (pairs) => {
          const href = url('x', pairs);
          const { status, body } = await call(GET, href);
          expectBlamesSentParam(status, body, new Set(pairs.map(([name]) => name)), href);
        }),
        { seed: 20261201, numRuns: 150 },
      );
    });
  }

  it(`${ID_ROUTE}: any id answers 200, or a 400 or 404 naming id`, async () => {
    const GET = ROUTES.find((r) => r.file === ID_ROUTE)!.GET;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...HOSTILE_VALUES, '..', '.', '/'), fc.string({ unit: 'binary' })),
        async (id) => {
          const { status, body } = await call(GET, `http://localhost/api/trajectories/x`, { id });
          expect([200, 400, 404], id).toContain(status);
          if (status !== 200) expect((body.error as { param: unknown }).param).toBe('id');
        },
      ),
      { seed: 20261201, numRuns: 100 },
    );
  });
});

describe('no filter widens a result', () => {
  const FILTERS: [string, fc.Arbitrary<string>][] = [
    ['training_id', fc.constantFrom('alpha', 'beta', 'alpha,beta', 'gamma', "alpha' OR 1=1 --")],
    ['epoch_id', fc.constantFrom('0', '1', '7')],
    ['reward_min', fc.constantFrom('-1', '0', '0.5', '1', '2')],
    ['reward_max', fc.constantFrom('-1', '0', '0.5', '1', '2')],
    ['termination_reason', fc.constantFrom('success', 'timeout', 'wrong_answer,max_turns', "x' OR '1'='1")],
    ['tools_any', fc.constantFrom('search', 'python,calculator', "search' OR 1=1 --")],
    ['tools_all', fc.constantFrom('search', 'search,python')],
    ['tools_none', fc.constantFrom('search', 'python')],
    ['tool_failed', fc.constantFrom('any', 'search', 'python', "' OR 1=1 --")],
    ['tool_calls_min', fc.constantFrom('0', '1', '2')],
    ['tool_calls_max', fc.constantFrom('0', '1', '3')],
    ['q', fc.constantFrom('capital', 'q2', "' OR 1=1 --", '%', '_')],
  ];
  const filterSet = fc.uniqueArray(
    fc.oneof(...FILTERS.map(([name, value]) => value.map((v): [string, string] => [name, v]))),
    {
      selector: ([name]) => name,
      maxLength: 4,
    },
  );

  it('adding one more filter never increases trajectory_count (summary)', async () => {
    const summary = ROUTES.find((r) => r.file === './analysis-stats/summary/route.ts')!.GET;
    const count = async (pairs: [string, string][]) => {
      const { status, body } = await call(summary, url('analysis-stats/summary', pairs));
      return status === 200 ? (body.trajectory_count as number) : null;
    };
    const all = await count([]);
    // 28 rows in the fixture (24 of alpha, 4 of beta), counted by hand from FIXTURE.
    expect(all).toBe(28);
    await fc.assert(
      fc.asyncProperty(filterSet, async (filters) => {
        const narrowed = await count(filters);
        const fewer = await count(filters.slice(1));
        if (narrowed === null || fewer === null) return;
        expect(narrowed).toBeLessThanOrEqual(fewer);
        expect(narrowed).toBeLessThanOrEqual(all!);
      }),
      { seed: 20261201, numRuns: 80 },
    );
  });
});
