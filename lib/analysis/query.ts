import { z } from 'zod';
import { FAILURE_SORTS, GROUP_BYS } from '../search-params';
import { AnalysisError } from './errors';

/**
 * Validation of every analysis parameter, shared by the API and the pages. Raw URL values in, a typed query out;
 * a bad value raises an AnalysisError that names the parameter. Keys are the ones of lib/search-params.ts.
 */

const MAX_TEXT = 256;
const MAX_ITEMS = 100;
const INT32_MAX = 2_147_483_647;

// Names (training ids, tools, reasons, agents) are data that reaches a `where` string: they are escaped there, and
// kept to printable text of a sane length here.
const name = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters');

const nameList = z.array(name).max(MAX_ITEMS, `at most ${MAX_ITEMS} values`);

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be ≥ ${min}`).max(max, `must be ≤ ${max}`));

const float = (min = -1e12, max = 1e12) =>
  z
    .string()
    .regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'must be a number')
    .transform(Number)
    .pipe(z.number().min(min, `must be ≥ ${min}`).max(max, `must be ≤ ${max}`));

export const filterSchema = z
  .object({
    training_id: nameList.optional(),
    epoch_id: int(0, INT32_MAX).optional(),
    epoch_min: int(0, INT32_MAX).optional(),
    epoch_max: int(0, INT32_MAX).optional(),
    reward_min: float().optional(),
    reward_max: float().optional(),
    termination_reason: nameList.optional(),
    tools_any: nameList.optional(),
    tools_all: nameList.optional(),
    tools_none: nameList.optional(),
    tool_failed: name.optional(),
    tool_calls_min: int(0, INT32_MAX).optional(),
    tool_calls_max: int(0, INT32_MAX).optional(),
    agent_name: nameList.optional(),
    q: z.string().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`).optional(),
  })
  .strict();

export type Filters = z.infer<typeof filterSchema>;

const metricSchema = z.object({
  k: int(1, 1000).optional(),
  success_threshold: float().default(0),
  perfect_threshold: float().default(1),
  failure_threshold: float().default(0),
});

const pagingSchema = z.object({
  limit: int(1, 1000).optional(),
  offset: int(0, 10_000_000).default(0),
});

export const LIST_KEYS = new Set([
  'training_id',
  'training_ids',
  'termination_reason',
  'tools_any',
  'tools_all',
  'tools_none',
  'agent_name',
]);

/** Parameters every endpoint accepts. */
const baseSchema = filterSchema.extend(metricSchema.shape);

/** Every parameter any endpoint accepts; each endpoint allows its own extras. */
const allSchema = baseSchema.extend(pagingSchema.shape).extend({
  group_by: z.enum(GROUP_BYS).optional(),
  training_ids: nameList.optional(),
  sort: z.enum(FAILURE_SORTS).optional(),
  tool: name.optional(),
});

export type AnalysisQuery = z.infer<typeof allSchema>;

/** Keys of the dashboard page that are view state, not analysis parameters: ignored by parseAnalysisQuery. */
const VIEW_ONLY_KEYS = new Set(['tab', 'page', 'trajectory']);

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((v) => [key, v] as [string, string]),
        );
  for (const [key, value] of entries) {
    if (VIEW_ONLY_KEYS.has(key)) continue;
    if (LIST_KEYS.has(key)) {
      const items = value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      out[key] = [...((out[key] as string[] | undefined) ?? []), ...items];
    } else if (value !== '') {
      if (key in out) throw new AnalysisError(`"${key}" given more than once`, key);
      out[key] = value;
    }
  }
  return out;
}

function firstIssue(error: z.ZodError): AnalysisError {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return new AnalysisError(`unknown parameter "${key}"`, key);
  }
  const param = issue.path.length > 0 ? String(issue.path[0]) : null;
  return new AnalysisError(param ? `${param}: ${issue.message}` : issue.message, param);
}

function checkRanges(query: AnalysisQuery): void {
  const pairs: [keyof AnalysisQuery, keyof AnalysisQuery][] = [
    ['epoch_min', 'epoch_max'],
    ['reward_min', 'reward_max'],
    ['tool_calls_min', 'tool_calls_max'],
    ['failure_threshold', 'perfect_threshold'],
  ];
  for (const [low, high] of pairs) {
    const a = query[low] as number | undefined;
    const b = query[high] as number | undefined;
    if (a !== undefined && b !== undefined && a > b)
      throw new AnalysisError(`${low} must not exceed ${high}`, low);
  }
  if (query.failure_threshold === query.perfect_threshold)
    throw new AnalysisError('failure_threshold must be below perfect_threshold', 'failure_threshold');
  if (query.epoch_id !== undefined && (query.epoch_min !== undefined || query.epoch_max !== undefined))
    throw new AnalysisError('give epoch_id or epoch_min/epoch_max, not both', 'epoch_id');
}

/**
 * Parses and validates URL parameters. `allowed` lists the keys the endpoint accepts beyond the filters and metric
 * options (or instead of them, with `filters: false`); anything else is a 400 naming the parameter.
 */
export function parseAnalysisQuery(
  params: RawParams,
  allowed: readonly (keyof AnalysisQuery)[] = [],
  { filters = true }: { filters?: boolean } = {},
): AnalysisQuery {
  const record = toRecord(params);
  const baseKeys = new Set<string>(filters ? Object.keys(baseSchema.shape) : []);
  for (const key of Object.keys(record)) {
    if (!baseKeys.has(key) && !(allowed as readonly string[]).includes(key))
      throw new AnalysisError(`unknown parameter "${key}"`, key);
  }
  const result = allSchema.safeParse(record);
  if (!result.success) throw firstIssue(result.error);
  checkRanges(result.data);
  return result.data;
}

/** The filter part of a query (what narrows the rows). */
export function pickFilters(query: Partial<AnalysisQuery>): Filters {
  const filters: Filters = {};
  for (const key of Object.keys(filterSchema.shape) as (keyof Filters)[]) {
    const value = query[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0))
      (filters as Record<string, unknown>)[key] = value;
  }
  return filters;
}
