import {
  createSerializer,
  parseAsArrayOf,
  parseAsFloat,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from 'nuqs/server';

/**
 * The one set of URL parameters shared by pages, route handlers and client controls. Every view of the dashboard
 * is a deep link made of these keys. Server-side validation (400s naming the parameter) lives in
 * lib/analysis/query.ts, which accepts exactly these keys.
 */
export const TABS = ['overview', 'progress', 'comparison', 'failures', 'tool-contexts'] as const;
export type Tab = (typeof TABS)[number];

export const FAILURE_SORTS = [
  'reward',
  '-reward',
  'step_count',
  '-step_count',
  'epoch_id',
  '-epoch_id',
] as const;
export type FailureSort = (typeof FAILURE_SORTS)[number];

export const GROUP_BYS = ['training_id', 'epoch_id'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

const list = parseAsArrayOf(parseAsString, ',');

/** Filters: narrow the set of trajectories every statistic is computed over. */
export const filterParsers = {
  training_id: list,
  epoch_id: parseAsInteger,
  epoch_min: parseAsInteger,
  epoch_max: parseAsInteger,
  reward_min: parseAsFloat,
  reward_max: parseAsFloat,
  termination_reason: list,
  tools_any: list,
  tools_all: list,
  tools_none: list,
  tool_failed: parseAsString,
  tool_calls_min: parseAsInteger,
  tool_calls_max: parseAsInteger,
  agent_name: list,
  q: parseAsString,
};

/** Metric options: how figures are computed, not which rows. */
export const metricParsers = {
  k: parseAsInteger,
  success_threshold: parseAsFloat,
  perfect_threshold: parseAsFloat,
  failure_threshold: parseAsFloat,
};

/** View state of the dashboard page. */
export const viewParsers = {
  tab: parseAsStringLiteral(TABS).withDefault('overview'),
  training_ids: list,
  sort: parseAsStringLiteral(FAILURE_SORTS),
  page: parseAsInteger,
  tool: parseAsString,
  trajectory: parseAsString,
};

export const dashboardParsers = { ...filterParsers, ...metricParsers, ...viewParsers };

export const FILTER_KEYS = Object.keys(filterParsers) as (keyof typeof filterParsers)[];

/** Builds `?a=b` query strings with the same encoding the client controls use. */
export const serializeDashboard = createSerializer(dashboardParsers);
