import { createLoader, createMultiParser, createSerializer, type MultiParserBuilder } from 'nuqs/server';
import { ParamError, readParam, writeParam } from './read';
import { defaultOf, type ParamSpec, type ValueOf } from './spec';
import {
  FILTER_KEYS,
  METRIC_KEYS,
  PAGE_KEYS,
  PARAMS,
  TRAJECTORY_KEYS,
  VIEW_KEYS,
  type ParamName,
  type Params,
} from './table';

/**
 * nuqs parsers derived from the parameter table. Each reads *all* values of its key (a multi parser), through the same
 * readParam as the server validation, so the page, the client controls and the API see the same value for every URL.
 * A value the server would reject reads as absent (null, or the default).
 */

type ParserOf<S> = S extends { default: unknown }
  ? ReturnType<MultiParserBuilder<ValueOf<S>>['withDefault']>
  : MultiParserBuilder<ValueOf<S>>;

type ParsersOf<K extends ParamName> = { [P in K]: ParserOf<Params[P]> };

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return Object.is(a, b);
}

function parserFor(spec: ParamSpec) {
  const parser = createMultiParser<unknown>({
    parse: (values) => {
      try {
        return readParam(spec, values) ?? null;
      } catch (error) {
        if (error instanceof ParamError) return null;
        throw error;
      }
    },
    serialize: (value) => [writeParam(spec, value)],
    eq: sameValue,
  });
  const fallback = defaultOf(spec);
  return fallback === undefined ? parser : parser.withDefault(fallback);
}

function parsersOf<K extends ParamName>(keys: readonly K[]): ParsersOf<K> {
  return Object.fromEntries(keys.map((key) => [key, parserFor(PARAMS[key])])) as ParsersOf<K>;
}

/** Filters: narrow the set of trajectories every statistic is computed over. */
export const filterParsers = parsersOf(FILTER_KEYS);

/** Metric options: how figures are computed, not which rows. */
export const metricParsers = parsersOf(METRIC_KEYS);

/** View state of the dashboard page, and the endpoint parameters its tabs use. */
export const viewParsers = parsersOf([...VIEW_KEYS, ...PAGE_KEYS]);

/** Every parameter of the dashboard URL. */
export const dashboardParsers = { ...filterParsers, ...metricParsers, ...viewParsers };

/** Builds `?a=b` query strings with the same encoding the client controls use. */
export const serializeDashboard = createSerializer(dashboardParsers);

/** Reads the dashboard URL as the page does (the client hook reads it with the same parsers). */
export const loadDashboard = createLoader(dashboardParsers);

/**
 * Every parameter of the trajectory page's URL: the search `q` it was found by (read as the dashboard and the API read
 * it), the `step` to open and, on `/trajectories?id=…`, the `id`.
 */
export const trajectoryParsers = parsersOf(['q', ...TRAJECTORY_KEYS]);

/** Reads the trajectory page's URL (a bad value reads as absent, as everywhere). */
export const loadTrajectoryPage = createLoader(trajectoryParsers);
