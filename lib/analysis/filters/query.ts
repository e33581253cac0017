import { ParamError, readParam } from '../../params/read';
import { defaultOf, type ValueOf } from '../../params/spec';
import {
  FILTER_KEYS,
  METRIC_KEYS,
  PARAM_NAMES,
  paramSpec,
  TRAJECTORY_KEYS,
  VIEW_KEYS,
  type FilterKey,
  type ParamName,
  type Params,
  type TrajectoryKey,
  type ViewKey,
} from '../../params/table';
import { AnalysisError } from '../errors';

/**
 * Validation of every analysis parameter, shared by the API and the pages. Raw URL values in, a typed query out;
 * a bad value raises an AnalysisError that names the parameter. Parameters and their rules come from the table in
 * lib/params/table.ts, read exactly as the nuqs parsers read them (lib/params/read.ts).
 */

type Value<K extends ParamName> = ValueOf<Params[K]>;
type WithDefault = { [K in ParamName]: Params[K] extends { default: unknown } ? K : never }[ParamName];
/** The trajectory page's own parameters (`step`, `id`) are no analysis parameters: the API rejects them. */
type QueryKey = Exclude<ParamName, ViewKey | TrajectoryKey>;

/** Every analysis parameter, validated; those with a default are always present (even where not accepted). */
export type AnalysisQuery = { [K in Exclude<QueryKey, WithDefault>]?: Value<K> } & {
  [K in Extract<QueryKey, WithDefault>]: Value<K>;
};

/** The filter part of a query (what narrows the rows). */
export type Filters = { [K in FilterKey]?: Value<K> };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** All raw values of every key, in URL order (a Map: a key such as `__proto__` is data, not a property). */
function rawValues(params: RawParams): Map<string, string[]> {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]),
        );
  const values = new Map<string, string[]>();
  for (const [key, value] of entries) values.set(key, [...(values.get(key) ?? []), value]);
  return values;
}

const VIEW = new Set<string>(VIEW_KEYS);
const NOT_ANALYSIS = new Set<string>([...VIEW_KEYS, ...TRAJECTORY_KEYS]);
const BASE = new Set<string>([...FILTER_KEYS, ...METRIC_KEYS]);

/** `low` must not exceed `high` (or must stay below it, `strict`). */
const ORDERED: [ParamName, ParamName, 'strict' | 'loose'][] = [
  ['epoch_min', 'epoch_max', 'loose'],
  ['reward_min', 'reward_max', 'loose'],
  ['tool_calls_min', 'tool_calls_max', 'loose'],
  ['failure_threshold', 'perfect_threshold', 'strict'],
];

/**
 * Cross-field rules. The error names a parameter the URL holds (a default cannot be the culprit): the first of the
 * pair when both were given.
 */
function checkCombinations(query: Record<string, unknown>, given: ReadonlySet<string>): void {
  for (const [low, high, mode] of ORDERED) {
    const a = query[low] as number | undefined;
    const b = query[high] as number | undefined;
    if (a === undefined || b === undefined) continue;
    if (mode === 'strict' ? a >= b : a > b) {
      const message = mode === 'strict' ? `${low} must be below ${high}` : `${low} must not exceed ${high}`;
      throw new AnalysisError(message, given.has(low) || !given.has(high) ? low : high);
    }
  }
  if (query.epoch_id !== undefined && (query.epoch_min !== undefined || query.epoch_max !== undefined))
    throw new AnalysisError('give epoch_id or epoch_min/epoch_max, not both', 'epoch_id');
}

/**
 * Parses and validates URL parameters. `allowed` lists the keys the endpoint accepts beyond the filters and metric
 * options (or instead of them, with `filters: false`); view keys of the dashboard (tab, page, trajectory) are
 * ignored; anything else is a 400 naming the parameter.
 */
export function parseAnalysisQuery(
  params: RawParams,
  allowed: readonly (keyof AnalysisQuery)[] = [],
  { filters = true }: { filters?: boolean } = {},
): AnalysisQuery {
  const values = rawValues(params);
  const accepted = new Set<string>([...(filters ? BASE : []), ...allowed]);
  for (const key of values.keys()) {
    if (!VIEW.has(key) && !accepted.has(key)) throw new AnalysisError(`unknown parameter "${key}"`, key);
  }
  const query: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const name of PARAM_NAMES) {
    if (NOT_ANALYSIS.has(name)) continue;
    const spec = paramSpec(name)!;
    let value: unknown;
    try {
      value = readParam(spec, (accepted.has(name) && values.get(name)) || []);
    } catch (error) {
      if (error instanceof ParamError) throw new AnalysisError(`${name}: ${error.message}`, name);
      throw error;
    }
    if (value !== undefined) given.add(name);
    const resolved = value ?? defaultOf(spec);
    if (resolved !== undefined) query[name] = resolved;
  }
  checkCombinations(query, given);
  return query as AnalysisQuery;
}

/** The filter part of a query (what narrows the rows). */
export function pickFilters(query: Partial<AnalysisQuery>): Filters {
  const picked: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) picked[key] = value;
  }
  return picked as Filters;
}
