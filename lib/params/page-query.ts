import { parseAnalysisQuery, type AnalysisQuery } from '../analysis/filters/query';
import { FILTER_KEYS, METRIC_KEYS, VIEW_KEYS } from './table';

/**
 * How a page reads its URL, as against the API. The API is strict: a parameter it does not take is a 400 naming it.
 * A page is lenient about names, never about values: a key it does not read (a tracking parameter a chat tool
 * appended, `utm_source=slack`, `fbclid`; a key of another page) is dropped before validation, so a shared link opens
 * its view; a bad value of a key it reads still says which parameter is wrong. The page's links are built from what it
 * read (lib/params/hrefs.ts), so a dropped key never travels further.
 */

type RawParams = URLSearchParams | string | Record<string, string | string[] | undefined>;

interface PageOptions {
  /** Whether the page takes the filters and metric options (as parseAnalysisQuery's `filters`). */
  filters?: boolean;
}

/** The keys a page reads: the view keys, the filters and metric options unless `filters: false`, and `allowed`. */
function pageKeys(allowed: readonly string[], filters: boolean): Set<string> {
  return new Set<string>([...VIEW_KEYS, ...(filters ? [...FILTER_KEYS, ...METRIC_KEYS] : []), ...allowed]);
}

/** The URL's values of the keys the page reads, in URL order; every other key is left out. */
export function pageSearchParams(
  raw: RawParams,
  allowed: readonly string[] = [],
  { filters = true }: PageOptions = {},
): URLSearchParams {
  const keys = pageKeys(allowed, filters);
  const entries: [string, string][] =
    typeof raw === 'string' || raw instanceof URLSearchParams
      ? [...new URLSearchParams(raw).entries()]
      : Object.entries(raw).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [key, v]),
        );
  return new URLSearchParams(entries.filter(([key]) => keys.has(key)));
}

/**
 * A page's analysis query: the keys it does not read are ignored (see above), the rest validated as the API validates
 * them (a bad value is an AnalysisError naming the parameter). `allowed` and `filters` as in parseAnalysisQuery.
 */
export function parsePageQuery(
  raw: RawParams,
  allowed: readonly (keyof AnalysisQuery)[] = [],
  options: PageOptions = {},
): AnalysisQuery {
  return parseAnalysisQuery(pageSearchParams(raw, allowed, options), allowed, options);
}
